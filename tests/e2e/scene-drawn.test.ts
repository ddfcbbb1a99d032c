import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addBoard,
  addEntity,
  addSceneObject,
  listSceneObjects,
  type SceneObjectInput,
} from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced, type SyncClient } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';
import { contrastProblems, renderedHeights } from './look.ts';

/**
 * What a prosecutor sees when a scene opens: a theft at a house (Article 173), written through the
 * model, and every check made on what is drawn: boxes, sizes and positions on the screen.
 */

let server: TestServer;
let browser: Browser;
let client: SyncClient;
let caseId: string;
let boardId: string;
const ids: Record<string, string> = {};
const LONG_NAME = 'Chiếc ví da màu nâu bị rạch, bên trong còn giấy tờ tuỳ thân của bị hại';

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.mai', 'Phạm Thị Mai');
  browser = await launchBrowser();
  const mai = await ApiClient.login(server.url, 'ksv.mai', 'ksv.mai-password');
  caseId = (await mai.request('POST', '/api/cases', { title: 'Vụ trộm cắp tài sản (Điều 173)' }))
    .body.id as string;
  client = connectClient(server.url, caseId, await mai.token());
  await synced(client);
  const doc = client.doc;
  boardId = addBoard(doc, { kind: 'scene', title: 'Sơ đồ hiện trường' }, 'test');
  const wallet = addEntity(doc, { kind: 'evidence', fields: { name: LONG_NAME } }, 'test');
  const add = (name: string, object: SceneObjectInput) =>
    (ids[name] = addSceneObject(doc, { boardId, object }, 'test'));
  // The living room: 6 m × 4 m of walls, a table in its middle and a measurement across it.
  add('room', {
    shape: 'wall',
    closed: true,
    thickness: 0.2,
    points: [
      { x: 0, y: 0 },
      { x: 6, y: 0 },
      { x: 6, y: 4 },
      { x: 0, y: 4 },
    ],
  });
  add('table', { shape: 'symbol', symbol: 'table', x: 2.4, y: 1.6, w: 1.2, h: 0.8 });
  add('measure', {
    shape: 'measure',
    points: [
      { x: 0.2, y: 2.6 },
      { x: 5.8, y: 2.6 },
    ],
  });
  add('marker1', { shape: 'marker', x: 1, y: 1, entity: wallet });
  add('marker2', { shape: 'marker', x: 5, y: 3.3 });
  // The yard beside it, a rectangle with a name, and the thief's car.
  add('yard', { shape: 'rect', x: 7, y: 0, w: 5, h: 4, label: 'Sân' });
  add('car', { shape: 'symbol', symbol: 'car', x: 7.3, y: 5, w: 4.5, h: 1.8 });
  add('A', { shape: 'refpoint', x: 0, y: 6, label: 'A' });
  add('B', { shape: 'refpoint', x: 6, y: 6, label: 'B' });
  // A measurement pinned to the car and to reference point B.
  add('pinned', {
    shape: 'measure',
    points: [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ],
    pins: [ids.car!, ids.B!],
  });
  add('north', { shape: 'north', x: 13, y: 0.5 });
});
afterAll(async () => {
  client?.destroy();
  await browser?.close();
  await server?.dispose();
});

async function openScene(): Promise<Page> {
  const page = await (await newContext(browser, 'vi-VN')).newPage();
  await logIn(page, server.url, 'ksv.mai', 'ksv.mai-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('scene').waitFor();
  await until(
    async () => (await page.locator('[data-shape]').count()) >= Object.keys(ids).length,
    5000,
    'the scene drawn',
  );
  return page;
}

type Box = { x: number; y: number; width: number; height: number };

/** Where a point of the scene (in metres) is on the screen. */
async function screen(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ wx, wy }) => {
      const svg = document.querySelector('.scene-svg')!;
      const box = svg.getBoundingClientRect();
      const g = svg.querySelector(':scope > g')!;
      const m = /translate\(([-\d.e]+) ([-\d.e]+)\) scale\(([\d.e]+)\)/.exec(
        g.getAttribute('transform')!,
      )!;
      return {
        x: box.left + Number(m[1]) + wx * Number(m[3]),
        y: box.top + Number(m[2]) + wy * Number(m[3]),
      };
    },
    { wx: x, wy: y },
  );
}

const boxesOf = (page: Page, selector: string): Promise<Box[]> =>
  page.$$eval(selector, (els) =>
    els.map((el) => {
      const b = el.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    }),
  );

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether the segment from p to q crosses the box (sampled finely; boxes are tens of pixels). */
function segmentHits(p: { x: number; y: number }, q: { x: number; y: number }, box: Box): boolean {
  for (let i = 0; i <= 200; i++) {
    const x = p.x + ((q.x - p.x) * i) / 200;
    const y = p.y + ((q.y - p.y) * i) / 200;
    if (x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height) return true;
  }
  return false;
}

/** The screen ends of the line drawn for an object, read from its attributes. */
async function lineEnds(page: Page, selector: string) {
  const attrs = await page
    .locator(selector)
    .first()
    .evaluate((el) => ['x1', 'y1', 'x2', 'y2'].map((a) => Number(el.getAttribute(a))));
  const [x1, y1, x2, y2] = attrs as [number, number, number, number];
  return [await screen(page, x1, y1), await screen(page, x2, y2)] as const;
}

const near = (a: { x: number; y: number }, b: { x: number; y: number }, tolerance = 1.5) =>
  Math.hypot(a.x - b.x, a.y - b.y) <= tolerance;

it('opens with a canvas of at least 800 px beside the register, labels readable, the area label clear of symbols and measurements, sides measured', async () => {
  const page = await openScene();
  await page.locator('.register-panel').waitFor();
  const canvas = (await page.getByTestId('scene-canvas').boundingBox())!;
  expect.soft(canvas.width, 'canvas width with the register open').toBeGreaterThanOrEqual(800);

  // Labels at the opening zoom are at least 9 px tall.
  const heights = await renderedHeights(
    page,
    '[data-testid=scene-area], [data-testid=scene-measure-label], [data-testid=scene-side-length], [data-testid=scene-marker-number]',
  );
  expect.soft(heights.length).toBeGreaterThan(8);
  expect.soft(Math.min(...heights), 'smallest label height').toBeGreaterThanOrEqual(9);

  // The room's area label lies inside the room, clear of the table, the markers and the measurement.
  const area = (await boxesOf(page, `[data-id="${ids.room}"] [data-testid=scene-area]`))[0]!;
  const roomTopLeft = await screen(page, 0.1, 0.1);
  const roomBottomRight = await screen(page, 5.9, 3.9);
  expect.soft(area.x).toBeGreaterThan(roomTopLeft.x);
  expect.soft(area.y).toBeGreaterThan(roomTopLeft.y);
  expect.soft(area.x + area.width).toBeLessThan(roomBottomRight.x);
  expect.soft(area.y + area.height).toBeLessThan(roomBottomRight.y);
  for (const name of ['table', 'marker1', 'marker2']) {
    const [box] = await boxesOf(page, `[data-id="${ids[name]}"]`);
    expect.soft(overlaps(area, box!), `area label over ${name}`).toBe(false);
  }
  const [m0, m1] = await lineEnds(page, `[data-id="${ids.measure}"] line`);
  expect.soft(segmentHits(m0, m1, area), 'area label over the measurement line').toBe(false);
  const [measureLabel] = await boxesOf(page, `[data-id="${ids.measure}"] text`);
  expect.soft(overlaps(area, measureLabel!), 'area label over the measurement label').toBe(false);
  // … and the measurement's own label is not drawn over the table the line passes by.
  const [tableBox] = await boxesOf(page, `[data-id="${ids.table}"] rect[fill=transparent]`);
  expect.soft(overlaps(measureLabel!, tableBox!), 'measurement label over the table').toBe(false);

  // Each side of the room shows its length, beside the middle of that side.
  const sides = await page
    .locator(`[data-id="${ids.room}"] [data-testid=scene-side-length]`)
    .evaluateAll((els) =>
      els.map((el) => {
        const b = el.getBoundingClientRect();
        return { text: el.textContent, x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }),
    );
  expect.soft(sides.map((s) => s.text)).toEqual(['6,00 m', '4,00 m', '6,00 m', '4,00 m']);
  const mids = [
    [3, 0],
    [6, 2],
    [3, 4],
    [0, 2],
  ] as const;
  const unit = (await screen(page, 1, 0)).x - (await screen(page, 0, 0)).x; // pixels per metre
  for (const [i, [x, y]] of mids.entries()) {
    const mid = await screen(page, x, y);
    expect
      .soft(
        Math.hypot(sides[i]!.x - mid.x, sides[i]!.y - mid.y),
        `side ${i + 1} label from its side's middle`,
      )
      .toBeLessThan(0.6 * unit);
  }
  const yardSides = await page
    .locator(`[data-id="${ids.yard}"] [data-testid=scene-side-length]`)
    .allTextContents();
  expect.soft(yardSides).toEqual(['5,00 m', '4,00 m', '5,00 m', '4,00 m']);

  // Measurements are drawn where the model says: the free one at its points, the pinned one from
  // the car's centre to reference point B.
  expect.soft(near(m0, await screen(page, 0.2, 2.6))).toBe(true);
  expect.soft(near(m1, await screen(page, 5.8, 2.6))).toBe(true);
  const [p0, p1] = await lineEnds(page, `[data-id="${ids.pinned}"] line`);
  expect.soft(near(p0, await screen(page, 7.3 + 2.25, 5 + 0.9))).toBe(true);
  expect.soft(near(p1, await screen(page, 6, 6))).toBe(true);
  expect
    .soft(await page.locator(`[data-id="${ids.pinned}"] text`).textContent())
    .toBe(`${Math.hypot(3.55, 0.1).toFixed(2).replace('.', ',')} m`);
});

it('keeps the canvas still when the selection bar comes and goes; the triangulation lines join the marker to its reference points', async () => {
  const page = await openScene();
  const before = (await page.getByTestId('scene-canvas').boundingBox())!;
  const marker = await screen(page, 5, 3.3);
  await page.mouse.click(marker.x, marker.y);
  await page.getByTestId('scene-selection-bar').waitFor();
  const during = (await page.getByTestId('scene-canvas').boundingBox())!;
  expect(during).toEqual(before);
  const svgBefore = (await page.locator('.scene-svg').boundingBox())!;
  expect(svgBefore.y).toBe(before.y);
  // The selection square goes around the marker's circle, so its number stays readable.
  const circle = (await page.locator(`[data-id="${ids.marker2}"] circle`).boundingBox())!;
  const square = (await page.getByTestId('scene-selection').boundingBox())!;
  expect(square.x).toBeLessThan(circle.x);
  expect(square.y).toBeLessThan(circle.y);
  expect(square.x + square.width).toBeGreaterThan(circle.x + circle.width);
  expect(square.y + square.height).toBeGreaterThan(circle.y + circle.height);

  await until(
    async () => (await page.getByTestId('scene-triangulation').count()) === 2,
    3000,
    'the triangulation lines',
  );
  for (const [i, [x, y]] of [
    [0, 6],
    [6, 6],
  ].entries()) {
    const [a, b] = await lineEnds(page, `[data-testid=scene-triangulation] >> nth=${i} >> line`);
    expect(near(a, marker)).toBe(true);
    expect(near(b, await screen(page, x!, y!))).toBe(true);
  }

  await page.keyboard.press('Escape');
  await page.getByTestId('scene-selection-bar').waitFor({ state: 'detached' });
  expect((await page.getByTestId('scene-canvas').boundingBox())!).toEqual(before);

  // Nor does the hint of the wall tool.
  await page.keyboard.press('w');
  await page.locator('.scene__hint').waitFor();
  expect((await page.getByTestId('scene-canvas').boundingBox())!).toEqual(before);
  await page.keyboard.press('Escape');
});

it('moves, resizes, rotates and relabels the selected object from the properties panel, with a decimal comma', async () => {
  const page = await openScene();
  const table = await screen(page, 3, 2);
  await page.mouse.click(table.x, table.y);
  const panel = page.getByTestId('scene-properties');
  await panel.waitFor();
  expect(await page.getByTestId('scene-prop-x').inputValue()).toBe('2,4');
  expect(await contrastProblems(page, '[data-testid=scene-properties]')).toEqual([]);
  expect(await contrastProblems(page, '[data-testid=scene-selection-bar]')).toEqual([]);
  expect(await contrastProblems(page, '.scene-panel')).toEqual([]);

  const type = async (field: string, value: string) => {
    await page.getByTestId(`scene-prop-${field}`).fill(value);
    await page.getByTestId(`scene-prop-${field}`).press('Enter');
  };
  const tableNow = () => listSceneObjects(client.doc, boardId).find((o) => o.id === ids.table)!;
  await type('x', '2,5');
  await type('y', '1,25');
  await eventually(() => tableNow().x === 2.5 && tableNow().y === 1.25, 3000, 'the table moved');
  await type('w', '1,6');
  await type('h', '0,9');
  await eventually(() => tableNow().w === 1.6 && tableNow().h === 0.9, 3000, 'the table resized');
  await type('rotation', '30');
  await type('label', 'Bàn uống nước');
  await eventually(
    () => tableNow().rotation === 30 && tableNow().label === 'Bàn uống nước',
    3000,
    'the table rotated and named',
  );
  await until(
    async () =>
      (await page
        .locator(`[data-id="${ids.table}"] [data-testid=scene-symbol-label]`)
        .textContent()) === 'Bàn uống nước',
    3000,
    'the table’s name drawn',
  );
  // What is drawn follows: the table's box on the screen is centred on its new centre.
  const centre = await screen(page, 2.5 + 0.8, 1.25 + 0.45);
  await until(
    async () => {
      const [box] = await boxesOf(page, `[data-id="${ids.table}"] rect[fill=transparent]`);
      return near({ x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 }, centre, 2);
    },
    3000,
    'the table drawn at its new place',
  );
  // A wrong number is refused, and the field shows the stored value again.
  await type('x', 'abc');
  expect(tableNow().x).toBe(2.5);
  expect(await page.getByTestId('scene-prop-x').inputValue()).toBe('2,5');
});

it('shows a long evidence description whole in the evidence table', async () => {
  const page = await openScene();
  const toggle = page.getByTestId('scene-panel-toggle');
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'false')
    await toggle.click();
  const name = page.getByTestId('scene-evidence-name').first();
  await name.waitFor();
  expect(await name.textContent()).toBe(LONG_NAME);
  const fits = await name.evaluate(
    (el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1,
  );
  expect(fits, 'the description is not cut').toBe(true);
  const [cell] = await boxesOf(page, '[data-testid=scene-evidence-name]');
  const [table] = await boxesOf(page, '[data-testid=scene-evidence-table]');
  const [aside] = await boxesOf(page, '.scene-panel');
  expect(cell!.x + cell!.width).toBeLessThanOrEqual(table!.x + table!.width + 1);
  expect(table!.x + table!.width).toBeLessThanOrEqual(aside!.x + aside!.width + 1);
  expect(await contrastProblems(page, '.scene-panel')).toEqual([]);
});
