import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addSlide, addTopic } from '../../src/core/index.ts';
import { addNote } from '../../src/core/commands/notes.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';

/**
 * Review notes end to end (docs/review.md): an editor pins a note to a topic, the badge counts it
 * on the topic, a reviewer in another browser sees it, replies and resolves it, the badge goes,
 * the notes panel lists it under resolved, and present mode draws no badge.
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

const topic = (page: Page, label: string) =>
  page.locator('.case-page__board .react-flow__node', { hasText: label });

async function open(user: string, locale: string, caseId: string, errors: string[]) {
  const page = await (await newContext(browser, locale)).newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await logIn(page, server.url, user, `${user}-password`);
  await page.goto(`${server.url}/cases/${caseId}`);
  await topic(page, 'Bị can Nguyễn Văn Ấn').waitFor();
  return page;
}

it('an editor’s note on a topic: badge, a reviewer replies and resolves, the panel lists it, present mode shows none', async () => {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ trộm cắp tài sản' })).body
    .id as string;
  await lan.request('PUT', `/api/cases/${caseId}/members/vt.an`, { role: 'reviewer' });
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  const boardId = addBoard(client.doc, { kind: 'mindmap', title: 'Nội dung vụ án' }, 'test');
  const root = addTopic(client.doc, { boardId, parent: null, label: 'Vụ án' }, 'test');
  addTopic(client.doc, { boardId, parent: root, label: 'Bị can Nguyễn Văn Ấn' }, 'test');
  addSlide(
    client.doc,
    { kind: 'frame', title: 'Tổng quan', boardId, frame: { x: -600, y: -400, w: 1200, h: 800 } },
    'test',
  );

  const errors: string[] = [];
  const editor = await open('ksv.lan', 'vi-VN', caseId, errors);
  const reviewer = await open('vt.an', 'en-GB', caseId, errors);

  // The editor selects the topic and adds a note mentioning the reviewer.
  await topic(editor, 'Bị can Nguyễn Văn Ấn').click();
  await editor.getByTestId('add-note').click();
  const compose = editor.getByTestId('note-compose');
  await compose.waitFor();
  expect(await compose.innerText()).toContain('Nội dung vụ án · Bị can Nguyễn Văn Ấn');
  await compose.getByTestId('note-text').pressSequentially('Làm rõ lời khai, báo @Ngu');
  await compose.getByTestId('mention-option').first().click();
  await compose.getByTestId('note-text').pressSequentially('trước 15/3');
  await compose.getByTestId('note-send').click();
  await editor.getByTestId('note-thread').waitFor();
  expect(await editor.getByTestId('note-mentions').innerText()).toContain('Nguyễn Văn Ấn');

  // The badge says 1, on the topic's corner.
  const badge = topic(editor, 'Bị can Nguyễn Văn Ấn').getByTestId('note-badge');
  await badge.waitFor();
  expect(await badge.innerText()).toBe('1');
  const b = (await badge.boundingBox())!;
  const tb = (await topic(editor, 'Bị can Nguyễn Văn Ấn').boundingBox())!;
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  expect(cx).toBeGreaterThan(tb.x);
  expect(cx).toBeLessThan(tb.x + tb.width + b.width);
  expect(cy).toBeGreaterThan(tb.y - b.height);
  expect(cy).toBeLessThan(tb.y + tb.height);
  expect(b.height).toBeGreaterThanOrEqual(18);
  expect(
    await badge.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
  ).toBeGreaterThanOrEqual(11);

  // The reviewer (read-only otherwise) sees it, opens the thread from the badge, replies, resolves.
  await reviewer.getByTestId('read-only').waitFor();
  const theirBadge = topic(reviewer, 'Bị can Nguyễn Văn Ấn').getByTestId('note-badge');
  await theirBadge.waitFor();
  await theirBadge.click();
  const thread = reviewer.getByTestId('note-thread');
  await thread.waitFor();
  expect(await thread.innerText()).toContain('Làm rõ lời khai, báo @Nguyễn Văn Ấn trước 15/3');
  await thread.getByTestId('note-text').fill('Đồng ý, bổ sung BL 46');
  await thread.getByTestId('note-send').click();
  await until(
    async () => (await thread.getByTestId('note-entry').count()) === 2,
    3000,
    'the reply',
  );
  await thread.getByTestId('note-resolve').click();
  await thread.getByTestId('note-resolved').waitFor();

  // The badge goes on both pages; the editor sees the reply.
  await until(async () => (await theirBadge.count()) === 0, 3000, 'the reviewer’s badge gone');
  await until(async () => (await badge.count()) === 0, 5000, 'the editor’s badge gone');
  await until(
    async () =>
      (await editor.getByTestId('note-thread').innerText()).includes('Đồng ý, bổ sung BL 46'),
    3000,
    'the reply at the editor',
  );

  // The Ý kiến panel: nothing open; under "resolved", the note.
  await editor.getByTestId('toggle-notes').click();
  await editor.getByTestId('notes-list').waitFor({ state: 'attached' });
  expect(await editor.getByTestId('note-card').count()).toBe(0);
  await editor.getByTestId('notes-filter-state').selectOption('resolved');
  const card = editor.getByTestId('note-card');
  await card.waitFor();
  expect(await card.getAttribute('data-state')).toBe('resolved');
  expect(await card.innerText()).toContain('Bị can Nguyễn Văn Ấn');

  // Another open note shows a badge on the board, and none in present mode.
  addNote(
    client.doc,
    {
      anchor: { kind: 'node', board: boardId, node: root },
      text: 'Ghi chú khác',
      author: { id: 'x', name: 'Lan' },
    },
    'test',
  );
  await topic(editor, 'Vụ án').getByTestId('note-badge').waitFor();
  await editor.getByTestId('toggle-deck').click();
  await editor.getByTestId('present-start').click();
  const present = editor.getByTestId('present');
  await present.waitFor();
  await present.locator('.react-flow__node').first().waitFor();
  expect(await present.getByTestId('note-badge').count()).toBe(0);
  expect(await present.locator('.note-badge, .note-badge-svg').count()).toBe(0);

  expect(errors).toEqual([]);
  client.destroy();
});
