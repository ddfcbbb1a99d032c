import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, insertOutline } from '../../src/core/index.ts';
import { caseMapOutline, OFFENCE_TEMPLATES } from '../../src/core/offenceTemplates.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const selected = (page: Page) => page.locator('.topic.is-selected').innerText();
const topic = (page: Page, label: string) =>
  page.getByTestId('topic').filter({ has: page.getByText(label, { exact: true }) });

/** Presses `key` and waits for `label` to be the selected topic. */
async function press(page: Page, key: string, label: string): Promise<void> {
  await page.keyboard.press(key);
  await until(async () => (await selected(page)) === label, 3000, `${key} to select ${label}`);
}

/** Which way is away from the centre for a topic: right of the central topic, or left. */
async function outward(
  page: Page,
  label: string,
): Promise<['ArrowRight', 'ArrowLeft'] | ['ArrowLeft', 'ArrowRight']> {
  const x = async (el: ReturnType<typeof topic>) => el.evaluate((e) => e.getBoundingClientRect().x);
  return (await x(topic(page, label))) > (await x(page.locator('.topic--root')))
    ? ['ArrowRight', 'ArrowLeft']
    : ['ArrowLeft', 'ArrowRight'];
}

it('moves with the arrows to the first child, back to the parent, and again to the child last visited, on both sides; Esc closes find', async () => {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ trộm cắp' })).body
    .id as string;
  const writer = connectClient(server.url, caseId, await lan.token());
  await synced(writer);
  const boardId = addBoard(writer.doc, { kind: 'mindmap', title: 'Nội dung vụ án' }, 'test');
  const article173 = OFFENCE_TEMPLATES.find((o) => o.article === 173)!;
  insertOutline(writer.doc, { boardId, parent: null, nodes: caseMapOutline(article173) }, 'test');
  await new Promise((resolve) => setTimeout(resolve, 200));
  writer.destroy();
  const page = await (await newContext(browser)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await topic(page, 'Người tham gia tố tụng').click();

  // Away from the centre: the first child, not the middle one.
  const [out, back] = await outward(page, 'Người tham gia tố tụng');
  await press(page, out, 'Bị can');
  await press(page, 'ArrowDown', 'Bị hại');
  await press(page, back, 'Người tham gia tố tụng');
  // Again away: the child visited last.
  await press(page, out, 'Bị hại');

  // A branch on the other side mirrors the directions.
  await topic(page, 'Chứng cứ').click();
  const [out2, back2] = await outward(page, 'Chứng cứ');
  expect(out2).not.toBe(out);
  await press(page, out2, 'Chứng cứ buộc tội');
  await press(page, back2, 'Chứng cứ');

  // Esc closes the find box, and the keys after it are the map's again.
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill('bi hai');
  await page.keyboard.press('Enter');
  await until(async () => (await selected(page)) === 'Bị hại', 3000, 'the found topic');
  await page.keyboard.press('Escape');
  await until(
    async () => (await page.getByTestId('find-input').count()) === 0,
    3000,
    'the find box closed',
  );
  await press(page, 'ArrowUp', 'Bị can');

  // Open while the map has the keys, the first Esc closes it and keeps the selection.
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill('vat chung');
  await topic(page, 'Bị can').click();
  await page.keyboard.press('Escape');
  await until(
    async () => (await page.getByTestId('find-input').count()) === 0,
    3000,
    'the find box closed from the map',
  );
  expect(await selected(page)).toBe('Bị can');
  await press(page, 'ArrowDown', 'Bị hại');
});
