import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addTopic, listBoards, listTopics } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced, type SyncClient } from '../helpers/sync.ts';
import { expectConsoleErrors, launchBrowser, logIn, newContext, until } from './browser.ts';
import { contrastProblems } from './look.ts';

/** Issue 19, point 11: what a person reads after dropping a mind-map file, good or bad. */

let server: TestServer;
let browser: Browser;
let lan: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.nhap', 'Lê Văn Nhập');
  lan = await ApiClient.login(server.url, 'ksv.nhap', 'ksv.nhap-password');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/**
 * Drops a file onto the map as a person dragging it from the desktop would; the content is made
 * in the page (`repeat` times `text` after `before`), so a 19 MB file need not cross the wire.
 */
async function dropFile(page: Page, name: string, before: string, text = '', repeat = 0) {
  await page.evaluate(
    ({ name, before, text, repeat }) => {
      const target = document.querySelector('[data-testid=mindmap-canvas]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([before + text.repeat(repeat)], name));
      const box = target.getBoundingClientRect();
      const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
      for (const type of ['dragover', 'drop'])
        target.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer, ...at }),
        );
    },
    { name, before, text, repeat },
  );
}

async function openMap(
  locale: string,
): Promise<{ page: Page; client: SyncClient; boardId: string }> {
  const caseId = (await lan.request('POST', '/api/cases', { title: `Vụ nhập ${locale}` })).body
    .id as string;
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  const boardId = addBoard(client.doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'test');
  addTopic(client.doc, { boardId, parent: null, label: 'Vụ án' }, 'test');
  const page = await (await newContext(browser, locale)).newPage();
  await logIn(page, server.url, 'ksv.nhap', 'ksv.nhap-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('mindmap-canvas').waitFor();
  return { page, client, boardId };
}

const text = async (page: Page, role: 'alert' | 'status') =>
  (await page.getByRole(role).allInnerTexts()).join(' | ');

/** A valid XMind sheet (content.json) with a root and `children` topics under it. */
const sheet = (children: number) =>
  JSON.stringify([
    {
      title: 'Sơ đồ nhập',
      rootTopic: {
        title: 'Lời khai',
        children: {
          attached: Array.from({ length: children }, (_, i) => ({ title: `Ý ${i + 1}` })),
        },
      },
    },
  ]);

it('says in Vietnamese what a dropped map brought in, and why a broken or over-long one was refused', async () => {
  const { page, client, boardId } = await openMap('vi-VN');

  // Malformed XMind JSON: the documented refusal, under an import title, not an engine's TypeError.
  await dropFile(page, 'map.xmind', '{"rootTopic":{"title":"a","children":{"attached":5}}}');
  await until(async () => (await text(page, 'alert')).includes('map.xmind'), 5000, 'the refusal');
  expect(await text(page, 'alert')).toBe(
    'Không nhập được “map.xmind”: Nội dung tệp không đúng cấu trúc XMind.',
  );

  // A 19 MB label (1.7 million times 11 bytes): a Vietnamese sentence with the limit, not the English command error.
  await dropFile(page, 'dai.md', '# ', 'Lời khai ', 1_700_000);
  await until(async () => (await text(page, 'alert')).includes('dai.md'), 15_000, 'the refusal');
  expect(await text(page, 'alert')).toBe(
    'Không nhập được “dai.md”: Có chủ đề dài 15.299.999 ký tự (tối đa 5.000), bắt đầu bằng “Lời khai Lời khai Lời khai Lời khai Lời…”.',
  );
  expect(listTopics(client.doc, boardId)).toHaveLength(1);

  // A good file: the count and the name, and the refusal is gone.
  await dropFile(page, 'map.xmind', sheet(41));
  await until(async () => (await text(page, 'status')).includes('map.xmind'), 5000, 'the notice');
  expect(await text(page, 'status')).toContain('Đã nhập 42 chủ đề từ “map.xmind”.');
  expect(await text(page, 'alert')).toBe('');
  expect(listTopics(client.doc, boardId)).toHaveLength(43);
  expect(await contrastProblems(page, '[data-testid=import-message]', 4.5)).toEqual([]);

  // The import button of the menu says the same.
  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByTestId('import-input').setInputFiles({
    name: 'hong.xmind',
    mimeType: 'application/json',
    buffer: Buffer.from('[{"rootTopic":'),
  });
  await until(
    async () => (await page.getByTestId('export-message').innerText()).includes('hong.xmind'),
    5000,
    'the menu’s refusal',
  );
  expect(await page.getByTestId('export-message').innerText()).toBe(
    'Không nhập được “hong.xmind”: Tệp JSON bị lỗi hoặc không trọn vẹn.',
  );
  client.destroy();
  await page.context().close();
});

it('shows a big import’s steps as they happen, in Vietnamese and English, then its result', async () => {
  for (const [locale, steps, done] of [
    [
      'vi-VN',
      [
        'Đang đọc “lon.xmind”…',
        'Đang phân tích “lon.xmind”…',
        'Đang đưa các chủ đề vào sơ đồ…',
        'Đang vẽ sơ đồ…',
      ],
      'Đã nhập 3.001 chủ đề từ “lon.xmind”.',
    ],
    [
      'en-US',
      [
        'Reading “lon.xmind”…',
        'Reading the map in “lon.xmind”…',
        'Adding the topics to the map…',
        'Drawing the map…',
      ],
      'Imported 3,001 topics from “lon.xmind”.',
    ],
  ] as const) {
    const { page, client, boardId } = await openMap(locale);
    // Every text the progress line shows, as the page draws it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __steps: string[] }).__steps = seen;
      new MutationObserver(() => {
        const line = document.querySelector<HTMLElement>('[data-testid=import-progress]');
        const now = line?.innerText.trim();
        if (now && seen.at(-1) !== now) seen.push(now);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await dropFile(page, 'lon.xmind', sheet(3000));
    await page.getByTestId('import-message').waitFor({ timeout: 30_000 });
    // Each step in turn; the writing's line counts the topics written (bench and import-big).
    const seen = await page.evaluate(() => (window as unknown as { __steps: string[] }).__steps);
    expect([...new Set(seen.map((line) => steps.find((s) => line.startsWith(s))))]).toEqual(steps);
    // Done: the count written as the language writes numbers, the bar gone, the topics there.
    expect(await page.getByTestId('import-message').innerText()).toBe(done);
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    expect(listTopics(client.doc, boardId)).toHaveLength(3002);
    client.destroy();
    await page.context().close();
  }
});

it('says the same in English', async () => {
  const { page, client } = await openMap('en-US');
  await dropFile(page, 'map.xmind', '[{"rootTopic":{"children":{"attached":[null]}}}]');
  await until(async () => (await text(page, 'alert')).includes('map.xmind'), 5000, 'the refusal');
  expect(await text(page, 'alert')).toBe(
    'Could not import “map.xmind”: The file’s content is not laid out as XMind.',
  );
  await dropFile(page, 'map.xmind', sheet(2));
  await until(async () => (await text(page, 'status')).includes('map.xmind'), 5000, 'the notice');
  expect(await text(page, 'status')).toContain('Imported 3 topics from “map.xmind”.');
  client.destroy();
  await page.context().close();
});

it('says a restore cut off on the way was not kept, under a restore title, not “could not export”', async () => {
  const page = await (await newContext(browser, 'vi-VN')).newPage();
  await logIn(page, server.url, 'ksv.nhap', 'ksv.nhap-password');
  await page.goto(`${server.url}/`);
  await page.getByTestId('restore').waitFor();
  await page.route('**/api/cases/restore', (route) => route.abort('connectionreset'));
  expectConsoleErrors(/ERR_CONNECTION_RESET|Failed to load resource/);
  await page.getByTestId('restore-input').setInputFiles({
    name: 'vu-an.caseboard.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from('PK\u0003\u0004'),
  });
  await until(async () => (await text(page, 'alert')).includes('khôi phục'), 5000, 'the message');
  expect(await text(page, 'alert')).toBe(
    'Không khôi phục được: mất kết nối với máy chủ khi đang gửi tệp. Không có gì được lưu; hãy thử lại.',
  );
  await page.context().close();
});

it('says when further sheets of an XMind workbook became boards of their own, in Vietnamese and English', async () => {
  for (const [locale, said] of [
    ['vi-VN', 'Đã nhập 3 chủ đề từ “so-do.xmind”; 2 trang tính khác thành bảng mới.'],
    ['en-US', 'Imported 3 topics from “so-do.xmind”; new boards for its other sheets: 2.'],
  ] as const) {
    const { page, client } = await openMap(locale);
    const book = JSON.stringify([
      JSON.parse(sheet(2))[0],
      { title: 'Dòng thời gian', rootTopic: { title: 'Ngày 12/3' } },
      { title: 'Nhân chứng', rootTopic: { title: 'Lê Văn C' } },
    ]);
    await dropFile(page, 'so-do.xmind', book);
    await until(
      async () => (await text(page, 'status')).includes('so-do.xmind'),
      5000,
      'the notice',
    );
    expect(await text(page, 'status')).toContain(said);
    await until(async () => listBoards(client.doc).length === 3, 5000, 'the new boards');
    expect(listBoards(client.doc).map((b) => b.title)).toEqual(
      expect.arrayContaining(['Sơ đồ', 'Dòng thời gian', 'Nhân chứng']),
    );
    client.destroy();
    await page.context().close();
  }
});
