import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePng } from '../helpers/files.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';
import { contrastProblems } from './look.ts';

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

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width - 1 &&
  b.x < a.x + a.width - 1 &&
  a.y < b.y + b.height - 1 &&
  b.y < a.y + a.height - 1;

/** The page, the callout's region and its enlarged copy as drawn on screen. */
async function calloutOnScreen(page: Page, index: number) {
  const callout = page.getByTestId('mark-callout').nth(index);
  // The first rectangle outlines the region, the third frames the copy.
  const rects = callout.locator(':scope > rect');
  return {
    page: (await page.getByTestId('marks-layer').boundingBox())!,
    region: (await rects.nth(0).boundingBox())!,
    copy: (await rects.nth(2).boundingBox())!,
  };
}

/** Whether the connector's ends lie on the borders of the region and of the copy. */
async function connectorTouchesBoth(page: Page, index: number): Promise<boolean> {
  return page
    .getByTestId('mark-callout')
    .nth(index)
    .evaluate((g) => {
      const rects = g.querySelectorAll(':scope > rect');
      const line = g.querySelector(':scope > line')!;
      const n = (el: Element, name: string) => Number(el.getAttribute(name));
      const onBorder = (px: number, py: number, rect: Element) => {
        const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => n(rect, a)) as [
          number,
          number,
          number,
          number,
        ];
        const e = 1e-6;
        const within = px >= x - e && px <= x + w + e && py >= y - e && py <= y + h + e;
        const edge =
          Math.abs(px - x) < e ||
          Math.abs(px - x - w) < e ||
          Math.abs(py - y) < e ||
          Math.abs(py - y - h) < e;
        return within && edge;
      };
      return (
        onBorder(n(line, 'x1'), n(line, 'y1'), rects[0]!) &&
        onBorder(n(line, 'x2'), n(line, 'y2'), rects[2]!)
      );
    });
}

async function drawCallout(page: Page, from: [number, number], to: [number, number]) {
  const box = (await page.getByTestId('marks-layer').boundingBox())!;
  const before = await page.getByTestId('mark-callout').count();
  await page.getByTestId('viewer-tool-callout').click();
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 5 });
  await page.mouse.up();
  await until(
    async () => (await page.getByTestId('mark-callout').count()) === before + 1,
    5000,
    'the callout',
  );
}

async function openScan(page: Page): Promise<void> {
  await page.getByTestId('register-tab-files').click();
  await page.getByTestId('files-tab').getByTestId('file-open').first().click();
  await page.getByTestId('viewer-page-image').waitFor();
  await page.getByTestId('marks-layer').locator('image').first().waitFor();
}

it('places a callout where it fits, lets it be moved and resized, and asks for notes in its own dialog', async () => {
  const api = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await api.request('POST', '/api/cases', { title: 'Vụ trộm cắp tài sản' })).body
    .id as string;
  const page = await (await newContext(browser)).newPage();
  const browserDialogs: string[] = [];
  page.on('dialog', (dialog) => {
    browserDialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('register-tab-files').click();
  await page.getByTestId('files-upload-input').setInputFiles([
    {
      name: 'Bản tự khai.png',
      mimeType: 'image/png',
      buffer: makePng(600, 848, [250, 250, 245]),
    },
  ]);
  await until(
    async () => (await page.getByTestId('files-tab').getByTestId('file-row').count()) === 1,
    10_000,
    'the scan listed in the case file',
  );
  await openScan(page);

  // A wide line of text: the copy is larger than the line, inside the page and not over it.
  await drawCallout(page, [0.08, 0.3], [0.92, 0.33]);
  const wide = await calloutOnScreen(page, 0);
  expect(wide.copy.width).toBeGreaterThan(wide.region.width);
  expect(wide.copy.height).toBeGreaterThan(wide.region.height);
  expect(inside(wide.copy, wide.page)).toBe(true);
  expect(overlaps(wide.copy, wide.region)).toBe(false);
  expect(await connectorTouchesBoth(page, 0)).toBe(true);

  // A narrow word near the right edge: the copy goes to the left, not over the word.
  await drawCallout(page, [0.8, 0.7], [0.92, 0.73]);
  const narrow = await calloutOnScreen(page, 1);
  expect(narrow.copy.width).toBeGreaterThan(narrow.region.width);
  expect(inside(narrow.copy, narrow.page)).toBe(true);
  expect(overlaps(narrow.copy, narrow.region)).toBe(false);
  expect(narrow.copy.x + narrow.copy.width).toBeLessThanOrEqual(narrow.region.x);
  expect(await connectorTouchesBoth(page, 1)).toBe(true);

  // Drag the narrow one's copy up by 120 px, then make it narrower by its corner.
  await page.getByTestId('viewer-tool-pan').click();
  const centre = {
    x: narrow.copy.x + narrow.copy.width / 2,
    y: narrow.copy.y + narrow.copy.height / 2,
  };
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  await page.mouse.move(centre.x, centre.y - 120, { steps: 6 });
  await page.mouse.up();
  const moved = await calloutOnScreen(page, 1);
  expect(moved.copy.y).toBeCloseTo(narrow.copy.y - 120, -1);
  expect(moved.copy.x).toBeCloseTo(narrow.copy.x, -1);
  expect(moved.copy.width).toBeCloseTo(narrow.copy.width, 0);
  const handle = (await page
    .getByTestId('mark-callout')
    .nth(1)
    .getByTestId('callout-resize')
    .boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 - 60, handle.y + handle.height / 2, {
    steps: 4,
  });
  await page.mouse.up();
  const resized = await calloutOnScreen(page, 1);
  expect(resized.copy.width).toBeCloseTo(moved.copy.width - 60, -1);
  expect(resized.copy.width / resized.copy.height).toBeCloseTo(
    narrow.region.width / narrow.region.height,
    0,
  );
  expect(inside(resized.copy, resized.page)).toBe(true);
  expect(await connectorTouchesBoth(page, 1)).toBe(true);

  // A note is typed into the app's dialog, readable over the dark viewer; no browser prompt.
  await page.getByTestId('viewer-tool-note').click();
  const layer = (await page.getByTestId('marks-layer').boundingBox())!;
  await page.mouse.click(layer.x + layer.width * 0.2, layer.y + layer.height * 0.5);
  await page.getByTestId('note-dialog').waitFor();
  expect(await contrastProblems(page, '[data-testid=note-dialog]', 4.5)).toEqual([]);
  await page.getByTestId('note-text').fill('Chữ ký của bị can');
  await page.getByTestId('note-save').click();
  await until(
    async () => (await page.getByTestId('mark-note').count()) === 1,
    5000,
    'the note on the page',
  );
  expect(await page.getByTestId('mark-note').locator('text').textContent()).toBe(
    'Chữ ký của bị can',
  );
  // Escape in the dialog closes the dialog, not the viewer.
  await page.mouse.click(layer.x + layer.width * 0.2, layer.y + layer.height * 0.6);
  await page.getByTestId('note-dialog').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('note-dialog').waitFor({ state: 'detached' });
  expect(await page.getByTestId('file-viewer').count()).toBe(1);
  expect(browserDialogs).toEqual([]);

  // The moved and resized copy is stored in the case: it is there after a reload.
  await page.reload();
  await openScan(page);
  await until(
    async () => (await page.getByTestId('mark-callout').count()) === 2,
    10_000,
    'the saved callouts',
  );
  const reloaded = await calloutOnScreen(page, 1);
  expect(reloaded.copy.y).toBeCloseTo(resized.copy.y, 0);
  expect(reloaded.copy.width).toBeCloseTo(resized.copy.width, 0);
  await page.context().close();
});
