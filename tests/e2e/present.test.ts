import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addTopic } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { makePng } from '../helpers/files.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { expectConsoleErrors, launchBrowser, logIn, newContext, until } from './browser.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  await admin.newUser('ksv.hung', 'Lê Văn Hùng');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A topic of the board on screen (thumbnails draw the map too, off screen). */
const topic = (page: Page, label: string) =>
  page.locator('.case-page__board .react-flow__node', { hasText: label });
const at = async (page: Page, testId: string) => {
  const el = page.getByTestId(testId);
  return `${await el.getAttribute('data-slide-index')}/${await el.getAttribute('data-step')}`;
};

it('makes a deck of a framed map with builds, a document page and a title, presents it, and others follow', async () => {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ trộm cắp tài sản' })).body
    .id as string;
  await lan.request('PUT', `/api/cases/${caseId}/members/ksv.hung`, { role: 'editor' });
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  const boardId = addBoard(client.doc, { kind: 'mindmap', title: 'Nội dung vụ án' }, 'test');
  const root = addTopic(client.doc, { boardId, parent: null, label: 'Vụ án' }, 'test');
  for (const label of ['Bị can Nguyễn Văn Ấn', 'Bị hại Đỗ Thị Lập', 'Chứng cứ'])
    addTopic(client.doc, { boardId, parent: root, label }, 'test');

  const [page, other] = (await Promise.all(
    ['ksv.lan', 'ksv.hung'].map(async (user) => {
      const p = await (await newContext(browser, 'vi-VN')).newPage();
      await logIn(p, server.url, user, `${user}-password`);
      await p.goto(`${server.url}/cases/${caseId}`);
      await topic(p, 'Chứng cứ').waitFor();
      return p;
    }),
  )) as [Page, Page];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  // A page of the case file, for a document slide.
  await page.getByTestId('register-tab-files').click();
  await page.getByTestId('files-upload-input').setInputFiles({
    name: 'BL 12 - Biên bản khám nghiệm.png',
    mimeType: 'image/png',
    buffer: makePng(60, 80, [250, 250, 240]),
  });
  await page.getByTestId('files-tab').getByTestId('file-row').waitFor();

  // Slide 1: a frame of the map as it is in view, with two build steps.
  await page.getByTestId('toggle-deck').click();
  await page.getByTestId('add-frame').click();
  await page.getByTestId('deck-slide').first().waitFor();
  await topic(page, 'Bị can Nguyễn Văn Ấn').click();
  await page.getByTestId('add-step').click();
  await topic(page, 'Bị hại Đỗ Thị Lập').click();
  await page.getByTestId('add-step').click();
  await until(
    async () => (await page.getByTestId('slide-steps').locator('li').count()) === 2,
    3000,
    'two steps',
  );
  // The frame shows on the board while editing, with its name.
  expect(await page.getByTestId('slide-frame').innerText()).toContain('Nội dung vụ án');
  // Slide 2: the document page; slide 3: a title slide.
  await page
    .getByTestId('add-document')
    .selectOption({ label: 'BL 12 - Biên bản khám nghiệm.png' });
  await page.getByTestId('add-title').click();
  await page.getByTestId('slide-title-input').fill('Đề nghị truy tố');
  await page.getByTestId('slide-notes').click();
  await page.getByTestId('slide-notes').fill('Nhấn mạnh giá trị tài sản.');
  await page.getByTestId('slide-title-input').click();
  expect(await page.getByTestId('deck-slide').count()).toBe(3);
  // Thumbnails are drawn for every slide.
  await until(
    async () => (await page.getByTestId('deck-thumb').count()) === 3,
    15000,
    'three thumbnails',
  );
  // The thumbnail of the title slide is drawn from the document, not blank: its title's letters
  // are dark on the slide.
  const ink = await page
    .getByTestId('deck-thumb')
    .nth(2)
    .evaluate(async (img) => {
      const image = img as HTMLImageElement;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4)
        if ((data[i]! + data[i + 1]! + data[i + 2]!) / 3 < 128) dark++;
      return dark / (data.length / 4);
    });
  expect(ink).toBeGreaterThan(0.003);

  // Present from the first slide.
  await page.getByTestId('deck-slide').first().click();
  await page.getByTestId('present-start').click();
  const presenting = page.getByTestId('present');
  await presenting.waitFor();
  expect(await at(page, 'present')).toBe('0/0');
  // Before the first step both built topics are hidden; the others show.
  const shown = async (label: string) =>
    presenting.locator('.react-flow__node', { hasText: label }).isVisible();
  await until(async () => await shown('Chứng cứ'), 3000, 'the map on the slide');
  expect(await shown('Bị can Nguyễn Văn Ấn')).toBe(false);
  expect(await shown('Bị hại Đỗ Thị Lập')).toBe(false);

  // Hùng follows Lan.
  await other.getByTestId('follow-presenter').click();
  const following = other.getByTestId('follow');
  await following.waitFor();
  await until(async () => (await at(other, 'follow')) === '0/0', 3000, 'the follower on slide 1');

  await page.keyboard.press('ArrowRight');
  await until(async () => await shown('Bị can Nguyễn Văn Ấn'), 3000, 'step 1 reveals the suspect');
  expect(await shown('Bị hại Đỗ Thị Lập')).toBe(false);
  await until(async () => (await at(other, 'follow')) === '0/1', 3000, 'the follower on step 1');
  await until(
    async () =>
      following.locator('.react-flow__node', { hasText: 'Bị can Nguyễn Văn Ấn' }).isVisible(),
    3000,
    'the follower sees the suspect',
  );
  // The laser pointer, seen by the follower.
  await page.keyboard.press('p');
  await page.mouse.move(700, 400);
  await page.mouse.move(720, 410, { steps: 3 });
  await other.getByTestId('laser').waitFor({ timeout: 3000 });
  await page.keyboard.press('p');

  // The presenter view, a second window, shows where the presentation is and drives it.
  const presenter = await page.context().newPage();
  await presenter.goto(`${server.url}/cases/${caseId}/presenter`);
  await until(
    async () => (await at(presenter, 'presenter-page')) === '0/1',
    5000,
    'the presenter view',
  );
  await presenter.getByTestId('presenter-next').click();
  await until(async () => await shown('Bị hại Đỗ Thị Lập'), 3000, 'step 2 reveals the victim');
  await until(
    async () => (await at(presenter, 'presenter-page')) === '0/2',
    3000,
    'the presenter view follows',
  );
  // Its keys drive the presentation too: forward to slide 2, and back to the last step of slide 1.
  await presenter.keyboard.press('ArrowRight');
  await until(async () => (await at(page, 'present')) === '1/0', 3000, 'the key moves on');
  await presenter.keyboard.press('ArrowLeft');
  await until(async () => (await at(page, 'present')) === '0/2', 3000, 'the key moves back');
  await presenter.close();
  await page.bringToFront();
  await page.getByTestId('present').focus();

  // A hearing link, opened with no account, follows the presenter and nothing else.
  const created = await lan.request('POST', `/api/cases/${caseId}/links`, {
    label: 'Phòng xử án số 2',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  });
  expect(created.status).toBe(201);
  const token = created.body.token as string;
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const guest = await (await newContext(browser, 'vi-VN')).newPage();
  await guest.goto(`${server.url}/live/${token}`);
  await guest.getByTestId('live-page').waitFor();
  await until(
    async () => (await at(guest, 'live-page')) === '0/2',
    5000,
    'the link on slide 1, step 2',
  );
  await page.keyboard.press('PageDown');
  await until(async () => (await at(page, 'present')) === '1/0', 3000, 'slide 2');
  await presenting.getByTestId('slide-page').waitFor();
  // The page and its caption fit inside the slide, full screen and in the presenter view's small
  // boxes: neither is cut at the top or the bottom.
  const second = await page.context().newPage();
  await second.setViewportSize({ width: 700, height: 450 }); // a box as small as the "next" preview
  await second.goto(`${server.url}/cases/${caseId}/presenter`);
  await second.locator('[data-testid=presenter-current] [data-testid=slide-page]').waitFor();
  for (const [view, root] of [
    [page, '[data-testid=present]'],
    [second, '[data-testid=presenter-current]'],
  ] as const) {
    const sheet = (await view.locator(`${root} [data-testid=slide-document]`).boundingBox())!;
    for (const part of ['.slide__caption', '[data-testid=slide-page]']) {
      const box = (await view.locator(`${root} ${part}`).boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(sheet.y - 0.5);
      expect(box.y + box.height).toBeLessThanOrEqual(sheet.y + sheet.height + 0.5);
    }
  }
  await second.close();
  await page.bringToFront();
  await page.getByTestId('present').focus();
  await until(async () => (await at(guest, 'live-page')) === '1/0', 5000, 'the link on slide 2');
  await until(
    async () =>
      (await guest
        .getByTestId('live-image')
        .evaluate((img) => (img as HTMLImageElement).naturalWidth)) > 0,
    5000,
    'the picture of the slide on the link',
  );
  // The link holder cannot read the case, its boards or its files.
  expectConsoleErrors(/status of 401 .*\/api\/cases\/[\w-]+(\/files)?$/); // the probe below, on purpose
  const probe = await guest.evaluate(async (id) => {
    const a = await fetch(`/api/cases/${id}`);
    const b = await fetch(`/api/cases/${id}/files`);
    return [a.status, b.status];
  }, caseId);
  expect(probe).toEqual([401, 401]);
  expect(await guest.locator('.react-flow').count()).toBe(0);

  // The number keys jump; B blacks the screen for everyone.
  await page.keyboard.press('3');
  await page.keyboard.press('Enter');
  await until(async () => (await at(page, 'present')) === '2/0', 3000, 'jump to slide 3');
  expect(await presenting.getByTestId('slide-title').innerText()).toContain('Đề nghị truy tố');
  await page.keyboard.press('b');
  await until(
    async () => (await following.getAttribute('data-black')) === 'true',
    3000,
    'black for the follower',
  );
  await page.keyboard.press('b');

  // Revoked, the link is refused at once and afterwards.
  expectConsoleErrors(/status of 410 .*\/api\/live\//);
  const uses = await lan.request('GET', `/api/cases/${caseId}/links`);
  expect(uses.body.links[0].uses).toBeGreaterThanOrEqual(2);
  const linkId = created.body.link.id as string;
  expect((await lan.request('DELETE', `/api/cases/${caseId}/links/${linkId}`)).status).toBe(204);
  await guest.getByTestId('live-refused').waitFor({ timeout: 5000 });
  const again = await fetch(`${server.url}/api/live/${token}`);
  expect(again.status).toBe(410);
  const fresh = await (await newContext(browser, 'vi-VN')).newPage();
  await fresh.goto(`${server.url}/live/${token}`);
  expect(await fresh.getByTestId('live-refused').innerText()).toContain('thu hồi');

  // Esc ends the presentation; the follower is told, and is back on the board by itself.
  await page.keyboard.press('Escape');
  await presenting.waitFor({ state: 'detached' });
  await until(
    async () => (await other.getByTestId('present-stopped').innerText()).includes('đã dừng'),
    3000,
    'the follower told',
  );
  await following.waitFor({ state: 'detached', timeout: 10_000 });
  expect(errors).toEqual([]);
});
