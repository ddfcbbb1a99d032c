import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePdf, makePng } from '../helpers/files.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
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

async function addEntity(page: Page, kind: string, fields: Record<string, string>): Promise<void> {
  await page.getByTestId(`register-tab-${kind}`).click();
  await page.getByTestId('register-add').click();
  for (const [name, value] of Object.entries(fields)) {
    const field = page.locator(`#entity-${name}`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByTestId('entity-save').click();
  await page.getByTestId('entity-form').waitFor({ state: 'detached' });
}

it('keeps the register, the case file and the boards in step', async () => {
  const api = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await api.request('POST', '/api/cases', { title: 'Vụ trộm cắp tài sản' })).body
    .id as string;
  const page = await (await newContext(browser)).newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('board-add').click();
  await page.locator('[data-testid=board-dialog] select[name=kind]').selectOption('evidence');
  await page.locator('[data-testid=board-dialog] input[name=title]').fill('Sơ đồ chứng cứ');
  await page.getByTestId('board-create').click();

  // A person and an evidence item, with a page reference typed the informal way.
  await addEntity(page, 'person', { name: 'Nguyễn Văn Ấn', role: 'suspect' });
  await addEntity(page, 'evidence', {
    name: 'Con dao',
    evidenceType: 'physical',
    pages: 'bút lục 45-47',
  });
  const row = page.getByTestId('register-row').filter({ hasText: 'Con dao' });
  expect(await row.innerText()).toContain('BL 45–47');
  expect(await row.innerText()).toContain('Vật chứng');

  // Search ignores diacritics.
  await page.getByTestId('register-tab-person').click();
  await page.getByTestId('register-search').fill('nguyen an');
  expect(await page.getByTestId('register-row').count()).toBe(1);
  await page.getByTestId('register-search').fill('');

  // Attach a PDF of three pages and an image to the evidence item.
  await page.getByTestId('register-tab-evidence').click();
  await row.click();
  await page.getByTestId('evidence-attach-input').setInputFiles([
    { name: 'Biên bản khám nghiệm.pdf', mimeType: 'application/pdf', buffer: await makePdf(3) },
    { name: 'Ảnh hiện trường.png', mimeType: 'image/png', buffer: makePng(64, 48, [180, 40, 40]) },
  ]);
  const files = page.getByTestId('evidence-files').getByTestId('file-row');
  await until(
    async () => (await files.count()) === 2,
    10_000,
    'both files listed on the evidence item',
  );
  const listed = (await api.request('GET', `/api/cases/${caseId}/files`)).body.files as Array<{
    name: string;
    hash: string;
  }>;
  const pdf = listed.find((f) => f.name === 'Biên bản khám nghiệm.pdf')!;
  expect(await files.filter({ hasText: 'Biên bản' }).getByTestId('file-hash').innerText()).toBe(
    pdf.hash,
  );
  await files.filter({ hasText: 'Biên bản' }).getByTestId('file-verify').click();
  await until(
    async () => (await page.getByTestId('file-integrity').count()) === 1,
    5000,
    'the integrity check',
  );
  expect(await page.getByTestId('file-integrity').innerText()).toMatch(/Toàn vẹn/);

  // The viewer: every page of the PDF, rotation, and a callout saved in the case.
  await files.filter({ hasText: 'Biên bản' }).getByTestId('file-open').click();
  await until(
    async () =>
      (await page.getByTestId('viewer-page').count()) === 1 &&
      (await page.getByTestId('viewer-page').innerText()) === 'Trang 1/3',
    15_000,
    'the PDF in the viewer',
  );
  await page.getByTestId('viewer-page-image').waitFor();
  await page.getByTitle('Trang sau').click();
  await until(
    async () => (await page.getByTestId('viewer-page').innerText()) === 'Trang 2/3',
    5000,
    'page 2',
  );
  await page.getByTestId('viewer-rotate').click();
  expect(await page.getByTestId('viewer-page-image').getAttribute('data-rotation')).toBe('90');
  await page.getByTestId('viewer-rotate').click();
  await page.getByTestId('viewer-rotate').click();
  await page.getByTestId('viewer-rotate').click();
  await page.getByTestId('viewer-tool-callout').click();
  const box = (await page.getByTestId('marks-layer').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.1);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.2, { steps: 5 });
  await page.mouse.up();
  await until(
    async () => (await page.getByTestId('mark-callout').count()) === 1,
    5000,
    'the callout',
  );
  await page.getByTestId('viewer-close').click();

  // Link the evidence to a node on the board by dragging it from the register.
  await row.dragTo(page.getByTestId('board-canvas'), { targetPosition: { x: 300, y: 250 } });
  await until(
    async () => (await page.getByTestId('canvas-node').count()) === 1,
    5000,
    'a linked node',
  );
  expect(await page.getByTestId('canvas-node-label').innerText()).toBe('Con dao');
  expect(await page.getByTestId('canvas-node-kind').getAttribute('data-kind')).toBe('evidence');
  // The node shows the evidence's first file as a thumbnail.
  await page.getByTestId('canvas-node').getByTestId('thumbnail').waitFor();
  expect(await page.getByTestId('entity-usages').innerText()).toContain('Sơ đồ chứng cứ');

  // Rename it in the register: the node follows.
  await page.getByTestId('entity-edit').click();
  await page.locator('#entity-name').fill('Con dao bấm cán đen');
  await page.getByTestId('entity-save').click();
  await until(
    async () => (await page.getByTestId('canvas-node-label').innerText()) === 'Con dao bấm cán đen',
    5000,
    'the node to show the new name',
  );

  // The callout was saved in the case: it is there after a reload.
  await page.reload();
  await page.getByTestId('register-tab-files').click();
  await page
    .getByTestId('files-tab')
    .getByTestId('file-row')
    .filter({ hasText: 'Biên bản' })
    .getByTestId('file-open')
    .click();
  await page.getByTitle('Trang sau').click();
  await until(
    async () => (await page.getByTestId('mark-callout').count()) === 1,
    10_000,
    'the saved callout after a reload',
  );
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
