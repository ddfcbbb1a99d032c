import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addFileRecord, addSlide } from '../../src/core/index.ts';
import { addNote } from '../../src/core/commands/notes.ts';
import { listNotes } from '../../src/core/notes.ts';
import { makePng } from '../helpers/files.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext } from './browser.ts';

/**
 * A review note pinned to a region of a case-file page (docs/review.md): the viewer's note button
 * arms a tool, a rectangle drawn on the page becomes the note's place, a click the whole page.
 */

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  await admin.newUser('vt.an', 'Nguyễn Văn Ấn');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

it('a reviewer pins a note to a region drawn on a scanned page', async () => {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ trộm cắp tài sản' })).body
    .id as string;
  await lan.request('PUT', `/api/cases/${caseId}/members/vt.an`, { role: 'reviewer' });
  const res = await fetch(
    `${server.url}/api/cases/${caseId}/files?name=${encodeURIComponent('Bản tự khai.png')}`,
    {
      method: 'POST',
      headers: { cookie: lan.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(makePng(600, 848, [250, 250, 245])),
    },
  );
  const stored = (await res.json()) as { hash: string; size: number };
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  addFileRecord(
    client.doc,
    { hash: stored.hash, name: 'Bản tự khai.png', mime: 'image/png', size: stored.size },
    'test',
  );

  // The reviewer (a leader) opens the scan from the register's case file.
  const page = await (await newContext(browser, 'vi-VN')).newPage();
  await logIn(page, server.url, 'vt.an', 'vt.an-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('register-tab-files').click();
  await page.getByTestId('files-tab').getByTestId('file-open').first().click();
  await page.getByTestId('viewer-page-image').waitFor();
  await page.getByTestId('marks-layer').locator('image').first().waitFor();

  // Arm the tool and draw a rectangle over the upper left quarter of the page.
  await page.getByTestId('viewer-add-note').click();
  expect(await page.getByTestId('viewer-add-note').getAttribute('aria-pressed')).toBe('true');
  const box = (await page.getByTestId('marks-layer').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.1);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.2, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.3, { steps: 4 });
  await page.mouse.up();

  const compose = page.getByTestId('note-compose');
  await compose.waitFor();
  expect(await compose.innerText()).toContain('Bản tự khai.png');
  await compose.getByTestId('note-text').fill('Đối chiếu chữ ký ở góc trên với bản cung lần 2.');
  await compose.getByTestId('note-send').click();

  // The note reaches the prosecutor's client, pinned to the region drawn, not the whole page.
  await eventually(() => listNotes(client.doc).length === 1, 10_000);
  const [note] = listNotes(client.doc);
  expect(note!.anchor).toMatchObject({ kind: 'page', file: stored.hash, page: 1 });
  const region = note!.anchor as { x: number; y: number; w: number; h: number };
  expect(region.x).toBeCloseTo(0.1, 1);
  expect(region.y).toBeCloseTo(0.1, 1);
  expect(region.w).toBeCloseTo(0.4, 1);
  expect(region.h).toBeCloseTo(0.2, 1);
  expect(note!.text).toBe('Đối chiếu chữ ký ở góc trên với bản cung lần 2.');
  client.destroy();
});

it('a note on a slide, clicked in the notes panel, opens the deck where the slide shows its badge', async () => {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ có trang chiếu' })).body
    .id as string;
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  const slide = addSlide(client.doc, { kind: 'title', title: 'Diễn biến hành vi' }, 'test');
  addNote(
    client.doc,
    {
      anchor: { kind: 'slide', slide },
      text: 'Thêm ảnh hiện trường vào trang này.',
      author: { id: 'someone', name: 'Trần Thị Lan' },
    },
    'test',
  );
  const page = await (await newContext(browser, 'en-GB')).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('toggle-notes').click();
  await page.getByTestId('note-card').filter({ hasText: 'Thêm ảnh hiện trường' }).click();
  await page.getByTestId('deck-panel').waitFor();
  expect(await page.getByTestId('deck-panel').getByTestId('note-badge').count()).toBe(1);
  client.destroy();
});
