import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addEntity, insertOutline } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { expectConsoleErrors, launchBrowser, logIn, newContext, until } from './browser.ts';

/**
 * What a Vietnamese prosecutor reads on the first day: the audit log in sentences, dates as
 * dd/MM/yyyy, React Flow's controls and failures in the UI language, and the way round the case.
 */

let server: TestServer;
let browser: Browser;
let caseId: string;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  await admin.newUser('ksv.hung', 'Lê Văn Hùng');
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  caseId = (
    await lan.request('POST', '/api/cases', {
      title: 'Vụ trộm cắp tài sản',
      caseNumber: '12/2026/HS',
      offences: ['BLHS-173'],
    })
  ).body.id as string;
  await lan.request('PUT', `/api/cases/${caseId}/members/ksv.hung`, { role: 'editor' });
  const writer = connectClient(server.url, caseId, await lan.token());
  await synced(writer);
  const boardId = addBoard(writer.doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, 'test');
  addBoard(writer.doc, { kind: 'relationship', title: 'Sơ đồ quan hệ' }, 'test');
  insertOutline(
    writer.doc,
    { boardId, parent: null, nodes: [{ label: 'Vụ trộm', children: [] }] },
    'test',
  );
  addEntity(
    writer.doc,
    {
      kind: 'person',
      fields: { name: 'Nguyễn Văn An', role: 'suspect', birthDate: '1990-05-12' },
    },
    'test',
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  writer.destroy();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function openCase(locale: string, username = 'ksv.lan'): Promise<Page> {
  const page = await (await newContext(browser, locale)).newPage();
  await logIn(page, server.url, username, `${username}-password`);
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('topic').first().waitFor();
  return page;
}

it('shows the audit log as sentences in the UI language, with dd/MM/yyyy HH:mm times', async () => {
  const page = await openCase('vi-VN');
  await page.getByTestId('open-audit').click();
  await page.getByTestId('audit-row').first().waitFor();
  const sentences = await page.getByTestId('audit-sentence').allInnerTexts();
  expect(sentences).toContain('Trần Thị Lan đã tạo vụ án “Vụ trộm cắp tài sản”');
  expect(sentences).toContain('Trần Thị Lan đã thêm Lê Văn Hùng vào vụ án với vai trò Người sửa');
  // No raw codes, JSON or ISO timestamps anywhere in the table.
  const table = await page.getByTestId('audit').locator('table').innerText();
  expect(table).not.toMatch(/case\.created|member\.added|\blogin\b|[{}]|\d{4}-\d{2}-\d{2}T/);
  const times = await page.locator('.audit-table__time').allInnerTexts();
  expect(times.length).toBeGreaterThan(2);
  for (const time of times) expect(time).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  // The period is typed day first, whatever the browser's own locale.
  await page.getByTestId('audit-from').fill('01/01/2000');
  await page.getByTestId('audit-to').fill('31/12/2000');
  await page.getByTestId('audit-filter').click();
  await until(
    async () => (await page.getByTestId('audit-count').innerText()) === 'Không có mục nào khớp.',
    5000,
    'nothing in 2000',
  );
  const today = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  await page
    .getByTestId('audit-from')
    .fill(`${pad(today.getDate())}/${pad(today.getMonth() + 1)}/${today.getFullYear()}`);
  await page.getByTestId('audit-to').fill('');
  await page.getByTestId('audit-filter').click();
  await until(
    async () => (await page.getByTestId('audit-row').count()) >= times.length,
    5000,
    'every entry of today',
  );
  const kinds = await page.getByTestId('audit-action').locator('option').allInnerTexts();
  expect(kinds).toContain('Đăng nhập');
  expect(kinds).not.toContain('login');
  await page.context().close();

  // Log-ins belong to no case: the administrator's all-cases view has them.
  const admin = await (await newContext(browser, 'vi-VN')).newPage();
  await logIn(admin, server.url, ADMIN.username, ADMIN.password);
  await admin.getByTestId('open-audit-all').click();
  await admin.getByTestId('audit-row').first().waitFor();
  const all = await admin.getByTestId('audit-sentence').allInnerTexts();
  expect(all.some((s) => /^Trần Thị Lan đã đăng nhập \(từ [\d.:a-f]+\)$/.test(s))).toBe(true);
  await admin.context().close();

  const english = await openCase('en-GB');
  await english.getByTestId('open-audit').click();
  await english.getByTestId('audit-row').first().waitFor();
  const said = await english.getByTestId('audit-sentence').allInnerTexts();
  expect(said).toContain('Trần Thị Lan created the case “Vụ trộm cắp tài sản”');
  expect(said).toContain('Trần Thị Lan added Lê Văn Hùng to the case as Editor');
  await english.context().close();
});

it('shows birth dates in the register as 12/05/1990', async () => {
  const page = await openCase('vi-VN');
  await page.getByTestId('register-tab-person').click();
  const row = page.getByTestId('register-row').filter({ hasText: 'Nguyễn Văn An' });
  expect(await row.innerText()).toContain('12/05/1990');
  expect(await row.innerText()).not.toContain('1990-05-12');
  await row.click();
  const detail = await page.getByTestId('entity-detail').innerText();
  expect(detail).toContain('12/05/1990');
  expect(detail).not.toContain('1990-05-12');
  // The form edits it day first too (a browser date picker would follow the browser's locale).
  await page.getByTestId('entity-edit').click();
  const birth = page.locator('#entity-birthDate');
  expect(await birth.inputValue()).toBe('12/05/1990');
  await birth.fill('3/11/1985');
  await page.getByTestId('entity-save').click();
  await page.getByTestId('entity-form').waitFor({ state: 'detached' });
  await until(async () => (await row.innerText()).includes('03/11/1985'), 5000, 'the new date');
  await page.context().close();
});

it('names the zoom controls of every board in the UI language', async () => {
  // Graph boards keep React Flow's controls, named through its ariaLabelConfig; the mind map has
  // its own zoom bar under the map.
  const titles = async (page: Page) => {
    const map = await page.$$eval('.mindmap-zoom button', (buttons) =>
      buttons.map((b) => `${b.getAttribute('title')}|${b.getAttribute('aria-label')}`),
    );
    await page.getByTestId('board-tab').nth(1).click();
    await page.locator('.react-flow__controls').waitFor();
    const graph = await page.$$eval('.react-flow__controls button', (buttons) =>
      buttons.map((b) => `${b.getAttribute('title')}|${b.getAttribute('aria-label')}`),
    );
    return { map, graph };
  };
  const page = await openCase('vi-VN');
  expect(await titles(page)).toEqual({
    map: ['Thu nhỏ|Thu nhỏ', 'Phóng to|Phóng to', 'Vừa màn hình|Vừa màn hình'],
    graph: ['Phóng to|Phóng to', 'Thu nhỏ|Thu nhỏ', 'Xem toàn bộ sơ đồ|Xem toàn bộ sơ đồ'],
  });
  await page.context().close();
  const english = await openCase('en-GB');
  expect(await titles(english)).toEqual({
    map: ['Zoom out|Zoom out', 'Zoom in|Zoom in', 'Fit to screen|Fit to screen'],
    graph: ['Zoom in|Zoom in', 'Zoom out|Zoom out', 'Show the whole board|Show the whole board'],
  });
  await english.context().close();
});

it('says why the history panel failed when the server cannot be reached', async () => {
  expectConsoleErrors(/ERR_CONNECTION_REFUSED|ERR_FAILED/);
  const page = await openCase('vi-VN');
  // The server is down for the history panel's requests.
  await page.route('**/api/cases/*/versions**', (route) => route.abort('connectionrefused'));
  await page.getByTestId('toggle-history').click();
  const message = page.getByTestId('history-message');
  await message.waitFor();
  expect(await message.innerText()).toBe('Không làm được: Không kết nối được máy chủ.');
  await page.context().close();
});

it('goes back to the case list and manages members from inside the case', async () => {
  const page = await openCase('vi-VN');
  const back = page.getByTestId('back-to-cases');
  expect(await back.innerText()).toBe('‹ Các vụ án');
  // The link sits on the left of the case header, in view.
  const box = (await back.boundingBox())!;
  expect(box.x).toBeLessThan(100);
  expect(box.y).toBeLessThan(200);

  await page.getByTestId('open-members').click();
  const dialog = page.getByTestId('members-dialog');
  await dialog.waitFor();
  await until(
    async () => (await dialog.getByTestId('member-row').count()) === 2,
    5000,
    'two members',
  );
  expect(await dialog.innerText()).toContain('Lê Văn Hùng');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  await back.click();
  await page.getByTestId('case-card').first().waitFor();
  expect(new URL(page.url()).pathname).toBe('/');
  await page.context().close();
});

it('gives the register search box room for its whole placeholder', async () => {
  const page = await openCase('vi-VN');
  await page.getByTestId('register-tab-person').click();
  const search = page.getByTestId('register-search');
  const room = await search.evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const inner =
      input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { inner, text: context.measureText(input.placeholder).width };
  });
  expect(room.inner).toBeGreaterThanOrEqual(room.text);
  await page.context().close();
});
