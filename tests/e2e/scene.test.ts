import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addEntity, listSceneObjects } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { makePng } from '../helpers/files.ts';
import { connectClient, eventually, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';

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

/** Where a point of the scene (in metres) is on the screen. */
async function screen(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ wx, wy }) => {
      const svg = document.querySelector('.scene-svg')!;
      const box = svg.getBoundingClientRect();
      const g = svg.querySelector(':scope > g')!;
      const m = /translate\(([-\d.]+) ([-\d.]+)\) scale\(([\d.]+)\)/.exec(
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

async function click(page: Page, x: number, y: number): Promise<void> {
  const p = await screen(page, x, y);
  await page.mouse.click(p.x, p.y);
}

async function drag(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const a = await screen(page, ...from);
  const b = await screen(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
}

/** The text of every element with a test id (SVG text has no innerText). */
const texts = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluateAll((els) => els.map((el) => el.textContent ?? ''));

// Align, distribute, lock, nudge, delete, duplicate, undo steps and the key table are tested without
// a browser (tests/unit/scene-actions.test.ts, scene-gesture.test.ts); this test keeps what needs
// one: pointer gestures, drawing, and what another screen sees.
it('draws a scene to scale with the pointer: a room, markers linked to evidence, a measurement, a calibrated plan and a rotated symbol, shared live', async () => {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ trộm tại nhà số 12' })).body
    .id as string;
  await lan.request('PUT', `/api/cases/${caseId}/members/ksv.hung`, { role: 'editor' });
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  const boardId = addBoard(client.doc, { kind: 'scene', title: 'Sơ đồ hiện trường' }, 'test');
  for (const name of ['Con dao', 'Vỏ chai', 'Dấu giày'])
    addEntity(client.doc, { kind: 'evidence', fields: { name } }, 'test');

  const [page, other] = (await Promise.all(
    (
      [
        ['ksv.lan', 'en-GB'],
        ['ksv.hung', 'vi-VN'],
      ] as const
    ).map(async ([user, locale]) => {
      const p = await (await newContext(browser, locale)).newPage();
      await logIn(p, server.url, user, `${user}-password`);
      await p.goto(`${server.url}/cases/${caseId}`);
      await p.getByTestId('scene').waitFor();
      // Beside the open register the side panel starts folded, so that the canvas stays wide.
      const toggle = p.getByTestId('scene-panel-toggle');
      if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
      return p;
    }),
  )) as [Page, Page];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.getByTestId('scene-canvas').focus();

  // The scale, written as each language writes decimals: 0.5 in English, 0,5 in Vietnamese.
  await page.getByTestId('scene-scale').fill('0.5');
  await page.getByTestId('scene-scale').press('Enter');
  await until(
    async () => (await other.getByTestId('scene-scale').inputValue()) === '0,5',
    3000,
    'the scale with a decimal comma on the Vietnamese screen',
  );
  expect(await page.getByTestId('scene-scale').inputValue()).toBe('0.5');

  // One grid square is 1 m.
  await page.getByTestId('scene-scale').fill('1');
  await page.getByTestId('scene-scale').press('Enter');
  await until(
    async () => (await other.getByTestId('scene-scale').inputValue()) === '1',
    3000,
    'the scale on the other screen',
  );

  // A room of 4 m × 3 m drawn with walls, closed by clicking the first corner again.
  await page.keyboard.press('w');
  for (const [x, y] of [
    [1, 1],
    [5, 1],
    [5, 4],
    [1, 4],
    [1, 1],
  ] as const)
    await click(page, x, y);
  await until(
    async () => (await texts(page, 'scene-area')).includes('12.00 m²'),
    3000,
    'the room area',
  );
  await until(
    async () => (await texts(other, 'scene-area')).includes('12,00 m²'),
    3000,
    'the room area in Vietnamese on the other screen',
  );

  // A measurement from (1, 6) to (4.5, 6).
  await page.keyboard.press('Escape');
  await page.keyboard.press('m');
  await drag(page, [1, 6], [4.5, 6]);
  await until(
    async () => (await texts(page, 'scene-measure-label')).includes('3.50 m'),
    3000,
    'the measurement',
  );

  // Three numbered markers, each linked to an evidence item of the register.
  await page.keyboard.press('e');
  for (const [x, y] of [
    [2, 2],
    [3, 3],
    [4, 2],
  ] as const)
    await click(page, x, y);
  await until(
    async () => (await page.getByTestId('scene-evidence-row').count()) === 3,
    3000,
    'three rows in the evidence table',
  );
  expect(await texts(page, 'scene-marker-number')).toEqual(['1', '2', '3']);
  const links = page.getByTestId('scene-evidence-link');
  for (const [i, name] of ['Con dao', 'Vỏ chai', 'Dấu giày'].entries())
    await links.nth(i).selectOption({ label: name });
  await until(
    async () => {
      const rows = await other.getByTestId('scene-evidence-row').all();
      const shown = await Promise.all(
        rows.map((row) =>
          row
            .getByTestId('scene-evidence-name')
            .innerText()
            .catch(() => ''),
        ),
      );
      return shown.join('|') === 'Con dao|Vỏ chai|Dấu giày';
    },
    3000,
    'the linked evidence in the other screen’s table',
  );

  // Two reference points: the table shows each marker's distances to both, and a selected marker
  // draws its triangulation.
  await page.keyboard.press('f');
  await click(page, 1, 8);
  await click(page, 7, 8);
  await until(
    async () => (await page.getByTestId('scene-evidence-table').innerText()).includes('To B'),
    3000,
    'the distance columns',
  );
  await page.keyboard.press('v');
  await click(page, 2, 2);
  await until(
    async () => (await page.getByTestId('scene-triangulation').count()) === 2,
    3000,
    'the triangulation lines of marker 1',
  );

  // A floor plan from the case file under the scene, calibrated by a line of known length.
  await page.getByTestId('register-tab-files').click();
  await page.getByTestId('files-upload-input').setInputFiles({
    name: 'Mặt bằng.png',
    mimeType: 'image/png',
    buffer: makePng(40, 20, [230, 230, 250]),
  });
  await page.getByTestId('files-tab').getByTestId('file-row').waitFor();
  await page.getByTestId('scene-background-pick').selectOption({ label: 'Mặt bằng.png' });
  const background = () => listSceneObjects(client.doc, boardId).find((o) => o.background);
  await eventually(() => background()?.w === 20, 5000, 'the background, 20 m wide');
  expect(background()!.h).toBe(10);
  await page.getByTestId('scene-calibrate').click();
  await drag(page, [0, 0], [2, 0]); // 2 m on the plan as placed …
  await page.getByTestId('scene-calibrate-input').fill('5'); // … is really 5 m
  await page.getByTestId('scene-calibrate-input').press('Enter');
  await eventually(() => background()?.w === 50, 3000, 'the calibrated background');
  expect(background()!.h).toBe(25);

  // A car from the library, at real size, rotated a quarter turn with Shift held; then undone.
  await page.getByTestId('scene-symbol-search').fill('o to');
  await page.getByTestId('scene-symbol-car').click();
  await click(page, 7, 3);
  const car = () =>
    listSceneObjects(client.doc, boardId).find((o) => o.shape === 'symbol' && o.symbol === 'car');
  await eventually(() => car() !== undefined, 3000, 'the car in the document');
  expect([car()!.w, car()!.h]).toEqual([4.5, 1.8]);
  expect(await texts(page, 'scene-legend')).toEqual([expect.stringContaining('Car')]);
  const handle = await page.getByTestId('scene-rotate-handle').boundingBox();
  const centre = await screen(page, 7, 3);
  await page.mouse.move(handle!.x + handle!.width / 2, handle!.y + handle!.height / 2);
  await page.mouse.down();
  await page.keyboard.down('Shift');
  await page.mouse.move(centre.x + 60, centre.y - 20, { steps: 5 });
  await page.mouse.move(centre.x + 120, centre.y + 2, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await eventually(() => car()?.rotation === 90, 3000, 'the car rotated by 90°');
  await until(
    async () =>
      ((await other.locator('[data-shape=symbol]').getAttribute('transform')) ?? '').startsWith(
        'rotate(90 ',
      ),
    3000,
    'the rotation on the other screen',
  );
  // Ctrl+Z reaches the case's undo through the scene's keys: the rotation was one step.
  await page.getByTestId('scene-canvas').focus();
  await page.keyboard.press('Control+z');
  await eventually(() => car()?.rotation === 0, 3000, 'the rotation undone');

  // A drag is seen by the other person while it happens, and stored once when it ends.
  const marker3 = listSceneObjects(client.doc, boardId).find(
    (o) => o.shape === 'marker' && o.x === 4 && o.y === 2,
  )!;
  await page.keyboard.press('v');
  const from = await screen(page, 4, 2);
  const to = await screen(page, 4, 5.6);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  const otherY = () =>
    other
      .locator(`[data-id="${marker3.id}"] circle`)
      .getAttribute('cy')
      .then((v) => Number(v));
  await until(async () => (await otherY()) > 5, 3000, 'the drag on the other screen');
  expect(listSceneObjects(client.doc, boardId).find((o) => o.id === marker3.id)!.y).toBe(2);
  await page.mouse.up();
  await eventually(
    () => listSceneObjects(client.doc, boardId).find((o) => o.id === marker3.id)!.y > 5,
    3000,
    'the drag stored',
  );

  // A photo of the case file placed on the scene as an object, 3 m wide.
  await page.getByTestId('scene-image-pick').selectOption({ label: 'Mặt bằng.png' });
  await eventually(
    () =>
      listSceneObjects(client.doc, boardId).some(
        (o) => o.shape === 'image' && !o.background && o.w === 3,
      ),
    3000,
    'the image object',
  );

  // The key sheet.
  await page.getByTestId('scene-canvas').focus();
  await page.keyboard.press('?');
  await page.getByTestId('scene-help').waitFor();
  expect(await page.getByTestId('scene-help').innerText()).toContain('Ctrl+G');
  // Group headings start where the keys start, as in the mind map's sheet (they were centred).
  const sheet = page.getByTestId('scene-help');
  const left = (selector: string) =>
    sheet
      .locator(selector)
      .first()
      .evaluate((el) => {
        // Where the text itself starts, not its cell.
        const range = document.createRange();
        range.selectNodeContents(el);
        return range.getBoundingClientRect().left;
      });
  expect(Math.abs((await left('th')) - (await left('td kbd')))).toBeLessThan(24);
  await page.keyboard.press('Escape');
  await page.getByTestId('scene-help').waitFor({ state: 'detached' });

  // The other person sees this person's cursor while it moves over the scene.
  const somewhere = await screen(page, 7, 7);
  await page.mouse.move(somewhere.x, somewhere.y);
  await page.mouse.move(somewhere.x + 10, somewhere.y + 10);
  await other.getByTestId('scene-remote-cursor').first().waitFor();

  expect(errors).toEqual([]);
  client.destroy();
});
