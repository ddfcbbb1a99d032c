import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, insertOutline, listTopics } from '../../src/core/index.ts';
import type { OutlineNode } from '../../src/core/outline.ts';
import { caseMapOutline, OFFENCE_TEMPLATES } from '../../src/core/offenceTemplates.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';
import { contrastProblems, renderedHeights } from './look.ts';

/**
 * What a mind map draws, measured on screen: every parent–child link of the model is a visible
 * line whose two ends touch its two topics' boxes, labels are readable at the opening zoom, and
 * nothing sits under the toolbars.
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

function grid(branches: number, topics: number, words = 'Ý'): OutlineNode[] {
  return [
    {
      label: 'Vụ án trộm cắp tài sản',
      children: Array.from({ length: branches }, (_, i) => ({
        label: `Nhánh ${i + 1}`,
        children: Array.from({ length: topics }, (_, j) => ({
          label: `${words} ${i + 1}.${j + 1}`,
          children: [],
        })),
      })),
    },
  ];
}
const ARTICLE_173 = OFFENCE_TEMPLATES.find((o) => o.article === 173)!;

/** A case with one mind map written through the model; returns the page open on it. */
async function openMap(
  outline: OutlineNode[],
): Promise<{ page: Page; links: Array<[string, string]>; caseId: string }> {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ án sơ đồ' })).body
    .id as string;
  const writer = connectClient(server.url, caseId, await lan.token());
  await synced(writer);
  const boardId = addBoard(writer.doc, { kind: 'mindmap', title: 'Nội dung vụ án' }, 'test');
  insertOutline(writer.doc, { boardId, parent: null, nodes: outline }, 'test');
  const topics = listTopics(writer.doc, boardId);
  const links = topics.filter((t) => t.parent).map((t) => [t.parent!, t.id] as [string, string]);
  // Let the server have it before the page asks.
  await new Promise((resolve) => setTimeout(resolve, 200));
  writer.destroy();
  const page = await (await newContext(browser)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page
    .locator('.react-flow__node-topic')
    .nth(topics.length - 1)
    .waitFor();
  return { page, links, caseId };
}

/**
 * The model links that have no visible drawn path whose two ends touch the boxes of their two
 * topics (within `tolerance` px), inside `root`. Ends are measured on screen through the path's
 * own geometry and transform.
 */
async function undrawnLinks(
  page: Page,
  links: Array<[string, string]>,
  root = 'body',
  tolerance = 3,
): Promise<Array<[string, string]>> {
  return page.evaluate(
    ({ links, root, tolerance }) => {
      const scope = document.querySelector(root)!;
      type Box = { left: number; right: number; top: number; bottom: number };
      const distance = (p: { x: number; y: number }, b: Box) =>
        Math.hypot(
          Math.max(b.left - p.x, 0, p.x - b.right),
          Math.max(b.top - p.y, 0, p.y - b.bottom),
        );
      const ends: Array<[DOMPoint, DOMPoint]> = [];
      for (const path of scope.querySelectorAll<SVGPathElement>(
        'path.react-flow__edge-path, .mindmap-lines path',
      )) {
        const style = getComputedStyle(path);
        if (style.visibility === 'hidden' || style.display === 'none' || style.stroke === 'none')
          continue;
        let opacity = 1;
        for (let el: Element | null = path; el; el = el.parentElement)
          opacity *= Number(getComputedStyle(el).opacity);
        if (opacity < 0.5 || path.getClientRects().length === 0) continue;
        const length = path.getTotalLength();
        const ctm = path.getScreenCTM();
        if (!ctm || length < 1) continue;
        ends.push([
          path.getPointAtLength(0).matrixTransform(ctm),
          path.getPointAtLength(length).matrixTransform(ctm),
        ]);
      }
      const box = (id: string) =>
        scope.querySelector(`.react-flow__node[data-id="${id}"] .topic`)?.getBoundingClientRect();
      return links.filter(([parent, child]) => {
        const a = box(parent);
        const b = box(child);
        if (!a || !b || a.width === 0 || b.width === 0) return true;
        return !ends.some(
          ([p, q]) =>
            (distance(p, a) <= tolerance && distance(q, b) <= tolerance) ||
            (distance(p, b) <= tolerance && distance(q, a) <= tolerance),
        );
      });
    },
    { links, root, tolerance },
  );
}

/** Topics drawn on screen that sit (even partly) under a toolbar, a panel or a control. */
async function hiddenUnderChrome(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const chrome = [
      ...document.querySelectorAll(
        '.mindmap-toolbar, .mindmap-zoom, .export-menu, .react-flow__controls, .react-flow__minimap, .case-header, header, aside, [role=toolbar], .register-panel',
      ),
    ]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    const canvas = document.querySelector('[data-testid=mindmap-canvas]')!.getBoundingClientRect();
    const out: string[] = [];
    for (const topic of document.querySelectorAll<HTMLElement>('[data-testid=mindmap] .topic')) {
      const box = topic.getBoundingClientRect();
      if (box.width === 0) continue;
      // What is outside the map's viewport is reachable by scrolling, not hidden.
      const r = {
        left: Math.max(box.left, canvas.left),
        right: Math.min(box.right, canvas.right),
        top: Math.max(box.top, canvas.top),
        bottom: Math.min(box.bottom, canvas.bottom),
      };
      if (r.right <= r.left || r.bottom <= r.top) continue;
      const under = chrome.some(
        (c) => r.left < c.right && r.right > c.left && r.top < c.bottom && r.bottom > c.top,
      );
      if (under) out.push(topic.innerText);
    }
    return out;
  });
}

/**
 * Topics whose drawn box is taller than the box the layout gave them (the label wrapped onto a line
 * the layout did not count, so the topic runs into its neighbour).
 */
async function overgrownTopics(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node-topic')]
      .filter((node) => {
        const topic = node.querySelector<HTMLElement>('.topic')!;
        // A node without the layout's height counts too: nothing to compare is a failure.
        return !(topic.offsetHeight <= parseFloat(node.style.height) + 0.5);
      })
      .map((node) => node.innerText),
  );
}

async function checkOpening(page: Page, links: Array<[string, string]>): Promise<void> {
  // Drawn in full, not simplified: labels are there to be read.
  expect(
    await page.evaluate(() =>
      document.querySelector('.react-flow')!.classList.contains('is-simplified'),
    ),
  ).toBe(false);
  await until(
    async () => (await undrawnLinks(page, links)).length === 0,
    3000,
    'every link drawn between its topics',
  );
  const shown = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid=mindmap-canvas]')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-testid=topic-label]')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > canvas.top && r.top < canvas.bottom && r.right > canvas.left;
    }).length;
  });
  expect(shown).toBeGreaterThan(0);
  const heights = await renderedHeights(page, '[data-testid=topic-label]');
  expect(heights.length).toBe(links.length + 1);
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(9);
  expect(await hiddenUnderChrome(page)).toEqual([]);
  expect(await overgrownTopics(page)).toEqual([]);
  // The zoom bar below the map can be read.
  expect(await contrastProblems(page, '.mindmap-zoom')).toEqual([]);
}

it('draws every link of a balanced 8 × 4 map between its topics, readable and clear of toolbars', async () => {
  const { page, links } = await openMap(grid(8, 4));
  expect(links).toHaveLength(40);
  await checkOpening(page, links);
  // Every layout draws all its links too.
  for (const layout of ['logic-right', 'org-down', 'timeline', 'balanced']) {
    await page.getByTestId('layout-select').selectOption(layout);
    await until(
      async () => (await undrawnLinks(page, links)).length === 0,
      5000,
      `every link drawn in the ${layout} layout`,
    );
  }
});

it('draws every link of the Article 173 case map, and a presented slide of it draws them too', async () => {
  const { page, links } = await openMap(caseMapOutline(ARTICLE_173));
  expect(links).toHaveLength(51);
  await checkOpening(page, links);

  // A slide framing the whole map, presented.
  await page.getByTestId('zoom-fit').click();
  await page.getByTestId('toggle-deck').click();
  await page.getByTestId('add-frame').click();
  await page.getByTestId('deck-slide').first().click();
  await page.getByTestId('present-start').click();
  const presenting = page.getByTestId('present');
  await presenting.waitFor();
  await until(
    async () => (await undrawnLinks(page, links, '[data-testid=present]')).length === 0,
    5000,
    'every link drawn on the presented slide',
  );
});

it('opens a 61-topic map at a zoom where its labels can be read', async () => {
  const { page, links } = await openMap(grid(12, 4, 'Lời khai của người làm chứng số'));
  expect(links).toHaveLength(60);
  expect(
    await page.evaluate(() =>
      document.querySelector('.react-flow')!.classList.contains('is-simplified'),
    ),
  ).toBe(false);
  const heights = await renderedHeights(page, '[data-testid=topic-label]');
  // Every label in view is drawn, none too small to read.
  expect(heights.length).toBeGreaterThan(10);
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(12);
  expect(await hiddenUnderChrome(page)).toEqual([]);
  // The central topic is in view.
  await page.locator('.topic--root').evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.right < 0 || r.left > innerWidth || r.bottom < 0 || r.top > innerHeight)
      throw new Error('the central topic is out of view');
  });
});

/** Topics of the map (drawn in full) whose box is not wholly inside the map's viewport. */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid=mindmap-canvas]')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('[data-testid=mindmap] .topic')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return (
          r.left < canvas.left - 1 ||
          r.right > canvas.right + 1 ||
          r.top < canvas.top - 1 ||
          r.bottom > canvas.bottom + 1
        );
      })
      .map((el) => el.innerText);
  });
}

it('fits the current layout after a layout change made while zoomed out', async () => {
  // Small enough for every layout to fit at a zoom that draws it in full.
  const { page } = await openMap(grid(4, 3));
  const simplified = () =>
    page.evaluate(() => document.querySelector('.react-flow')!.classList.contains('is-simplified'));
  for (const layout of ['org-down', 'timeline']) {
    // Zoomed out until the map is drawn simplified.
    while (!(await simplified())) await page.getByTestId('zoom-out').click();
    await page.getByTestId('layout-select').selectOption(layout);
    await page.getByTestId('zoom-fit').click();
    await until(async () => !(await simplified()), 5000, `the ${layout} map drawn in full`);
    await until(
      async () => (await cutOff(page)).length === 0,
      5000,
      `every topic of the ${layout} map in view after fit`,
    );
  }
});

it('keeps the map toolbar on one row beside the register, or wraps it leaving no control alone', async () => {
  const { page } = await openMap(grid(2, 2));
  await page.setViewportSize({ width: 1400, height: 900 });
  const toggle = page.getByTestId('toggle-register');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await page.getByTestId('help-button').waitFor();
  // Each control's row, by the middle of its box: the toolbar's and the import / export menu's.
  const rows = await page.$$eval(
    '.mindmap-toolbar button, .mindmap-toolbar select, [data-testid=export-menu] > summary',
    (els) => {
      const rows = new Map<number, string[]>();
      for (const el of els) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || el.closest('.export-menu__body')) continue; // the menu's own items
        const middle = Math.round((box.top + box.height / 2) / 8);
        rows.set(middle, [
          ...(rows.get(middle) ?? []),
          (el as HTMLElement).innerText.trim() || el.outerHTML.slice(0, 40),
        ]);
      }
      return [...rows.values()];
    },
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.length, JSON.stringify(rows)).toBeGreaterThan(1);
  // However narrow the board (a pane of a version comparison), no label breaks inside a button and
  // nothing sticks out of the toolbar.
  for (const width of [1400, 900]) {
    await page.setViewportSize({ width, height: 900 });
    const problems = await page.$$eval('.mindmap-toolbar', (bars) =>
      bars.flatMap((bar) => {
        const edge = bar.getBoundingClientRect();
        return [...bar.querySelectorAll<HTMLElement>('button, select, .export-menu > summary')]
          .filter((el) => !el.closest('.export-menu__body'))
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && (box.height > 40 || box.right > edge.right + 0.5))
          .map(({ el, box }) => `${el.innerText.trim() || el.title}: ${box.height} tall`);
      }),
    );
    expect(problems, `at ${width} px`).toEqual([]);
  }
});
