/**
 * Cold open of a big map in `npm run bench`: a case holding a 5,000-topic map (the shape and
 * labels of bench/bigmap.ts) is unloaded on the server (its room not in memory), and a fresh
 * Chromium page (a new context: no cache, no offline copy, no service worker) navigates to it. The
 * page times itself from the navigation's start: its HTML and scripts, the sync socket, the document
 * arriving and applied, the first topic in the page and the map drawn (every topic React Flow was
 * given measured, then two frames).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addBoard, insertOutline, listTopics } from '../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer } from '../tests/helpers/server.ts';
import { connectClient, eventually, synced } from '../tests/helpers/sync.ts';
import { launchBrowser, newContext } from '../tests/e2e/browser.ts';
import { realShapedOutline } from './bigmap.ts';
import type { BenchTable } from './report.ts';
import { summarize } from './sync/stats.ts';

/** What the page recorded, in ms from the navigation's start (its `performance.now()`). */
interface OpenTimes {
  /** The HTML's last byte. */
  html: number;
  /** The last script or style sheet of the first load (the route's chunks included). */
  scripts: number;
  socketOpen: number;
  /** The largest sync message (the document) received, and handled (Yjs applied it). */
  documentReceived: number;
  documentApplied: number;
  documentBytes: number;
  firstTopic: number;
  drawn: number;
}

/**
 * Installed before the page's own scripts: times the sync socket's messages (y-websocket handles
 * them in `onmessage`) and watches every frame for the map to be drawn.
 */
const STOPWATCH = `(() => {
  const times = { socketOpen: 0, documentReceived: 0, documentApplied: 0, documentBytes: 0, firstTopic: 0, drawn: 0 };
  window.__open = times;
  const Native = window.WebSocket;
  class Timed extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => { if (!times.socketOpen) times.socketOpen = performance.now(); });
    }
    set onmessage(handle) {
      super.onmessage = handle && ((event) => {
        const start = performance.now();
        try { return handle.call(this, event); } finally {
          const bytes = event.data.byteLength ?? event.data.length ?? 0;
          if (bytes > times.documentBytes)
            Object.assign(times, { documentBytes: bytes, documentReceived: start, documentApplied: performance.now() });
        }
      });
    }
    get onmessage() { return super.onmessage; }
  }
  window.WebSocket = Timed;
  const watch = () => {
    const topics = document.querySelectorAll('.react-flow__node-topic');
    if (topics.length && !times.firstTopic) times.firstTopic = performance.now();
    if (topics.length && [...topics].every((t) => t.style.visibility !== 'hidden'))
      requestAnimationFrame(() => requestAnimationFrame(() => { times.drawn = performance.now(); }));
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})();`;

const ms = (values: number[]) => {
  const s = summarize(values);
  return s.runs > 1
    ? `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`
    : s.median.toFixed(0);
};

/**
 * Opens an unloaded case with a `topics`-topic map in a fresh page `runs` times; the median and
 * spread of each step. `COLDOPEN_PROFILE=dir` writes a CPU profile of the last open.
 */
export async function benchColdOpen(quick: boolean): Promise<BenchTable> {
  const topics = quick ? 600 : 5000;
  const runs = quick ? 1 : 5;
  const server = await startTestServer();
  const browser = await launchBrowser();
  const times: OpenTimes[] = [];
  let storedKiB = 0;
  try {
    const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    const caseId = (await admin.request('POST', '/api/cases', { title: 'Vụ án lớn' })).body
      .id as string;
    const writer = connectClient(server.url, caseId, await admin.token());
    await synced(writer);
    const boardId = addBoard(writer.doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, 'bench');
    const outline = realShapedOutline(topics, topics);
    insertOutline(writer.doc, { boardId, parent: null, nodes: outline }, 'bench');
    const central = outline[0]!.label;
    await eventually(() => listTopics(writer.doc, boardId).length === topics, 60_000, 'the map');
    writer.destroy();
    const unloaded = () =>
      eventually(() => !server.rooms.isLoaded(caseId), 30_000, 'the case to be unloaded');
    await unloaded();
    storedKiB = (await server.store.loadDocument(caseId)).bytes / 1024;
    const [name, value] = admin.cookie.split('=') as [string, string];

    for (let run = 0; run < runs; run++) {
      const context = await newContext(browser);
      await context.addCookies([{ name, value, url: server.url }]);
      await context.addInitScript(STOPWATCH);
      const page = await context.newPage();
      const profile = process.env.COLDOPEN_PROFILE && run === runs - 1;
      const cdp = profile ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      await page.goto(`${server.url}/cases/${caseId}`);
      await page.waitForFunction(() => (window as unknown as { __open: OpenTimes }).__open.drawn, {
        timeout: 120_000,
        polling: 100,
      });
      if (cdp) {
        const { profile: cpu } = await cdp.send('Profiler.stop');
        mkdirSync(process.env.COLDOPEN_PROFILE!, { recursive: true });
        writeFileSync(
          join(process.env.COLDOPEN_PROFILE!, `cold-open-${topics}.cpuprofile`),
          JSON.stringify(cpu),
        );
      }
      const shown = await page.getByText(central, { exact: true }).count();
      if (!shown) throw new Error(`the central topic "${central}" is not in the page`);
      times.push(
        await page.evaluate(() => {
          const open = (window as unknown as { __open: Omit<OpenTimes, 'html' | 'scripts'> })
            .__open;
          const [navigation] = performance.getEntriesByType(
            'navigation',
          ) as PerformanceNavigationTiming[];
          const loaded = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
            .filter((r) => /\.(js|css)(\?|$)/.test(r.name) && r.startTime < open.socketOpen)
            .map((r) => r.responseEnd);
          return { ...open, html: navigation?.responseEnd ?? 0, scripts: Math.max(0, ...loaded) };
        }),
      );
      await context.close();
      await unloaded();
    }
  } finally {
    await browser.close();
    await server.dispose();
  }
  const column = (key: keyof OpenTimes) => ms(times.map((t) => t[key]));
  return {
    id: 'cold-open',
    title: `Cold open of a case holding a ${topics.toLocaleString('en')}-topic map, ms from navigation`,
    method: `A case whose only board is a mind map of ${topics.toLocaleString('en')} topics (1 → 8 → 64 → 576 → …, labels of 3–8 words, as bench/bigmap.ts makes them; ${storedKiB.toFixed(0)} KiB stored), unloaded on the server (its room not in memory), opened by a fresh headless Chromium page (a new context: nothing cached, no offline copy; software rendering, 2 cores, 1400 × 900) over loopback from the built page and a real server (SQLite). The page times itself from the navigation's start (bench/cold-open.ts): each row is when that step ended. "Drawn": the topics React Flow was given (those near the view, the central one among them) all in the page and measured, then two frames. Median of ${runs} run(s), spread in brackets.`,
    columns: ['step', 'ms from navigation'],
    rows: [
      ['HTML received', column('html')],
      ['scripts and styles of the first load received', column('scripts')],
      ['sync socket open', column('socketOpen')],
      [
        `document received (${(summarize(times.map((t) => t.documentBytes)).median / 1024).toFixed(0)} KiB message)`,
        column('documentReceived'),
      ],
      ['document applied (Yjs)', column('documentApplied')],
      ['first topic in the page', column('firstTopic')],
      ['map drawn', column('drawn')],
    ],
  };
}
