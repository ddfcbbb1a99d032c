import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addTopic, listTopics } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext } from './browser.ts';

/**
 * Issue 22: a big map chosen in the board menu is written in steps with a progress bar filled by
 * the topics written, drawn once at the end, seen by a colleague, and taken back by one undo.
 */

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A FreeMind map: a root, `width` branches, `width - 1` leaves under each (3.026 topics at 55). */
function freeMind(width: number): string {
  const node = (text: string, inner = '') => `<node TEXT="${text}">${inner}</node>`;
  const branches = Array.from({ length: width }, (_, i) =>
    node(
      `Lời khai nhân chứng ${i + 1}`,
      Array.from({ length: width - 1 }, (_, j) =>
        node(`Chi tiết ${i + 1}.${j + 1}: camera, tài khoản, điện thoại`),
      ).join(''),
    ),
  );
  return `<map version="1.0.1">${node('Vụ án nhập lớn', branches.join(''))}</map>`;
}

it('imports a 3,026-topic map in steps behind a progress bar, drawn, and undone in one step', async () => {
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  const caseId = (await admin.request('POST', '/api/cases', { title: 'Vụ nhập lớn' })).body
    .id as string;
  const colleague = connectClient(server.url, caseId, await admin.token());
  await synced(colleague);
  const boardId = addBoard(colleague.doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'test');
  addTopic(colleague.doc, { boardId, parent: null, label: 'Vụ án' }, 'test');
  const page = await (await newContext(browser, 'vi-VN')).newPage();
  await logIn(page, server.url, ADMIN.username, ADMIN.password);
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('mindmap-canvas').waitFor();
  // Every text and value of the progress line, as the page draws it.
  await page.evaluate(() => {
    const seen: Array<{ text: string; value: number }> = [];
    (window as unknown as { __progress: typeof seen }).__progress = seen;
    new MutationObserver(() => {
      const line = document.querySelector<HTMLElement>('[data-testid=import-progress]');
      const text = line?.innerText.trim();
      if (!line || !text || seen.at(-1)?.text === text) return;
      seen.push({ text, value: line.querySelector('progress')!.value });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByTestId('import-input').setInputFiles({
    name: 'lon.mm',
    mimeType: 'application/x-freemind',
    buffer: Buffer.from(freeMind(55), 'utf8'),
  });
  await page.getByTestId('export-message').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('export-message').innerText()).toBe(
    'Đã nhập 3.026 chủ đề từ “lon.mm”.',
  );
  const seen = await page.evaluate(
    () => (window as unknown as { __progress: Array<{ text: string; value: number }> }).__progress,
  );
  const texts = seen.map((s) => s.text);
  expect(texts.slice(0, 2)).toEqual(['Đang đọc “lon.mm”…', 'Đang phân tích “lon.mm”…']);
  expect(texts.at(-1)).toBe('Đang vẽ sơ đồ…');
  // Written in several steps, each counted, the bar filling as they go.
  const writing = texts.filter((t) => t.startsWith('Đang đưa các chủ đề vào sơ đồ…'));
  expect(writing.length).toBeGreaterThan(2);
  const counts = writing.map((t) =>
    Number(/… ([\d.]+) \/ 3\.026 chủ đề$/.exec(t)![1]!.replace('.', '')),
  );
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
  expect(counts.at(-1)).toBeLessThanOrEqual(3026);
  const values = seen.map((s) => s.value);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(await page.getByTestId('import-progress').count()).toBe(0);

  // Drawn: the imported root is on the map and no topic waits hidden; the colleague has it all.
  await page.getByText('Vụ án nhập lớn', { exact: true }).first().waitFor();
  expect(
    await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.react-flow__node-topic')].every(
        (t) => t.style.visibility !== 'hidden',
      ),
    ),
  ).toBe(true);
  await eventually(() => listTopics(colleague.doc, boardId).length === 3027, 20_000, 'all topics');

  // One undo takes the whole import back, in the page and for the colleague.
  await page.getByTestId('undo').click();
  await eventually(() => listTopics(colleague.doc, boardId).length === 1, 20_000, 'the undo');
  await page.getByText('Vụ án nhập lớn', { exact: true }).waitFor({ state: 'detached' });
  expect(listTopics(colleague.doc, boardId).map((t) => t.label)).toEqual(['Vụ án']);
  colleague.destroy();
  await page.context().close();
});
