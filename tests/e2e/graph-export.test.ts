import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addBoard,
  addEntityNode,
  addLink,
  addSlide,
  addTopic,
  setCaseMeta,
} from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced, type SyncClient } from '../helpers/sync.ts';
import { expectConsoleErrors, launchBrowser, logIn, newContext, until } from './browser.ts';

/**
 * Exports of boards as a person gets them: the board's PDF sheet downloads as a PDF with its labels
 * as text, and a picture is always the whole current board drawn from the document (a colleague's
 * newest topic included, even zoomed out) without the editing overlays (a deck frame's dashed
 * outline).
 */

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

async function newCase(title: string): Promise<{ caseId: string; client: SyncClient }> {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title })).body.id as string;
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  return { caseId, client };
}

async function open(
  caseId: string,
  locale = 'vi-VN',
  options: { serviceWorkers?: 'block' } = {},
): Promise<Page> {
  const page = await (await newContext(browser, locale, options)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  return page;
}

/** The file the page offers after `click`, or the export menu's message if it says why not. */
async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const waiting = page.waitForEvent('download', { timeout: 30_000 });
  const refused = page
    .getByTestId('export-message')
    .waitFor({ timeout: 30_000 })
    .then(async () => `refused: ${await page.getByTestId('export-message').innerText()}`);
  await click();
  const first = await Promise.race([waiting, refused]);
  if (typeof first === 'string') expect.fail(first);
  return readFileSync((await first.path())!);
}

it('downloads an evidence chart as a PDF sheet with its picture and title', async () => {
  const { caseId, client } = await newCase('Vụ trộm cắp tài sản');
  setCaseMeta(client.doc, { caseNumber: '173/2026/HS' }, 'test');
  const boardId = addBoard(client.doc, { kind: 'evidence', title: 'Sơ đồ chứng cứ' }, 'test');
  const fact = addEntityNode(
    client.doc,
    { boardId, kind: 'fact', name: 'Bị can lấy chiếc xe máy', x: 600, y: 0 },
    'test',
  );
  for (let i = 0; i < 4; i++) {
    const item = addEntityNode(
      client.doc,
      { boardId, kind: 'evidence', name: `Lời khai nhân chứng ${i + 1}`, x: 0, y: i * 90 },
      'test',
    );
    addLink(client.doc, { boardId, source: item, target: fact, type: 'supports' }, 'test');
  }
  const page = await open(caseId);
  await page.locator('.react-flow__node', { hasText: 'Lời khai nhân chứng 4' }).waitFor();

  await page.getByTestId('export-menu').locator('summary').click();
  const bytes = await download(page, () => page.getByTestId('export-pdf').click());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

  const dir = mkdtempSync(join(tmpdir(), 'board-pdf-'));
  const file = join(dir, 'board.pdf');
  writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/^Pages:\s+1$/m);
  expect(info).toMatch(/^Title:\s+Sơ đồ chứng cứ$/m);
  // A4 landscape, the menu's default.
  expect(info).toMatch(/^Page size:\s+841\.89 x 595\.2\d* pts/m);

  // The labels are text in the PDF, not a picture of them.
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const label of ['Bị can lấy chiếc xe máy', 'Lời khai nhân chứng 4', '173/2026/HS'])
    expect(text).toContain(label);

  // The sheet is drawn: the board's picture is not blank (a good share of dark pixels).
  execFileSync('pdftoppm', ['-r', '40', '-gray', '-singlefile', file, join(dir, 'page')]);
  const pgm = readFileSync(join(dir, 'page.pgm'));
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const value of pixels) if (value < 160) dark++;
  expect(dark / pixels.length).toBeGreaterThan(0.01);
});

/** The browser refuses the next picture with an Event, as an image that fails to load does. */
async function failNextPicture(page: Page): Promise<void> {
  await page.evaluate(() => {
    const original = HTMLCanvasElement.prototype.toBlob;
    HTMLCanvasElement.prototype.toBlob = function () {
      HTMLCanvasElement.prototype.toBlob = original;
      throw new Event('error');
    };
  });
}

it('turns a failed export into a reason in both languages, never "[object Event]"', async () => {
  const { caseId, client } = await newCase('Vụ xuất lỗi');
  const boardId = addBoard(client.doc, { kind: 'evidence', title: 'Sơ đồ chứng cứ' }, 'test');
  addEntityNode(client.doc, { boardId, kind: 'fact', name: 'Sự việc', x: 0, y: 0 }, 'test');
  addSlide(client.doc, { kind: 'title', title: 'Vụ xuất lỗi' }, 'test');
  // The fonts refused below, on purpose.
  expectConsoleErrors(/ERR_FAILED at .*\.ttf$/);
  for (const [locale, picture, fetched] of [
    [
      'vi-VN',
      /^Không xuất được: trình duyệt không đọc được một hình ảnh/,
      /^Không xuất được: không tải được phông chữ hoặc tệp của vụ án/,
    ],
    [
      'en-GB',
      /^Could not export: the browser could not read one of the board’s pictures/,
      /^Could not export: a font or a case file could not be fetched/,
    ],
  ] as const) {
    // Without the service worker, which keeps the fonts once the page has loaded (offline export).
    const page = await open(caseId, locale, { serviceWorkers: 'block' });
    await page.locator('.react-flow__node', { hasText: 'Sự việc' }).waitFor();
    // A picture the browser refuses to draw.
    await failNextPicture(page);
    await page.getByTestId('export-menu').locator('summary').click();
    await page.getByTestId('export-png-1').click();
    await page.getByTestId('export-message').waitFor();
    expect(await page.getByTestId('export-message').innerText()).toMatch(picture);
    // The deck's PDF, its fonts out of reach: said in the same way, from the same helper.
    await page.context().route('**/*.ttf', (route) => route.abort());
    await page.getByTestId('toggle-deck').click();
    await page.getByTestId('deck-pdf').click();
    const status = page.getByTestId('deck-export').getByRole('status');
    await status.waitFor();
    expect(await status.innerText()).toMatch(fetched);
    await page.context().close();
  }
});

it('exports the whole zoomed-out map, a colleague’s new topic included, without the deck frame', async () => {
  const { caseId, client } = await newCase('Vụ trộm cắp tại chợ');
  const boardId = addBoard(client.doc, { kind: 'mindmap', title: 'Sơ đồ tư duy vụ án' }, 'test');
  const root = addTopic(client.doc, { boardId, parent: null, label: 'Vụ trộm cắp' }, 'test');
  for (let i = 0; i < 64; i++)
    addTopic(client.doc, { boardId, parent: root, label: `Tình tiết số ${i + 1}` }, 'test');
  addSlide(
    client.doc,
    {
      kind: 'frame',
      boardId,
      title: 'Khung trình chiếu',
      frame: { x: -200, y: -200, w: 1600, h: 900 },
    },
    'test',
  );
  const page = await open(caseId);
  await page.getByTestId('mindmap-canvas').waitFor();
  await page.getByTestId('slide-frame').waitFor();
  // Zoomed out until the map is drawn simplified.
  // (A click during the previous zoom's animation zooms out from where it got to: click on.)
  const simplified = page.locator('.react-flow.is-simplified');
  for (let i = 0; i < 12 && !(await simplified.isVisible()); i++) {
    await page.getByTestId('zoom-out').click();
    if (i >= 5) await page.waitForTimeout(300);
  }
  await simplified.waitFor();

  // A colleague adds a topic while this page is zoomed out.
  addTopic(client.doc, { boardId, parent: root, label: 'Chủ đề mới của đồng nghiệp' }, 'test');
  await page.getByTestId('export-menu').locator('summary').click();
  let svg = '';
  await until(
    async () => {
      svg = (await download(page, () => page.getByTestId('export-svg').click())).toString();
      return svg.includes('Chủ đề mới của đồng nghiệp');
    },
    10_000,
    'the colleague’s topic in the exported picture',
  );
  expect(svg).toContain('Tình tiết số 64');
  expect(svg).not.toContain('Khung trình chiếu');
  expect(svg).not.toContain('slide-frame');
  // The page is back as it was: still zoomed out and simplified.
  await page.locator('.react-flow.is-simplified').waitFor();
});
