import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addBoard,
  addEntity,
  addSlide,
  listNodes,
  recordAt,
  registerOf,
  textField,
} from '../../src/core/index.ts';
import { addNode } from '../../src/core/commands/nodes.ts';
import { listLinks } from '../../src/core/commands/links.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced, type SyncClient } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';
import { theftCaseBoards } from '../helpers/graph-fixture.ts';
import { contrastProblems } from './look.ts';

/**
 * The graph boards as a prosecutor sees them on the first day: what is drawn, measured on screen.
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

async function open(caseId: string, locale = 'vi-VN'): Promise<Page> {
  const page = await (await newContext(browser, locale)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  return page;
}

it('links two selected nodes from the first selected to the second', async () => {
  const { caseId, client } = await newCase('Vụ trộm cắp tài sản');
  const boardId = addBoard(client.doc, { kind: 'relationship', title: 'Sơ đồ quan hệ' }, 'test');
  const hung = addEntity(
    client.doc,
    { kind: 'person', fields: { name: 'Nguyễn Văn Hùng' } },
    'test',
  );
  // Ids that sort the other way round from the order of the clicks.
  addNode(client.doc, { boardId, id: 'z-hung', x: 0, y: 0, entity: hung }, 'test');
  addNode(
    client.doc,
    { boardId, id: 'a-phone', x: 400, y: 0, label: '0912 345 678', type: 'phone' },
    'test',
  );
  const page = await open(caseId);
  const node = (name: string) => page.locator('.react-flow__node', { hasText: name });
  await node('0912 345 678').waitFor();

  await node('Nguyễn Văn Hùng').click();
  await page.keyboard.down('Control');
  await node('0912 345 678').click();
  await page.keyboard.up('Control');
  await page.getByTestId('link-type-owns').check();
  await page.getByTestId('link-selected').click();

  await eventually(
    () => listLinks(client.doc, boardId).length === 1,
    5000,
    'the link in the document',
  );
  const [link] = listLinks(client.doc, boardId);
  expect({ source: link!.source, target: link!.target, type: link!.type }).toEqual({
    source: 'z-hung',
    target: 'a-phone',
    type: 'owns',
  });
});

/** What is wrong with how a graph board is drawn now, in words (empty when it is drawn right). */
async function drawnProblems(
  page: Page,
  links: ReadonlyArray<{ id: string; source: string; target: string }>,
  nodeCount: number,
): Promise<string[]> {
  return page.evaluate(
    ({ links, nodeCount }) => {
      const problems: string[] = [];
      const flow = document.querySelector('.react-flow')!;
      const view = flow.getBoundingClientRect();
      const nodeBox = (id: string) =>
        flow
          .querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
          ?.getBoundingClientRect();
      const near = (p: { x: number; y: number }, box: DOMRect, slack = 10) =>
        p.x >= box.left - slack &&
        p.x <= box.right + slack &&
        p.y >= box.top - slack &&
        p.y <= box.bottom + slack;

      // Every link is a visible path whose ends touch its two nodes' boxes.
      for (const link of links) {
        const path = flow.querySelector<SVGPathElement>(
          `.react-flow__edge[data-id="${CSS.escape(link.id)}"] path.react-flow__edge-path`,
        );
        if (!path) {
          problems.push(`link ${link.id}: no path drawn`);
          continue;
        }
        const style = getComputedStyle(path);
        const length = path.getTotalLength();
        if (
          style.display === 'none' ||
          style.visibility === 'hidden' ||
          style.stroke === 'none' ||
          parseFloat(style.strokeWidth) <= 0 ||
          Number(style.opacity) < 0.5 ||
          length < 5
        )
          problems.push(`link ${link.id}: path not visible`);
        const matrix = path.getScreenCTM()!;
        const end = (at: number) => {
          const p = path.getPointAtLength(at);
          return new DOMPoint(p.x, p.y).matrixTransform(matrix);
        };
        const source = nodeBox(link.source);
        const target = nodeBox(link.target);
        if (!source || !target) {
          problems.push(`link ${link.id}: a node is not drawn`);
          continue;
        }
        if (!near(end(0), source)) problems.push(`link ${link.id}: does not start at its source`);
        if (!near(end(length), target))
          problems.push(`link ${link.id}: does not end at its target`);
      }

      // Every node is drawn, and none in view lies under a panel drawn over the board.
      const nodes = [...flow.querySelectorAll<HTMLElement>('.react-flow__node')];
      if (nodes.length !== nodeCount)
        problems.push(`${nodes.length} nodes drawn, the board has ${nodeCount}`);
      const panels = [...flow.querySelectorAll('.react-flow__panel')].map((panel) => ({
        name: panel.className,
        box: panel.getBoundingClientRect(),
      }));
      const overlaps = (a: DOMRect, b: DOMRect) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      for (const node of nodes) {
        const box = node.getBoundingClientRect();
        if (!overlaps(box, view)) continue;
        for (const panel of panels)
          if (panel.box.width > 0 && overlaps(box, panel.box))
            problems.push(`node “${node.innerText.trim()}” under ${panel.name}`);
      }

      // Labels are readable: at least 9 px tall on screen, node labels and link words alike.
      for (const label of flow.querySelectorAll<HTMLElement>(
        '.canvas-node__label, [data-testid=link-label]',
      )) {
        const rect = label.getBoundingClientRect();
        if (!overlaps(rect, view) || label.offsetHeight === 0) continue;
        const onScreen =
          parseFloat(getComputedStyle(label).fontSize) * (rect.height / label.offsetHeight);
        if (onScreen < 9)
          problems.push(`label “${label.innerText.trim()}” ${onScreen.toFixed(1)} px tall`);
      }

      // The minimap draws a shape for every node.
      const minimap = flow.querySelector('.react-flow__minimap');
      if (minimap) {
        const drawn = minimap.querySelectorAll('.react-flow__minimap-node').length;
        if (drawn !== nodeCount) problems.push(`the minimap draws ${drawn} of ${nodeCount} nodes`);
      }
      return problems;
    },
    { links, nodeCount },
  );
}

/** Waits until the board's camera has stopped moving (the opening fit is animated). */
async function settled(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 100; i++) {
    const now = await page.locator('.react-flow__viewport').getAttribute('style');
    if (now === last) return;
    last = now ?? '';
    await page.waitForTimeout(100);
  }
}

it('draws the evidence chart, the relationship chart and the timeline so that they can be read', async () => {
  const { caseId, client } = await newCase('Vụ trộm cắp tài sản (Điều 173)');
  const boards = theftCaseBoards(client.doc);
  const page = await open(caseId);
  await page.getByTestId('board-tab').first().waitFor();

  for (const [index, boardId] of [boards.evidence, boards.relationship].entries()) {
    await page.getByTestId('board-tab').nth(index).click();
    const nodes = listNodes(client.doc, boardId);
    await page
      .locator('.react-flow__node[data-id]', { hasText: displayName(client, nodes.at(-1)!) })
      .waitFor();
    await settled(page);
    const links = listLinks(client.doc, boardId);
    expect(links.length).toBeGreaterThan(5);
    expect(await drawnProblems(page, links, nodes.length)).toEqual([]);
    expect(await contrastProblems(page, '.graph-board', 4.5)).toEqual([]);
    // With the side panel closed the board is wider: still drawn right, the minimap too.
    await page.getByTestId('toggle-register').click();
    await page.locator('.react-flow__minimap').waitFor();
    await settled(page);
    expect(await drawnProblems(page, links, nodes.length)).toEqual([]);
    // Opened again on the wide board: fitted clear of the minimap.
    await page.getByTestId('board-tab').nth(2).click();
    await page.getByTestId('board-tab').nth(index).click();
    await page.locator('.react-flow__minimap-node').first().waitFor();
    await settled(page);
    expect(await drawnProblems(page, links, nodes.length)).toEqual([]);
    await page.getByTestId('toggle-register').click();
  }

  // The timeline: every event drawn, names readable, nothing under its toolbar.
  await page.getByTestId('board-tab').nth(2).click();
  await page.getByTestId('timeline-item').first().waitFor();
  const timeline = await page.evaluate(() => {
    const problems: string[] = [];
    const toolbar = document.querySelector('.timeline-toolbar')!.getBoundingClientRect();
    const area = document.querySelector('.timeline')!.getBoundingClientRect();
    for (const item of document.querySelectorAll<HTMLElement>('[data-testid=timeline-item]')) {
      const box = item.getBoundingClientRect();
      if (box.top < toolbar.bottom && box.bottom > toolbar.top && box.left < toolbar.right)
        problems.push(`“${item.innerText}” under the toolbar`);
      if (box.right < area.left || box.left > area.right)
        problems.push(`“${item.innerText}” out of view`);
      const name = item.querySelector<HTMLElement>('.timeline-item__name')!;
      const size = parseFloat(getComputedStyle(name).fontSize);
      if (size < 9) problems.push(`“${name.innerText}” ${size} px tall`);
    }
    return problems;
  });
  expect(timeline).toEqual([]);
  expect(await contrastProblems(page, '.timeline-board', 4.5)).toEqual([]);
  expect(await page.getByTestId('timeline-item').count()).toBe(5);
});

/** The name a node shows: its entity's name or its own label. */
function displayName(client: SyncClient, node: { label: string; entity?: string }): string {
  if (!node.entity) return node.label;
  return textField(recordAt(registerOf(client.doc), node.entity), 'name');
}

/** Shares of dark (< 100) and non-white (< 235) pixels in a region of the screen, in grey levels. */
async function inkIn(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
): Promise<{ dark: number; marked: number }> {
  const png = await page.screenshot({ clip });
  return page.evaluate(
    async (data) => {
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([new Uint8Array(data)], { type: 'image/png' }));
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      let marked = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const grey = (pixels[i]! + pixels[i + 1]! + pixels[i + 2]!) / 3;
        if (grey < 100) dark++;
        if (grey < 235) marked++;
      }
      const count = pixels.length / 4;
      return { dark: dark / count, marked: marked / count };
    },
    [...png],
  );
}

it('draws thumbnails without showing them over the board, and leaves no blank patch behind', async () => {
  const { caseId, client } = await newCase('Vụ trộm cắp tài sản');
  const boardId = addBoard(client.doc, { kind: 'relationship', title: 'Sơ đồ quan hệ' }, 'test');
  addNode(client.doc, { boardId, x: 0, y: 0, label: '0912 345 678', type: 'phone' }, 'test');
  addSlide(client.doc, { kind: 'title', title: 'Vụ trộm cắp tài sản' }, 'test');
  addSlide(client.doc, { kind: 'title', title: 'Kết luận' }, 'test');
  const page = await open(caseId);
  await page.locator('.react-flow__node', { hasText: '0912 345 678' }).waitFor();
  await page.getByTestId('toggle-deck').click();
  await page.getByTestId('deck-panel').waitFor();
  // An empty stretch of the board above its only node (in the middle): background dots only,
  // inside the top-left 960 × 540 where slides are drawn for their thumbnails.
  const flow = (await page.locator('.react-flow').boundingBox())!;
  const node = (await page.locator('.react-flow__node').boundingBox())!;
  const clip = { x: flow.x + 20, y: flow.y + 10, width: 480, height: 0 };
  clip.height = Math.min(540, node.y - 10) - clip.y;
  expect(clip.height).toBeGreaterThan(40);

  // While slides are drawn for their thumbnails (from the document, nothing drawn on the page),
  // the board looks as before.
  expect((await inkIn(page, clip)).dark).toBeLessThan(0.005);
  // Once the thumbnails are made, the board's dots are still there: no blank patch over them.
  await until(
    async () => (await page.getByTestId('deck-thumb').count()) === 2,
    10_000,
    'two thumbnails',
  );
  const after = await inkIn(page, clip);
  expect(after.dark).toBeLessThan(0.005);
  expect(after.marked).toBeGreaterThan(0.001);
  // And the thumbnails themselves show their slides.
  const thumb = (await page.getByTestId('deck-thumb').first().boundingBox())!;
  expect((await inkIn(page, thumb)).marked).toBeGreaterThan(0.005);
});

it('shows the start picker of an empty evidence chart whole, over nothing else', async () => {
  const { caseId, client } = await newCase('Vụ trộm cắp tài sản');
  addBoard(client.doc, { kind: 'evidence', title: 'Sơ đồ chứng cứ' }, 'test');
  const page = await open(caseId);
  await page.getByTestId('evidence-start').waitFor();
  const placement = () =>
    page.evaluate(() => {
      const problems: string[] = [];
      const flow = document.querySelector('.react-flow')!.getBoundingClientRect();
      const picker = document.querySelector('[data-testid=evidence-start]')!;
      const box = picker.getBoundingClientRect();
      if (
        box.top < flow.top ||
        box.bottom > flow.bottom ||
        box.left < flow.left ||
        box.right > flow.right
      )
        problems.push('the picker reaches past the board');
      // Every offence can be reached: the picker's own box shows them or scrolls to them.
      if (
        picker.scrollHeight > picker.clientHeight + 1 &&
        getComputedStyle(picker).overflowY !== 'auto'
      )
        problems.push('the picker is cut off');
      const overlaps = (a: DOMRect, b: DOMRect) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      for (const other of document.querySelectorAll(
        '.react-flow__panel:not(:has([data-testid=evidence-start])), .board-canvas__empty',
      )) {
        const rect = other.getBoundingClientRect();
        if (rect.width > 0 && overlaps(box, rect))
          problems.push(`the picker covers ${other.className}`);
      }
      // Nested boxes would each clip the other.
      if (picker.parentElement?.closest('.graph-start')) problems.push('the picker is boxed twice');
      return problems;
    });
  expect(await placement()).toEqual([]);
  await page.getByTestId('toggle-register').click();
  await until(
    async () => (await placement()).length === 0,
    3000,
    'the picker placed on the wide board',
  );
});
