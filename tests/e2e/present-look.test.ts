import type { Browser, BrowserContext, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { addSlide, listSlides, updateSlide } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { makePng } from '../helpers/files.ts';
import { connectClient, eventually, synced, type SyncClient } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';
import { contrastProblems, ownBackground, renderedHeights } from './look.ts';

/**
 * Presenting as a prosecutor sees it on the first day, in a case classified MẬT: the presenter
 * view beside the projector, the black screen, the marking on every screen and page, followers,
 * hearing links and speaker notes. Every check looks at what is drawn.
 */

let server: TestServer;
let browser: Browser;
let lan: ApiClient;
let client: SyncClient;
let caseId: string;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  await admin.newUser('ksv.hung', 'Lê Văn Hùng');
  lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  caseId = (
    await lan.request('POST', '/api/cases', {
      title: 'Vụ trộm cắp tài sản',
      offences: ['Điều 173'],
      classification: 'mat',
    })
  ).body.id as string;
  await lan.request('PUT', `/api/cases/${caseId}/members/ksv.hung`, { role: 'editor' });
  client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  const titles = ['Quyết định khởi tố', 'Diễn biến hành vi', 'Đề nghị truy tố'];
  for (const title of titles) {
    const id = addSlide(client.doc, { kind: 'title', title, text: 'Điều 173 BLHS' }, 'test');
    updateSlide(client.doc, { id, patch: { notes: `Ghi chú: ${title}` } }, 'test');
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  client?.destroy();
  await browser?.close();
  await server?.dispose();
});

/** A browser window of the case, logged in as `user`; closed when the test ends, failed or not. */
async function openCase(user: string, context?: BrowserContext): Promise<Page> {
  const own = context ?? (await newContext(browser, 'vi-VN'));
  onTestFinished(() => own.close());
  const page = await own.newPage();
  await logIn(page, server.url, user, `${user}-password`);
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('case-title').waitFor();
  return page;
}

/** Share of pixels of a picture (PNG or JPEG bytes) in a region that pass `test`, decoded in a page. */
async function shareOf(
  page: Page,
  bytes: Uint8Array,
  mime: string,
  kind: 'black' | 'red',
  region = { x: 0, y: 0, w: 1, h: 1 },
): Promise<number> {
  return page.evaluate(
    async ({ data, mime, kind, region }) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: mime }));
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const x = Math.floor(region.x * bitmap.width);
      const y = Math.floor(region.y * bitmap.height);
      const w = Math.max(1, Math.floor(region.w * bitmap.width));
      const h = Math.max(1, Math.floor(region.h * bitmap.height));
      const pixels = context.getImageData(x, y, w, h).data;
      let hits = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
        if (kind === 'black' ? r < 16 && g < 16 && b < 16 : r > 150 && g < 60 && b < 70) hits++;
      }
      return hits / (pixels.length / 4);
    },
    { data: [...bytes], mime, kind, region },
  );
}

it('keeps speaker notes typed right before a document page is picked', async () => {
  const page = await openCase('ksv.lan');
  await page.getByTestId('register-tab-files').click();
  await page.getByTestId('files-upload-input').setInputFiles({
    name: 'BL 12 - Biên bản khám nghiệm.png',
    mimeType: 'image/png',
    buffer: makePng(60, 80, [250, 250, 240]),
  });
  await page.getByTestId('files-tab').getByTestId('file-row').waitFor();
  await page.getByTestId('toggle-deck').click();
  await page.getByTestId('deck-slide').nth(1).click();
  await page.getByTestId('slide-notes').click();
  await page.getByTestId('slide-notes').press('Control+a');
  await page.keyboard.type('Nhấn mạnh thời điểm 22 giờ.');
  // Right after typing, a document page is added: the editor moves to the new slide.
  await page
    .getByTestId('add-document')
    .selectOption({ label: 'BL 12 - Biên bản khám nghiệm.png' });
  await until(
    async () => (await page.getByTestId('deck-slide').count()) === 4,
    3000,
    'the document slide',
  );
  await eventually(
    () => listSlides(client.doc)[1]?.notes === 'Nhấn mạnh thời điểm 22 giờ.',
    3000,
    'the notes in the document',
  );
  // Back on the slide, the notes are there.
  await page.getByTestId('deck-slide').nth(1).click();
  expect(await page.getByTestId('slide-notes').inputValue()).toBe('Nhấn mạnh thời điểm 22 giờ.');
  // The document slide goes again, for the tests below.
  await page.locator('[data-testid=deck-slide][data-kind=document]').click();
  await page.getByTestId('slide-delete').click();
  await until(async () => listSlides(client.doc).length === 3, 3000, 'three slides again');
  updateSlide(
    client.doc,
    { id: listSlides(client.doc)[1]!.id, patch: { notes: 'Ghi chú: 2' } },
    'test',
  );
});

it('shows the deck in the presenter view before presenting and starts it; the view is readable', async () => {
  const context = await newContext(browser, 'vi-VN');
  const page = await openCase('ksv.lan', context);
  const presenter = await context.newPage();
  await presenter.goto(`${server.url}/cases/${caseId}/presenter`);
  const view = presenter.getByTestId('presenter-page');
  await view.waitFor();
  // Before presenting: the first slide large, the list of slides and a clear way to start.
  await presenter.getByTestId('presenter-start').waitFor();
  await until(
    async () => (await presenter.getByTestId('presenter-slide').count()) === 3,
    5000,
    'the list of slides',
  );
  const first = await presenter.getByTestId('presenter-current').boundingBox();
  expect(first!.width).toBeGreaterThan(1400 * 0.45);
  expect(await presenter.getByTestId('presenter-current').innerText()).toContain(
    'Quyết định khởi tố',
  );
  expect(await contrastProblems(presenter, '[data-testid=presenter-page]')).toEqual([]);
  await presenter.screenshot({ path: '/tmp/shots-fix/present/test-presenter-before.png' });

  // Started from the presenter view, the main window presents.
  await presenter.getByTestId('presenter-start').click();
  await page.getByTestId('present').waitFor();
  await until(
    async () => (await view.getAttribute('data-slide-index')) === '0',
    5000,
    'the presenter view on slide 1',
  );
  await presenter.getByTestId('presenter-next').click();
  await until(
    async () => (await page.getByTestId('present').getAttribute('data-slide-index')) === '1',
    3000,
    'slide 2 on the projector',
  );
  await until(
    async () => (await view.getAttribute('data-slide-index')) === '1',
    3000,
    'the presenter view on slide 2',
  );
  // Current slide large, next slide, notes readable, counter and timer, buttons a normal size.
  const current = (await presenter.getByTestId('presenter-current').boundingBox())!;
  const next = (await presenter.getByTestId('presenter-next-slide').boundingBox())!;
  expect(current.width).toBeGreaterThan(1400 * 0.45);
  expect(next.width).toBeLessThan(current.width);
  expect(next.width).toBeGreaterThan(200);
  expect(await presenter.getByTestId('presenter-next-slide').innerText()).toContain(
    'Đề nghị truy tố',
  );
  const notes = presenter.getByTestId('presenter-notes');
  expect(await notes.innerText()).toContain('Ghi chú: 2');
  expect(
    await notes.evaluate((el) => parseFloat(getComputedStyle(el.lastElementChild ?? el).fontSize)),
  ).toBeGreaterThanOrEqual(18);
  expect(await presenter.getByTestId('presenter-counter').innerText()).toBe('2 / 3');
  expect(await presenter.getByTestId('presenter-elapsed').innerText()).toMatch(/\d\d:\d\d/);
  const heights = await renderedHeights(presenter, '[data-testid=presenter-page] button');
  expect(heights.length).toBeGreaterThanOrEqual(4);
  for (const h of heights) {
    expect(h).toBeGreaterThanOrEqual(32);
    expect(h).toBeLessThanOrEqual(64);
  }
  // Every control fits on the screen.
  for (const box of await presenter.$$eval('[data-testid=presenter-page] button', (els) =>
    els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect),
  ))
    expect(box.bottom).toBeLessThanOrEqual(900);
  expect(await contrastProblems(presenter, '[data-testid=presenter-page]')).toEqual([]);
  // The marking of the case, on the presenter's screen too.
  expect(await presenter.getByTestId('classification-banner').innerText()).toBe('MẬT');
  await presenter.screenshot({ path: '/tmp/shots-fix/present/test-presenter.png' });

  // Black: the projector is black, nothing else; the presenter view says so.
  await presenter.getByTestId('presenter-black').click();
  await until(
    async () => (await page.getByTestId('present').getAttribute('data-black')) === 'true',
    3000,
    'black on the projector',
  );
  await presenter.getByTestId('presenter-black-state').waitFor();
  expect(await presenter.getByTestId('presenter-black-state').innerText()).toContain('Màn đen');
  expect(await contrastProblems(presenter, '[data-testid=presenter-page]')).toEqual([]);
  await page.mouse.move(5, 5);
  const shot = await page.screenshot();
  expect(await shareOf(presenter, shot, 'image/png', 'black')).toBe(1);
  await presenter.getByTestId('presenter-black').click();
  await until(
    async () => (await page.getByTestId('present').getAttribute('data-black')) === 'false',
    3000,
    'the slide again',
  );
  await presenter.getByTestId('presenter-exit').click();
  await page.getByTestId('present').waitFor({ state: 'detached' });
  await presenter.getByTestId('presenter-start').waitFor();
});

/** Lan presents from the first slide in her window; Hùng follows her. */
async function presentAndFollow() {
  const page = await openCase('ksv.lan');
  const other = await openCase('ksv.hung');
  await page.getByTestId('toggle-deck').click();
  await page.getByTestId('present-start').click();
  const presenting = page.getByTestId('present');
  await presenting.waitFor();
  await presenting.getByTestId('slide-title').waitFor();
  await other.getByTestId('follow-presenter').click();
  const following = other.getByTestId('follow');
  await following.waitFor();
  await until(
    async () => (await following.getAttribute('data-slide-index')) === '0',
    3000,
    'the follower on slide 1',
  );
  return { page, other, presenting, following };
}

it('blacks out the presenting screen and the followers entirely: no bar, no counter', async () => {
  const { page, other, presenting, following } = await presentAndFollow();
  expect(await contrastProblems(page, '[data-testid=present]')).toEqual([]);
  expect(await contrastProblems(other, '[data-testid=follow]')).toEqual([]);
  // High contrast for projectors and large text stay readable too.
  await page.keyboard.press('c');
  await page.keyboard.press('t');
  await until(
    async () => (await presenting.getAttribute('class'))!.includes('present--contrast'),
    3000,
    'high contrast',
  );
  expect(await contrastProblems(page, '[data-testid=present]')).toEqual([]);
  await page.keyboard.press('c');
  await page.keyboard.press('t');
  await page.keyboard.press('b');
  await until(
    async () => (await following.getAttribute('data-black')) === 'true',
    3000,
    'black for the follower',
  );
  expect(await presenting.getAttribute('data-black')).toBe('true');
  await page.mouse.move(5, 5);
  await page.screenshot({ path: '/tmp/shots-fix/present/test-black.png' });
  expect(await shareOf(page, await page.screenshot(), 'image/png', 'black')).toBe(1);
  expect(await shareOf(other, await other.screenshot(), 'image/png', 'black')).toBe(1);
  await page.keyboard.press('b');
  await until(
    async () => (await following.getAttribute('data-black')) === 'false',
    3000,
    'the slide again for the follower',
  );
});

it('puts a follower back on the board by itself when the presenter stops, with a passing notice', async () => {
  const { page, other, presenting, following } = await presentAndFollow();
  await page.keyboard.press('Escape');
  await presenting.waitFor({ state: 'detached' });
  await other.getByTestId('present-stopped').waitFor({ timeout: 3000 });
  expect(await other.getByTestId('present-stopped').innerText()).toContain('đã dừng');
  // Back on the board without pressing Esc.
  await following.waitFor({ state: 'detached', timeout: 10_000 });
  expect(await contrastProblems(other, '[data-testid=present-stopped]')).toEqual([]);
  await other.screenshot({ path: '/tmp/shots-fix/present/test-stopped.png' });
  // Nothing covers the case page: a click on the deck button reaches it.
  await other.getByTestId('toggle-deck').click();
  await other.getByTestId('deck-slide').first().waitFor();
  // The notice goes away by itself.
  await other.getByTestId('present-stopped').waitFor({ state: 'detached', timeout: 15_000 });
});

it('marks the case on the presenting, following and hearing screens', async () => {
  const { page, other, presenting, following } = await presentAndFollow();
  const marking = presenting.getByTestId('present-classification');
  expect(await marking.innerText()).toBe('MẬT');
  expect(await marking.isVisible()).toBe(true);
  // Above the slide, not over it: the slide is fitted below the marking.
  const stage = (await presenting.locator('.present__stage').boundingBox())!;
  expect(
    (await marking.boundingBox())!.y + (await marking.boundingBox())!.height,
  ).toBeLessThanOrEqual(stage.y + 0.5);
  expect(await contrastProblems(page, '[data-testid=present]')).toEqual([]);
  await page.screenshot({ path: '/tmp/shots-fix/present/test-present.png' });
  expect(await following.getByTestId('present-classification').innerText()).toBe('MẬT');
  expect(await contrastProblems(other, '[data-testid=follow]')).toEqual([]);

  // A hearing link shows the marking as well; the server says what it is.
  const created = await lan.request('POST', `/api/cases/${caseId}/links`, {
    label: 'Phòng xử án số 2',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  });
  const token = created.body.token as string;
  const live = await fetch(`${server.url}/api/live/${token}`);
  expect(((await live.json()) as { classification: string }).classification).toBe('mat');
  const guestContext = await newContext(browser, 'vi-VN');
  onTestFinished(() => guestContext.close());
  const guest = await guestContext.newPage();
  await guest.goto(`${server.url}/live/${token}`);
  await until(
    async () => (await guest.getByTestId('live-page').getAttribute('data-slide-index')) === '0',
    5000,
    'the link on slide 1',
  );
  // The slide's picture carries the marking (drawn into it, top and bottom): the page adds no
  // second strip above it.
  await guest.getByTestId('live-image').waitFor();
  expect(await guest.getByTestId('live-classification').count()).toBe(0);
  const marked = await guest.evaluate(async () => {
    const img = document.querySelector<HTMLImageElement>('[data-testid=live-image]')!;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    // Red pixels of the marking in the top and the bottom band of the picture.
    const red = (y0: number, y1: number) => {
      const data = g.getImageData(0, y0, canvas.width, y1 - y0).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i]! > 150 && data[i + 1]! < 90 && data[i + 2]! < 90) n++;
      return n;
    };
    const h = canvas.height;
    return { top: red(0, Math.round(h * 0.08)), bottom: red(Math.round(h * 0.92), h) };
  });
  expect(marked.top).toBeGreaterThan(50);
  expect(marked.bottom).toBeGreaterThan(50);
  expect(await contrastProblems(guest, '[data-testid=live-page]')).toEqual([]);
  // The footer lies over the slide picture, white more often than not: it has a dark chip of its own.
  const footer = await ownBackground(guest, '.live__bar');
  expect(footer.alpha).toBe(1);
  expect(footer.ratio).toBeGreaterThanOrEqual(4.5);
  await guest.screenshot({ path: '/tmp/shots-fix/present/test-live.png' });
});

it('stamps the marking on every page of the deck PDF', async () => {
  const page = await openCase('ksv.lan');
  await page.getByTestId('toggle-deck').click();
  await page.getByTestId('deck-slide').first().waitFor();
  const waiting = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByTestId('deck-pdf').click();
  const bytes = readFileSync((await (await waiting).path())!);
  const pdf = await PDFDocument.load(bytes);
  expect(pdf.getPageCount()).toBe(3);
  // The pages are drawn from the document: the marking is text at the top and the foot of each.
  const file = join(mkdtempSync(join(tmpdir(), 'deck-marking-')), 'deck.pdf');
  writeFileSync(file, bytes);
  for (let n = 1; n <= 3; n++) {
    const text = execFileSync('pdftotext', ['-f', `${n}`, '-l', `${n}`, file, '-'], {
      encoding: 'utf8',
    });
    expect(text.match(/MẬT/g)?.length, `page ${n}`).toBe(2);
  }
});
