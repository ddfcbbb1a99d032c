import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { addSlide, listSlides } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { makePng } from '../helpers/files.ts';
import { connectClient, eventually, synced, type SyncClient } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';

/**
 * The slide editor's title and text, typed and not yet left: picking another slide or adding a
 * document page right after typing keeps them in the document, as it keeps the speaker notes.
 */

let server: TestServer;
let browser: Browser;
let client: SyncClient;
let caseId: string;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  caseId = (
    await lan.request('POST', '/api/cases', {
      title: 'Vụ trộm cắp tài sản',
      offences: ['Điều 173'],
    })
  ).body.id as string;
  client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  for (const title of ['Quyết định khởi tố', 'Diễn biến hành vi']) {
    addSlide(client.doc, { kind: 'title', title, text: 'Điều 173 BLHS' }, 'test');
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  client?.destroy();
  await browser?.close();
  await server?.dispose();
});

/** The case open in a browser window, logged in as its owner; closed when the test ends. */
async function openCase(): Promise<Page> {
  const context = await newContext(browser, 'vi-VN');
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('case-title').waitFor();
  return page;
}

/** Replaces the text of a field by typing, key by key, as a user does; the field keeps the focus. */
async function typeInto(page: Page, field: ReturnType<Page['locator']>, text: string) {
  await field.click();
  await field.press('Control+a');
  await page.keyboard.type(text);
}

it('keeps a title and text typed right before another slide is picked', async () => {
  const page = await openCase();
  await page.getByTestId('toggle-deck').click();
  await page.getByTestId('deck-slide').nth(0).click();
  const editor = page.getByTestId('slide-editor');
  await typeInto(page, editor.getByTestId('slide-title-input'), 'Quyết định khởi tố vụ án');
  await typeInto(page, editor.locator('textarea').first(), 'Điều 173 khoản 2 BLHS');
  // Right after typing, the next slide is picked.
  await page.getByTestId('deck-slide').nth(1).click();
  await eventually(
    () =>
      listSlides(client.doc)[0]?.title === 'Quyết định khởi tố vụ án' &&
      listSlides(client.doc)[0]?.text === 'Điều 173 khoản 2 BLHS',
    3000,
    'the title and text in the document',
  );
  // The list shows the new title, and back on the slide the fields hold what was typed.
  expect(await page.getByTestId('deck-slide').nth(0).innerText()).toContain(
    'Quyết định khởi tố vụ án',
  );
  await page.getByTestId('deck-slide').nth(0).click();
  expect(await editor.getByTestId('slide-title-input').inputValue()).toBe(
    'Quyết định khởi tố vụ án',
  );
  expect(await editor.locator('textarea').first().inputValue()).toBe('Điều 173 khoản 2 BLHS');
});

it('keeps a title and text typed right before a document page is added', async () => {
  const page = await openCase();
  await page.getByTestId('register-tab-files').click();
  await page.getByTestId('files-upload-input').setInputFiles({
    name: 'BL 7 - Lời khai.png',
    mimeType: 'image/png',
    buffer: makePng(60, 80, [250, 250, 240]),
  });
  await page.getByTestId('files-tab').getByTestId('file-row').waitFor();
  await page.getByTestId('toggle-deck').click();
  await page.getByTestId('deck-slide').nth(1).click();
  const editor = page.getByTestId('slide-editor');
  await typeInto(page, editor.locator('textarea').first(), 'Rạng sáng ngày 12/3');
  await typeInto(page, editor.getByTestId('slide-title-input'), 'Diễn biến hành vi phạm tội');
  await page.getByTestId('add-document').selectOption({ label: 'BL 7 - Lời khai.png' });
  await until(
    async () => (await page.getByTestId('deck-slide').count()) === 3,
    3000,
    'the document slide',
  );
  await eventually(
    () =>
      listSlides(client.doc)[1]?.title === 'Diễn biến hành vi phạm tội' &&
      listSlides(client.doc)[1]?.text === 'Rạng sáng ngày 12/3',
    3000,
    'the title and text in the document',
  );
  expect(listSlides(client.doc)[2]?.kind).toBe('document');
});
