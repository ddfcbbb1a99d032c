import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addEntity, updateEntity } from '../../src/core/index.ts';
import { addSceneObject, updateSceneObjects } from '../../src/core/commands/scene.ts';
import { listSlides } from '../../src/core/commands/deck.ts';
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

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const waiting = page.waitForEvent('download', { timeout: 30_000 });
  await click();
  return readFileSync((await (await waiting).path())!);
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

it('exports a scene and the timeline as pictures, and marks a moved scene shape and a changed event in the version view', async () => {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ án hiện trường' })).body
    .id as string;
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  const scene = addBoard(client.doc, { kind: 'scene', title: 'Hiện trường' }, 'test');
  const marker = addSceneObject(
    client.doc,
    { boardId: scene, object: { shape: 'marker', x: 2, y: 2 } },
    'test',
  );
  const timeline = addBoard(client.doc, { kind: 'timeline', title: 'Diễn biến' }, 'test');
  const event = addEntity(
    client.doc,
    { kind: 'event', fields: { name: 'Phát hiện vụ việc', start: '08:00 12/3/2024' } },
    'test',
  );

  const page = await (await newContext(browser, 'vi-VN')).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.locator(`[data-testid=board-tab][data-board-id="${scene}"]`).click();
  await page.locator(`.scene [data-id="${marker}"]`).waitFor();

  // The scene as SVG and as PNG, from the case page's picture menu.
  const menu = page.locator(`[data-board-picture="${scene}"] [data-testid=export-menu]`);
  // It only exports (pictures and PDF), so it says so (not “Import / Export” as the mind map's).
  expect((await menu.locator('summary').innerText()).trim()).toBe('Xuất ảnh, PDF');
  await menu.locator('summary').click();
  const svg = (await download(page, () => menu.getByTestId('export-svg').click())).toString();
  expect(svg).toContain('<svg');
  expect(svg).toContain(marker);
  const png = await download(page, () => menu.getByTestId('export-png-1').click());
  expect(png.subarray(0, 4).equals(PNG)).toBe(true);
  // The scene's picture: its own size (the room around the marker), not an empty canvas.
  expect(png.readUInt32BE(16)).toBeGreaterThan(40);
  expect(png.readUInt32BE(20)).toBeGreaterThan(40);

  // The timeline as a PNG, with its event drawn.
  await page.locator(`[data-testid=board-tab][data-board-id="${timeline}"]`).click();
  await page.getByTestId('timeline-item').first().waitFor();
  const timelineMenu = page.locator(`[data-board-picture="${timeline}"] [data-testid=export-menu]`);
  await timelineMenu.locator('summary').click();
  const timelinePng = await download(page, () => timelineMenu.getByTestId('export-png-1').click());
  expect(timelinePng.subarray(0, 4).equals(PNG)).toBe(true);

  // A version, then the marker turned: the version view marks it moved (amber) on both sides.
  await page.locator(`[data-testid=board-tab][data-board-id="${scene}"]`).click();
  await page.getByTestId('toggle-history').click();
  await page.getByTestId('version-name').fill('Trước khi xoay');
  await page.getByTestId('version-make').click();
  const item = page.locator('[data-testid=version-item][data-name="Trước khi xoay"]');
  await item.waitFor();
  updateSceneObjects(
    client.doc,
    { boardId: scene, patches: [{ id: marker, patch: { x: 5, rotation: 30 } }] },
    'test',
  );
  await item.getByTestId('version-compare').click();
  const shape = (pane: string) =>
    page.getByTestId(pane).locator(`.scene [data-id="${marker}"]`).first();
  await shape('version-pane-then').waitFor();
  // A scene in a version pane is a view to read: no toolbar, no side panel.
  for (const pane of ['version-pane-then', 'version-pane-now'])
    expect(await page.getByTestId(pane).locator('button, select, input').count()).toBe(0);
  await until(
    async () =>
      (await shape('version-pane-then').evaluate((el) => getComputedStyle(el).filter)).includes(
        'rgb(217, 119, 6)',
      ),
    5000,
    'the moved marker glowing amber in the version',
  );
  expect(await shape('version-pane-now').evaluate((el) => getComputedStyle(el).filter)).toContain(
    'rgb(217, 119, 6)',
  );
  expect(await page.getByTestId('version-diff').innerText()).toContain('Hiện trường');

  // An event changed since the version is outlined violet (its content) on the timeline.
  updateEntity(
    client.doc,
    { id: event, fields: { name: 'Phát hiện vụ việc lúc rạng sáng' } },
    'test',
  );
  await page.getByTestId('version-board').selectOption(timeline);
  const eventItem = (pane: string) =>
    page.getByTestId(pane).locator(`.timeline-item[data-id="${event}"]`).first();
  await eventItem('version-pane-now').waitFor();
  const outline = (pane: string) =>
    eventItem(pane).evaluate((el) => {
      const style = getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineColor}`;
    });
  await until(
    async () => (await outline('version-pane-now')) === 'solid rgb(124, 58, 237)',
    5000,
    'the changed event outlined violet on the timeline',
  );
  expect(await outline('version-pane-then')).toBe('solid rgb(124, 58, 237)');
  expect(await eventItem('version-pane-now').innerText()).toContain('rạng sáng');
  expect(await page.getByTestId('version-diff').innerText()).toContain('Diễn biến');
  client.destroy();
});

it('frames a scene and the timeline on slides and presents them', async () => {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ án trình chiếu' })).body
    .id as string;
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  const scene = addBoard(client.doc, { kind: 'scene', title: 'Hiện trường' }, 'test');
  const marker = addSceneObject(
    client.doc,
    { boardId: scene, object: { shape: 'marker', x: 2, y: 2 } },
    'test',
  );
  const timeline = addBoard(client.doc, { kind: 'timeline', title: 'Diễn biến' }, 'test');
  addEntity(
    client.doc,
    { kind: 'event', fields: { name: 'Phát hiện vụ việc', start: '08:00 12/3/2024' } },
    'test',
  );

  const page = await (await newContext(browser, 'vi-VN')).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.locator(`[data-testid=board-tab][data-board-id="${scene}"]`).click();
  await page.locator(`.scene [data-id="${marker}"]`).waitFor();
  await page.getByTestId('toggle-deck').click();
  await page.getByTestId('add-frame').click();
  await page.locator(`[data-testid=board-tab][data-board-id="${timeline}"]`).click();
  await page.getByTestId('timeline-item').first().waitFor();
  await page.getByTestId('add-frame').click();
  await until(async () => listSlides(client.doc).length === 2, 5000, 'two frame slides');
  const [sceneSlide, timelineSlide] = listSlides(client.doc);
  expect(sceneSlide).toMatchObject({ kind: 'frame', boardId: scene });
  expect(timelineSlide).toMatchObject({ kind: 'frame', boardId: timeline });
  expect(sceneSlide!.frame!.w).toBeGreaterThan(0);

  // Presented: the marker and the event are on their slides, inside the slide.
  await page.getByTestId('deck-slide').first().click();
  await page.getByTestId('present-start').click();
  const presenting = page.getByTestId('present');
  await presenting.waitFor();
  const inside = async (selector: string) => {
    const target = presenting.locator(selector).first();
    await target.waitFor();
    const box = (await target.boundingBox())!;
    const slide = (await presenting.getByTestId('slide-frame-view').first().boundingBox())!;
    return (
      box.x + box.width > slide.x &&
      box.x < slide.x + slide.width &&
      box.y + box.height > slide.y &&
      box.y < slide.y + slide.height
    );
  };
  await until(
    async () => await inside(`.scene [data-id="${marker}"]`),
    5000,
    'the marker on the scene slide',
  );
  await page.keyboard.press('ArrowRight');
  await until(
    async () => await inside('[data-testid=timeline-item]'),
    5000,
    'the event on the timeline slide',
  );
  client.destroy();
});
