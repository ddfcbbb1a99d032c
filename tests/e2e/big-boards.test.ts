import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addBoard,
  addEntity,
  addEntityNode,
  addLink,
  addSceneObject,
  listSceneObjects,
} from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced, type SyncClient } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';

/**
 * Big evidence charts, timelines and scenes draw only what is near the view (issue 22): what is in
 * the page stays bounded, and what is in view is drawn and connected right, before and after a pan.
 */

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

async function newCase(title: string): Promise<{ caseId: string; client: SyncClient }> {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title })).body.id as string;
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  return { caseId, client };
}

async function open(caseId: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  return page;
}

/** Drags by (dx, dy) pixels from a point (with the middle button: a scene pans with any tool). */
async function drag(
  page: Page,
  from: { x: number; y: number },
  dx: number,
  dy: number,
  button: 'left' | 'middle' = 'left',
) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down({ button });
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(from.x + (dx * i) / 10, from.y + (dy * i) / 10);
  await page.mouse.up({ button });
}

/** A point near the bottom-right of the screen where the empty React Flow pane is hit. */
const emptyPane = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let dy = 30; dy < box.height; dy += 15)
      for (let dx = 30; dx < box.width; dx += 15) {
        const x = box.right - dx;
        const y = Math.min(box.bottom, window.innerHeight) - dy;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'))
          return { x, y };
      }
    throw new Error('no empty pane');
  });

const drawnNodeIds = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => n.dataset.id!),
  );

/**
 * Where each link React Flow draws starts and ends on screen, beside the boxes of its two nodes
 * (null where a node is not in the page).
 */
const drawnLinks = (page: Page, ends: Record<string, [string, string]>) =>
  page.evaluate((ends) => {
    const rect = (id: string) =>
      document.querySelector(`.react-flow__node[data-id="${id}"]`)?.getBoundingClientRect() ?? null;
    return [...document.querySelectorAll<SVGGElement>('.react-flow__edge[data-id]')].map((g) => {
      const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path')!;
      const m = path.getScreenCTM()!;
      const at = (l: number) => {
        const p = path.getPointAtLength(l);
        return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
      };
      const id = g.dataset.id!;
      const [source, target] = ends[id] ?? ['', ''];
      return {
        id,
        start: at(0),
        end: at(path.getTotalLength()),
        source: source ? rect(source) : null,
        target: target ? rect(target) : null,
      };
    });
  }, ends);

it('draws a 1,000-node evidence chart near the view only, with its links, and a link to a far node', async () => {
  const { caseId, client } = await newCase('Vụ án lớn');
  const doc = client.doc;
  const boardId = addBoard(doc, { kind: 'evidence', title: 'Sơ đồ chứng cứ' }, 'test');
  const COLS = 40;
  const ROWS = 25;
  const grid: string[][] = [];
  const ends: Record<string, [string, string]> = {};
  doc.transact(() => {
    for (let r = 0; r < ROWS; r++) {
      grid.push([]);
      for (let c = 0; c < COLS; c++)
        grid[r]!.push(
          addEntityNode(
            doc,
            {
              boardId,
              kind: c % 2 === 0 ? 'evidence' : 'fact',
              name: `${c % 2 === 0 ? 'Chứng cứ' : 'Vấn đề'} ${r + 1}.${c + 1}`,
              x: c * 320,
              y: r * 140,
            },
            'test',
          ),
        );
    }
    // Each evidence item supports the issue to its right.
    for (let r = 0; r < ROWS; r++)
      for (let c = 0; c < COLS; c += 2) {
        const id = addLink(
          doc,
          { boardId, source: grid[r]![c]!, target: grid[r]![c + 1]!, type: 'supports' },
          'test',
        );
        ends[id] = [grid[r]![c]!, grid[r]![c + 1]!];
      }
  }, 'test');
  // The first item also contradicts the issue at the far corner of the board.
  const far = grid[ROWS - 1]![COLS - 1]!;
  const farLink = addLink(
    doc,
    { boardId, source: grid[0]![0]!, target: far, type: 'contradicts' },
    'test',
  );

  const page = await open(caseId);
  await page.locator('.react-flow__node').first().waitFor();
  // Opened at its top-left corner, readable: the nodes there are drawn, not the thousand.
  await until(
    async () => (await drawnNodeIds(page)).includes(grid[0]![0]!),
    10_000,
    'the first node drawn',
  );
  const before = await drawnNodeIds(page);
  expect(before.length).toBeGreaterThan(4);
  expect(before.length).toBeLessThan(200);
  expect(before).not.toContain(far);

  // Every link React Flow draws runs from its evidence item's right side to its issue's left side.
  const check = async () => {
    const links = await drawnLinks(page, ends);
    expect(links.length).toBeGreaterThan(2);
    for (const link of links) {
      if (!ends[link.id]) continue;
      expect(link.source, `the source of ${link.id}`).not.toBeNull();
      expect(link.target, `the target of ${link.id}`).not.toBeNull();
      expect(Math.abs(link.start.x - link.source!.right)).toBeLessThan(8);
      expect(Math.abs(link.start.y - (link.source!.top + link.source!.height / 2))).toBeLessThan(8);
      expect(Math.abs(link.end.x - link.target!.left)).toBeLessThan(14);
      expect(Math.abs(link.end.y - (link.target!.top + link.target!.height / 2))).toBeLessThan(8);
    }
  };
  await check();

  // The link to the far corner is drawn from the first item although its issue is not in the page.
  const farLine = page.locator(`.board-links [data-id="${farLink}"] path`).first();
  await farLine.waitFor();
  const first = await page.locator(`.react-flow__node[data-id="${grid[0]![0]}"]`).boundingBox();
  const start = await farLine.evaluate((path: SVGPathElement) => {
    const m = path.getScreenCTM()!;
    const p = path.getPointAtLength(0);
    return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
  });
  expect(Math.abs(start.x - (first!.x + first!.width))).toBeLessThan(12);
  expect(Math.abs(start.y - (first!.y + first!.height / 2))).toBeLessThan(12);

  // A click on the far link selects it: React Flow then draws it, with its far issue.
  const spot = await page.evaluate((id) => {
    const path = document.querySelector<SVGPathElement>(
      `.board-links [data-id="${id}"] .board-links__hit`,
    );
    if (!path) return 'no line';
    const m = path.getScreenCTM()!;
    const length = path.getTotalLength();
    const hits: string[] = [];
    for (let l = 0; l < length; l += 10) {
      const p = path.getPointAtLength(l);
      const x = m.a * p.x + m.c * p.y + m.e;
      const y = m.b * p.x + m.d * p.y + m.f;
      const hit = document.elementFromPoint(x, y);
      if (hit === path) return { x, y };
      hits.push(`${hit?.tagName}.${hit?.getAttribute('class')}`);
    }
    return hits.slice(0, 5).join(', ');
  }, farLink);
  expect(spot).toBeTypeOf('object');
  const { x, y } = spot as { x: number; y: number };
  await page.mouse.click(x, y);
  await page.locator(`.react-flow__edge[data-id="${farLink}"]`).waitFor();
  expect(await drawnNodeIds(page)).toContain(far);
  expect(
    await page.locator(`.react-flow__edge[data-id="${farLink}"]`).getAttribute('class'),
  ).toContain('selected');
  // A click on the empty board lets it go: its far issue leaves the page again.
  await page.mouse.click(...(Object.values(await emptyPane(page)) as [number, number]));
  await until(
    async () => !(await drawnNodeIds(page)).includes(far),
    5000,
    'the far issue no longer drawn',
  );

  // Panning brings the nodes further right and down into the page; it stays bounded.
  await drag(page, await emptyPane(page), -500, -400);
  await until(
    async () => (await drawnNodeIds(page)).some((id) => !before.includes(id)),
    10_000,
    'other nodes drawn after the pan',
  );
  const after = await drawnNodeIds(page);
  expect(after.length).toBeLessThan(200);
  await check();

  // "Fit view" shows the whole chart: zoomed out that far, it is drawn simplified on one canvas
  // (React Flow's least zoom of 0.5 kept a big chart from ever being seen whole).
  await page.locator('.react-flow__controls-fitview').click();
  await until(
    async () =>
      (await page.locator('canvas.lod-layer').isVisible()) &&
      (await drawnNodeIds(page)).length === 0,
    5000,
    'the whole chart drawn simplified',
  );
  const scale = await page.evaluate(() => {
    const m = /scale\(([\d.]+)\)/.exec(
      document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform,
    );
    return Number(m?.[1]);
  });
  expect(scale).toBeLessThan(0.45);

  client.destroy();
});

it('draws a timeline of 1,200 events in 40 lanes only near the view, and pans it', async () => {
  const { caseId, client } = await newCase('Diễn biến vụ án');
  const doc = client.doc;
  addBoard(doc, { kind: 'timeline', title: 'Diễn biến' }, 'test');
  const LANES = 40;
  const EVENTS = 1200;
  doc.transact(() => {
    const people = Array.from({ length: LANES }, (_, i) =>
      addEntity(doc, { kind: 'person', fields: { name: `Người ${i + 1}` } }, 'test'),
    );
    for (let i = 0; i < EVENTS; i++) {
      const day = 1 + (i % 28);
      const hour = Math.floor(i / 28) % 24;
      addEntity(
        doc,
        {
          kind: 'event',
          fields: {
            name: `Sự kiện ${i + 1}`,
            start: `${String(hour).padStart(2, '0')}:00 ${day}/3/2025`,
            people: [people[i % LANES]!],
          } as { name: string },
        },
        'test',
      );
    }
  }, 'test');

  const page = await open(caseId);
  await page.locator('.timeline-item').first().waitFor();
  expect(await page.getByTestId('timeline-lane').count()).toBe(LANES);
  // Only the lanes near the view have their items in the page.
  const drawn = await page.locator('.timeline-item').count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(EVENTS / 2);
  const lastLane = page.getByTestId('timeline-lane').last();
  expect(await lastLane.locator('.timeline-item').count()).toBe(0);

  // Scrolled to the last lane, its items are drawn.
  await page.locator('.timeline').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await lastLane.locator('.timeline-item').first().waitFor();
  const lastId = await lastLane.locator('.timeline-item').first().getAttribute('data-id');

  // A drag to the left moves every drawn item with it.
  const item = page.locator(`.timeline-item[data-id="${lastId}"]`);
  const x0 = (await item.boundingBox())!.x;
  const area = (await page.locator('.timeline').boundingBox())!;
  // From the time axis (a drag on an item does not pan).
  await drag(page, { x: area.x + area.width - 20, y: area.y + 12 }, -150, 0);
  await until(
    async () => Math.abs((await item.boundingBox())!.x - (x0 - 150)) < 3,
    5000,
    'the item moved with the drag',
  );
  client.destroy();
});

it('draws a zoomed-in scene of 1,000 objects only near the view, every object in view drawn', async () => {
  const { caseId, client } = await newCase('Hiện trường lớn');
  const doc = client.doc;
  const boardId = addBoard(doc, { kind: 'scene', title: 'Sơ đồ hiện trường' }, 'test');
  doc.transact(() => {
    for (let i = 0; i < 1000; i++)
      addSceneObject(
        doc,
        {
          boardId,
          object:
            i % 2 === 0
              ? { shape: 'marker', x: (i % 50) * 1.2, y: Math.floor(i / 50) * 2 }
              : {
                  shape: 'symbol',
                  symbol: 'table',
                  x: (i % 50) * 1.2,
                  y: Math.floor(i / 50) * 2 + 0.5,
                  w: 0.8,
                  h: 0.5,
                },
        },
        'test',
      );
  }, 'test');
  const objects = listSceneObjects(doc, boardId);

  const page = await open(caseId);
  const items = page.locator('.scene-svg [data-shape]');
  await items.first().waitFor();

  /** Objects whose centre is on screen that are not drawn, and how many are drawn. */
  const missing = () =>
    page.evaluate(
      (all) => {
        const svg = document.querySelector<SVGSVGElement>('.scene-svg')!;
        const box = svg.getBoundingClientRect();
        const g = svg.querySelector(':scope > g')!;
        const m = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\) scale\(([\d.e]+)\)/.exec(
          g.getAttribute('transform')!,
        )!;
        const [tx, ty, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
        const drawn = new Set(
          [...svg.querySelectorAll('[data-shape]')].map((e) => e.getAttribute('data-id')),
        );
        const out = all.filter(({ x, y }) => {
          const sx = tx + x * s;
          const sy = ty + y * s;
          return sx >= 0 && sy >= 0 && sx <= box.width && sy <= box.height;
        });
        return {
          missing: out.filter((o) => !drawn.has(o.id)).length,
          onScreen: out.length,
          drawn: drawn.size,
        };
      },
      objects.map((o) => ({ id: o.id, x: o.x + o.w / 2, y: o.y + o.h / 2 })),
    );

  await until(async () => (await missing()).missing === 0, 10_000, 'the scene drawn');
  // Zoomed in far, only the objects near the view are drawn, and all of those in it.
  // Zoom about the middle of the objects (20 m in, 10 m down), wherever the view has put them.
  const svg = (await page.locator('.scene-svg').boundingBox())!;
  const [tx, ty, scale] = (
    /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\) scale\(([\d.e]+)\)/.exec(
      (await page.locator('.scene-svg > g').first().getAttribute('transform'))!,
    ) ?? []
  )
    .slice(1)
    .map(Number) as [number, number, number];
  await page.mouse.move(svg.x + tx + 20 * scale, svg.y + ty + 10 * scale);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -200);
  // On a loaded machine the wheel's steps arrive late: read only once the view has come to rest.
  const transform = () =>
    page.locator('.scene-svg > g').first().getAttribute('transform', { timeout: 1000 });
  let last = await transform();
  await until(
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = await transform();
      const still = now === last;
      last = now;
      return still;
    },
    10_000,
    'the zoom at rest',
  );
  await until(async () => (await missing()).drawn < 600, 5000, 'fewer objects drawn');
  await until(async () => (await missing()).missing === 0, 5000, 'the objects in view drawn');
  const zoomed = await missing();
  expect(zoomed.onScreen).toBeGreaterThan(5);
  expect(zoomed.missing).toBe(0);

  // A pan brings others in.
  await drag(page, { x: svg.x + svg.width - 30, y: svg.y + svg.height - 30 }, -600, -300, 'middle');
  await until(async () => (await missing()).missing === 0, 5000, 'the objects in view drawn');
  const panned = await missing();
  expect(panned.onScreen).toBeGreaterThan(5);
  expect(panned.drawn).toBeLessThan(600);
  client.destroy();
});
