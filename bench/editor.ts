/**
 * Editor part of `npm run bench`: a mind-map board of 500, 2,000 and 5,000 topics generated through
 * the model, opened in headless Chromium, against the same graph drawn by plain React Flow in the
 * same run. Figures: navigation → board drawn, frame times (requestAnimationFrame) while panning and
 * zooming for two seconds, the same while another client moves topics, and one keystroke's time to
 * show in the topic editor.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { performance } from 'node:perf_hooks';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { addBoard, insertOutline, listTopics, moveTopic } from '../src/core/index.ts';
import type { OutlineNode } from '../src/core/outline.ts';
import { CASE_WORDS as WORDS } from './words.ts';
import { ADMIN, ApiClient, startTestServer } from '../tests/helpers/server.ts';
import { connectClient, eventually, synced, type SyncClient } from '../tests/helpers/sync.ts';
import { random } from '../tests/helpers/random.ts';
import { launchBrowser, logIn, newContext } from '../tests/e2e/browser.ts';
import { percentile, runsCell } from './stats.ts';
import type { BenchTable } from './report.ts';
import type { BenchGraph } from './editor/plain.tsx';

type Variant = 'plain' | 'full' | 'lod';
// CaseBoard with every node drawn goes first: the plain page draws the graph read from it.
const VARIANTS: Variant[] = ['full', 'plain', 'lod'];
const NAMES: Record<Variant, string> = {
  plain: 'plain React Flow',
  full: 'CaseBoard, every node drawn',
  lod: 'CaseBoard',
};

interface Sample {
  loadMs: number;
  fit: number[];
  close: number[];
  remote: number[];
}

/** A seeded random tree of `count` topics with Vietnamese labels, as an outline to insert. */
function randomOutline(count: number, seed: number): OutlineNode[] {
  const { next } = random(seed);
  const all: OutlineNode[] = [];
  const root: OutlineNode = { label: 'Vụ án 12/2026/HS', children: [] };
  all.push(root);
  for (let i = 1; i < count; i++) {
    const words = 1 + Math.floor(next() * 4);
    const label = Array.from(
      { length: words },
      () => WORDS[Math.floor(next() * WORDS.length)]!,
    ).join(' ');
    const node: OutlineNode = { label: `${i}. ${label}`, children: [] };
    // Mostly bushy: a random earlier topic among the last few hundred, sometimes the centre.
    const parent = next() < 0.05 ? root : all[Math.max(0, i - 1 - Math.floor(next() * 300))]!;
    parent.children.push(node);
    all.push(node);
  }
  return [root];
}

/** Serves a built folder on 127.0.0.1, port 0. */
async function serveFolder(dir: string): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^\/+/, '');
    try {
      const body = readFileSync(join(dir, path || 'plain.html'));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server };
}

/** Builds the plain React Flow page into a temporary folder. */
async function buildPlain(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'caseboard-plain-'));
  await build({
    configFile: false,
    root: 'bench/editor',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, rollupOptions: { input: 'bench/editor/plain.html' } },
  });
  return outDir;
}

/** Waits for two animation frames: what was put in the page has been drawn. */
export async function twoFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}

/** Waits until the flow shows `count` nodes and two more frames have been drawn. */
export async function drawn(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.react-flow__node').length >= n,
    count,
    { timeout: 120_000, polling: 50 },
  );
  await twoFrames(page);
}

/**
 * Waits until the map shows topics, all measured (React Flow hides unmeasured nodes), and two more
 * frames: a big map draws only the topics near the view, so "drawn" is not "every topic in the page".
 */
export async function mapDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const topics = [...document.querySelectorAll<HTMLElement>('.react-flow__node-topic')];
      return topics.length > 0 && topics.every((t) => t.style.visibility !== 'hidden');
    },
    undefined,
    { timeout: 120_000, polling: 'raf' },
  );
  await twoFrames(page);
}

/** Waits until `count` elements match `selector` and two more frames have been drawn. */
export async function drawnElements(page: Page, selector: string, count: number): Promise<void> {
  await page.waitForFunction(
    ({ s, n }) => document.querySelectorAll(s).length >= n,
    { s: selector, n: count },
    { timeout: 120_000, polling: 50 },
  );
  await twoFrames(page);
}

/** A point of the empty pane near the middle of the flow, to start a pan from. */
async function panePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const box = document
      .querySelector('.react-flow, .scene-svg, .timeline')!
      .getBoundingClientRect();
    // The part of the board on screen (a timeline of many lanes is taller than the window).
    const top = Math.max(0, box.top);
    const bottom = Math.min(window.innerHeight, box.bottom);
    const pane = { left: box.left, top, width: box.width, height: Math.max(0, bottom - top) };
    for (let r = 0; r < 400; r += 12)
      for (let a = 0; a < 16; a++) {
        const x = pane.left + pane.width / 2 + r * Math.cos((a * Math.PI) / 8);
        const y = pane.top + pane.height / 2 + r * Math.sin((a * Math.PI) / 8);
        const hit = document.elementFromPoint(x, y);
        const empty =
          hit?.classList.contains('react-flow__pane') ||
          (hit?.closest('.scene-svg') && !hit.closest('[data-id]')) ||
          (hit?.closest('.timeline') &&
            !hit.closest('.timeline-item, .timeline__axis, .timeline__lane-name'));
        if (empty) return { x, y };
      }
    return { x: pane.left + 20, y: pane.top + 20 };
  });
  return point;
}

/**
 * Frame times (ms between requestAnimationFrame callbacks) while the mouse pans the board in a
 * circle for half of `ms` and the wheel zooms in and out for the other half.
 */
export async function panAndZoom(page: Page, ms: number, during?: () => void): Promise<number[]> {
  const start = await panePoint(page);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = 0;
    const loop = (t: number) => {
      if (last) w.__frames.push(t - last);
      last = t;
      if (w.__recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const timer = during ? setInterval(during, 200) : null;
  const t0 = Date.now();
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 0; Date.now() - t0 < ms / 2; i++)
    await page.mouse.move(
      start.x + 160 * Math.sin(i / 8) + i,
      start.y + 100 * (1 - Math.cos(i / 8)),
    );
  await page.mouse.up();
  for (let i = 0; Date.now() - t0 < ms; i++)
    await page.mouse.wheel(0, Math.floor(i / 6) % 2 === 0 ? -60 : 60);
  if (timer) clearInterval(timer);
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
}

/** Zooms with the wheel at the middle of the flow until the scale is at least 1. */
export async function zoomToOne(page: Page): Promise<void> {
  const box = await page.locator('.react-flow').boundingBox();
  if (!box) throw new Error('no flow on the page');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 80; i++) {
    const scale = await page.evaluate(() => {
      const t = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
      return Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? 1);
    });
    if (scale >= 1) break;
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(300);
}

/** The graph of a drawn CaseBoard board, for the plain page to draw. */
async function readGraph(page: Page, client: SyncClient, boardId: string): Promise<BenchGraph> {
  const nodes = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node-topic')].map((el) => {
      const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(el.style.transform);
      return {
        id: el.dataset.id!,
        x: Number(m?.[1] ?? 0),
        y: Number(m?.[2] ?? 0),
        width: el.offsetWidth,
        height: el.offsetHeight,
        label: el.textContent ?? '',
      };
    }),
  );
  const edges = listTopics(client.doc, boardId)
    .filter((t) => t.parent)
    .map((t) => ({ source: t.parent!, target: t.id }));
  return { nodes, edges };
}

/** The time from a key press in the topic editor until the frame that shows the character. */
async function keystrokes(page: Page, count: number): Promise<number[]> {
  await page.keyboard.press('Escape');
  // The keyboard way in: an arrow selects the central topic, the next one a main topic, F2 edits.
  await page.focus('[data-testid=mindmap-canvas]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('F2');
  await page.locator('[data-testid=topic-editor]').waitFor({ timeout: 10_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[] };
    w.__keys = [];
    const editor = document.querySelector('[data-testid=topic-editor]')!;
    let down = 0;
    editor.addEventListener('keydown', (e) => (down = e.timeStamp), true);
    editor.addEventListener('input', () =>
      requestAnimationFrame(() => setTimeout(() => w.__keys.push(performance.now() - down), 0)),
    );
  });
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('a');
    await page.waitForTimeout(40);
  }
  const times = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
  await page.keyboard.press('Escape');
  return times;
}

export async function benchEditor(quick: boolean): Promise<BenchTable[]> {
  const sizes = quick
    ? [500]
    : process.env.BENCH_SIZES
      ? process.env.BENCH_SIZES.split(',').map(Number)
      : [500, 2000, 5000];
  const runs = quick ? 1 : 3;
  const ms = quick ? 600 : 2000;
  const server = await startTestServer();
  const plainDir = await buildPlain();
  const plain = await serveFolder(plainDir);
  const browser = await launchBrowser();
  const results = new Map<string, Sample[]>();
  const keys = new Map<number, number[]>();
  try {
    const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    const token = await admin.token();
    const context = await newContext(browser);
    // tsx compiles the functions handed to page.evaluate with esbuild's name helper.
    await context.addInitScript('window.__name = (f) => f');
    const page = await context.newPage();
    await logIn(page, server.url, ADMIN.username, ADMIN.password);

    for (const size of sizes) {
      const caseId = (await admin.request('POST', '/api/cases', { title: `Bench ${size}` })).body
        .id as string;
      const writer = connectClient(server.url, caseId, token);
      const reader = connectClient(server.url, caseId, token);
      await Promise.all([synced(writer), synced(reader)]);
      const boardId = addBoard(writer.doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, 'bench');
      insertOutline(
        writer.doc,
        { boardId, parent: null, nodes: randomOutline(size, size) },
        'bench',
      );
      await eventually(
        () => {
          try {
            return listTopics(reader.doc, boardId).length === size;
          } catch {
            return false; // the board has not arrived yet
          }
        },
        60_000,
        'the map',
      );
      reader.destroy();

      // Another client moves a topic to the front of its siblings, five times a second (as a
      // drag among siblings does): the topic and the siblings it passes move.
      const { next } = random(7);
      const topics = listTopics(writer.doc, boardId).filter((t) => t.parent);
      const moveOne = () => {
        const topic = topics[Math.floor(next() * topics.length)];
        if (topic)
          moveTopic(writer.doc, { boardId, id: topic.id, parent: topic.parent, index: 0 }, 'bench');
      };

      let graph: BenchGraph | null = null;
      for (let run = 0; run < runs; run++) {
        for (const variant of VARIANTS) {
          if (variant === 'plain' && !graph) continue;
          const sample: Sample = { loadMs: 0, fit: [], close: [], remote: [] };
          if (variant === 'plain') {
            const p = await context.newPage();
            await p.addInitScript((g) => {
              (window as unknown as { __graph: unknown }).__graph = g;
            }, graph);
            const t0 = performance.now();
            await p.goto(`${plain.url}/plain.html`);
            await drawn(p, size);
            sample.loadMs = performance.now() - t0;
            sample.remote = await panAndZoom(
              p,
              ms,
              () =>
                void p.evaluate(() =>
                  (window as unknown as { __moveSome: (n: number) => void }).__moveSome(1),
                ),
            );
            await p.reload();
            await drawn(p, size);
            sample.fit = await panAndZoom(p, ms);
            await zoomToOne(p);
            sample.close = await panAndZoom(p, ms);
            await p.close();
          } else {
            await page.evaluate(
              (off) =>
                off
                  ? localStorage.setItem('caseboard.lod', 'off')
                  : localStorage.removeItem('caseboard.lod'),
              variant === 'full',
            );
            const t0 = performance.now();
            await page.goto(`${server.url}/cases/${caseId}`);
            if (variant === 'full') await drawn(page, size);
            else await mapDrawn(page);
            sample.loadMs = performance.now() - t0;
            if (!graph) graph = await readGraph(page, writer, boardId);
            sample.fit = await panAndZoom(page, ms);
            sample.remote = await panAndZoom(page, ms, moveOne);
            await zoomToOne(page);
            sample.close = await panAndZoom(page, ms);
            if (variant === 'lod' && run === 0 && size >= 2000)
              keys.set(size, await keystrokes(page, quick ? 5 : 30));
          }
          const key = `${size}:${variant}`;
          results.set(key, [...(results.get(key) ?? []), sample]);
        }
      }
      writer.destroy();
    }
    await context.close();
  } finally {
    await browser.close();
    plain.server.close();
    rmSync(plainDir, { recursive: true, force: true });
    await server.dispose();
  }
  return report(sizes, results, keys, runs, ms);
}

function cell(samples: Sample[], pick: (s: Sample) => number): string {
  return runsCell(samples.map(pick));
}

function report(
  sizes: number[],
  results: Map<string, Sample[]>,
  keys: Map<number, number[]>,
  runs: number,
  ms: number,
): BenchTable[] {
  const frames = (which: 'fit' | 'close' | 'remote') => (s: Sample) => ({
    p50: percentile(s[which], 50),
    p95: percentile(s[which], 95),
  });
  const rows: string[][] = [];
  for (const size of sizes) {
    for (const variant of VARIANTS) {
      const samples = results.get(`${size}:${variant}`) ?? [];
      if (samples.length === 0) continue;
      const f = (which: 'fit' | 'close' | 'remote') =>
        `${cell(samples, (s) => frames(which)(s).p50)} / ${cell(samples, (s) => frames(which)(s).p95)}`;
      rows.push([
        size.toLocaleString('en'),
        NAMES[variant],
        cell(samples, (s) => s.loadMs),
        f('fit'),
        f('close'),
        f('remote'),
      ]);
    }
  }
  const tables: BenchTable[] = [
    {
      id: 'editor-frames',
      title: 'Large boards in Chromium: load time and frame times, ms',
      method: `A mind-map board of n topics (n − 1 edges, Vietnamese labels) made through the model by a y-websocket client, opened in headless Chromium (software rendering, 2 cores, 1400 × 900); the same nodes, sizes, positions and edges drawn by plain @xyflow/react 12 with its default nodes and no Yjs (bench/editor/plain.tsx) in the same run. "Drawn": from navigation until every node is in the page and two frames have passed; for CaseBoard with level of detail, which gives React Flow only the topics near the view (bigger maps than 400 topics), until those are in the page, measured, and two frames have passed. Frame times are the gaps between requestAnimationFrame callbacks while the mouse pans in a circle (${ms / 2000} s) and the wheel zooms in and out (${ms / 2000} s), p50 / p95: with the whole board in view (fit), at zoom 1, and at fit while another client moves a topic five times a second (for plain React Flow: one node moved by setState). "Every node drawn" is CaseBoard with level of detail and the view window switched off (localStorage caseboard.lod = off). Median of ${runs} run(s), spread in brackets.`,
      columns: [
        'nodes',
        'drawn by',
        'navigation → drawn',
        'pan + zoom, whole board: p50 / p95',
        'pan + zoom at zoom 1: p50 / p95',
        'whole board, another client moving topics: p50 / p95',
      ],
      rows,
    },
  ];
  const keyRows = [...keys].map(([size, times]) => [
    `typing into a topic of a ${size.toLocaleString('en')}-topic map (${times.length} keys)`,
    `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
  ]);
  if (keyRows.length > 0)
    tables.push({
      id: 'editor-keystroke',
      title: 'Keystroke to screen',
      method:
        'In the topic editor (F2) of the large map above, from the keydown event until the frame after the input event has been drawn (requestAnimationFrame, then a task).',
      columns: ['measure', 'result'],
      rows: keyRows,
    });
  return tables;
}
