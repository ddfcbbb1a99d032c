/**
 * Evidence-chart and timeline part of `npm run bench` (issue 22): an evidence chart of 2,000 nodes
 * and 4,000 typed links and a timeline of 2,000 events in 50 lanes, made through the model, opened
 * in headless Chromium; navigation → drawn and frame times while panning and zooming at the
 * opening view.
 */
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import {
  addBoard,
  addEntity,
  addEntityNode,
  addLink,
  listLinks,
  listNodes,
  registerOf,
} from '../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer } from '../tests/helpers/server.ts';
import { connectClient, eventually, synced, type SyncClient } from '../tests/helpers/sync.ts';
import { random } from '../tests/helpers/random.ts';
import { launchBrowser, logIn, newContext } from '../tests/e2e/browser.ts';
import { CASE_WORDS as WORDS } from './words.ts';
import { panAndZoom, twoFrames, zoomToOne } from './editor.ts';
import { percentile, runsCell } from './stats.ts';
import type { BenchTable } from './report.ts';

function words(next: () => number, count: number): string {
  return Array.from({ length: count }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(' ');
}

/**
 * An evidence chart: a fifth of the nodes are issues to prove (facts) in a column block on the
 * right, the rest evidence items on the left; each link goes from an evidence item to a fact,
 * 70 % supports, 15 % contradicts, 15 % corroborates, no two alike.
 */
export function buildEvidenceChart(doc: SyncClient['doc'], nodes: number, links: number): string {
  const { next } = random(nodes + links);
  const boardId = addBoard(doc, { kind: 'evidence', title: 'Sơ đồ chứng cứ' }, 'bench');
  const factCount = Math.round(nodes / 5);
  const facts: string[] = [];
  const items: string[] = [];
  const columns = Math.ceil(Math.sqrt(nodes));
  doc.transact(() => {
    for (let i = 0; i < nodes; i++) {
      const fact = i < factCount;
      const col = i % columns;
      const row = Math.floor(i / columns);
      const id = addEntityNode(
        doc,
        {
          boardId,
          kind: fact ? 'fact' : 'evidence',
          name: `${i + 1}. ${words(next, 2 + Math.floor(next() * 3))}`,
          x: col * 320 + (fact ? columns * 320 + 400 : 0),
          y: row * 140,
        },
        'bench',
      );
      (fact ? facts : items).push(id);
    }
  }, 'bench');
  const seen = new Set<string>();
  doc.transact(() => {
    while (seen.size < links) {
      const source = items[Math.floor(next() * items.length)]!;
      const target = facts[Math.floor(next() * facts.length)]!;
      const key = `${source} ${target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const r = next();
      const type = r < 0.7 ? 'supports' : r < 0.85 ? 'contradicts' : 'corroborates';
      addLink(doc, { boardId, source, target, type }, 'bench');
    }
  }, 'bench');
  return boardId;
}

/**
 * A timeline: `lanes` people and `events` register events over 30 days, each with one person (a
 * tenth with two), a fifth of them ranges of up to three hours.
 */
export function buildTimeline(doc: SyncClient['doc'], events: number, lanes: number): string {
  const { next } = random(events + lanes);
  const boardId = addBoard(doc, { kind: 'timeline', title: 'Diễn biến' }, 'bench');
  const two = (n: number) => String(n).padStart(2, '0');
  const at = (minutes: number) => {
    const d = new Date(Date.UTC(2025, 2, 1) + minutes * 60_000);
    return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} ${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
  };
  doc.transact(() => {
    const people = Array.from({ length: lanes }, (_, i) =>
      addEntity(doc, { kind: 'person', fields: { name: `${i + 1}. ${words(next, 3)}` } }, 'bench'),
    );
    for (let i = 0; i < events; i++) {
      const start = Math.floor(next() * 30 * 24 * 60);
      const who = [people[i % lanes]!];
      if (next() < 0.1) who.push(people[Math.floor(next() * lanes)]!);
      const fields: Record<string, unknown> = {
        name: `${i + 1}. ${words(next, 2 + Math.floor(next() * 3))}`,
        start: at(start),
        people: [...new Set(who)],
      };
      if (next() < 0.2) fields.end = at(start + 10 + Math.floor(next() * 170));
      addEntity(doc, { kind: 'event', fields: fields as { name: string } }, 'bench');
    }
  }, 'bench');
  return boardId;
}

/**
 * Waits until the page shows at least one of `selector`, none hidden, and two more frames; false
 * when that has not happened within `timeout` ms.
 */
async function shown(page: Page, selector: string, timeout: number): Promise<boolean> {
  const ok = await page
    .waitForFunction(
      (s) => {
        const all = [...document.querySelectorAll<HTMLElement>(s)];
        return all.length > 0 && all.every((n) => n.style.visibility !== 'hidden');
      },
      selector,
      { timeout, polling: 'raf' },
    )
    .then(
      () => true,
      () => false,
    );
  if (!ok) return false;
  await twoFrames(page);
  return true;
}

/** How long a board may take to show its nodes before the run notes it as not drawn. */
const DRAWN_TIMEOUT = 60_000;

interface Board {
  name: string;
  size: string;
  caseId: string;
  selector: string;
}

export async function benchBoards(quick: boolean): Promise<BenchTable> {
  const chart = quick ? { nodes: 200, links: 400 } : { nodes: 2000, links: 4000 };
  const line = quick ? { events: 200, lanes: 10 } : { events: 2000, lanes: 50 };
  const runs = quick ? 1 : 3;
  const ms = quick ? 600 : 2000;
  const server = await startTestServer();
  const browser = await launchBrowser();
  const rows: string[][] = [];
  try {
    const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    const token = await admin.token();
    const newCase = async (title: string) => {
      const caseId = (await admin.request('POST', '/api/cases', { title })).body.id as string;
      const writer = connectClient(server.url, caseId, token);
      await synced(writer);
      return { caseId, writer };
    };
    /** Waits until a second client has everything the writer made. */
    const arrived = async (caseId: string, done: (reader: SyncClient) => boolean) => {
      const reader = connectClient(server.url, caseId, token);
      await eventually(
        () => {
          try {
            return done(reader);
          } catch {
            return false;
          }
        },
        300_000,
        'the board',
      );
      reader.destroy();
    };

    const boards: Board[] = [];
    const writers: SyncClient[] = [];
    {
      const t0 = performance.now();
      const { caseId, writer } = await newCase('Bench evidence chart');
      const boardId = buildEvidenceChart(writer.doc, chart.nodes, chart.links);
      await arrived(
        caseId,
        (r) =>
          listNodes(r.doc, boardId).length === chart.nodes &&
          listLinks(r.doc, boardId).length === chart.links,
      );
      console.log(
        `boards: evidence chart built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      writers.push(writer);
      boards.push({
        name: 'evidence chart',
        size: `${chart.nodes.toLocaleString('en')} nodes, ${chart.links.toLocaleString('en')} links`,
        caseId,
        selector: '.react-flow__node',
      });
    }
    {
      const t0 = performance.now();
      const { caseId, writer } = await newCase('Bench timeline');
      buildTimeline(writer.doc, line.events, line.lanes);
      const entities = line.events + line.lanes;
      await arrived(caseId, (r) => registerOf(r.doc).size === entities);
      console.log(`boards: timeline built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      writers.push(writer);
      boards.push({
        name: 'timeline',
        size: `${line.events.toLocaleString('en')} events, ${line.lanes} lanes`,
        caseId,
        selector: '.timeline-item',
      });
    }

    const context = await newContext(browser);
    // tsx compiles the functions handed to page.evaluate with esbuild's name helper.
    await context.addInitScript('window.__name = (f) => f');
    const page = await context.newPage();
    await logIn(page, server.url, ADMIN.username, ADMIN.password);
    for (const board of boards) {
      const load: number[] = [];
      const p50: number[] = [];
      const p95: number[] = [];
      const middle = { p50: [] as number[], p95: [] as number[], count: 0 };
      let drawnCount = 0;
      const notDrawn: string[] = [];
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        await page.goto(`${server.url}/cases/${board.caseId}`);
        if (await shown(page, board.selector, DRAWN_TIMEOUT)) load.push(performance.now() - t0);
        else {
          // Not drawn: say so, and measure the frames of what the page shows all the same.
          const edges = await page.locator('.react-flow__edge').count();
          notDrawn.push(
            `${board.selector}: none shown after ${DRAWN_TIMEOUT / 1000} s (${edges} links in the page)`,
          );
        }
        drawnCount = await page.locator(board.selector).count();
        const frames = await panAndZoom(page, ms);
        p50.push(percentile(frames, 50));
        p95.push(percentile(frames, 95));
        if (board.selector !== '.react-flow__node') continue;
        // The chart's opening corner is empty; its middle, between the evidence and the issues,
        // is where most links cross: fitted, then zoomed in to 1 there.
        await page.locator('.react-flow__controls-fitview').click();
        await page.waitForTimeout(800);
        await zoomToOne(page);
        await page.waitForTimeout(1500);
        middle.count = await page.locator(board.selector).count();
        const there = await panAndZoom(page, ms);
        middle.p50.push(percentile(there, 50));
        middle.p95.push(percentile(there, 95));
      }
      for (const note of notDrawn) console.log(`boards: ${board.name}: ${note}`);
      rows.push([
        board.name,
        board.size,
        drawnCount.toLocaleString('en'),
        load.length === runs
          ? runsCell(load)
          : `not drawn in ${runs - load.length} of ${runs} run(s)${load.length ? `; ${runsCell(load)}` : ''}`,
        `${runsCell(p50)} / ${runsCell(p95)}`,
      ]);
      if (middle.p50.length > 0)
        rows.push([
          `${board.name}, its middle at zoom 1`,
          board.size,
          middle.count.toLocaleString('en'),
          '',
          `${runsCell(middle.p50)} / ${runsCell(middle.p95)}`,
        ]);
    }
    await context.close();
    for (const writer of writers) writer.destroy();
  } finally {
    await browser.close();
    await server.dispose();
  }
  return {
    id: 'boards-frames',
    title: 'Evidence chart and timeline in Chromium: load time and frame times, ms',
    method: `An evidence chart of ${chart.nodes.toLocaleString('en')} nodes (a fifth issues to prove, the rest evidence items, each a register entity; Vietnamese names) on a grid, with ${chart.links.toLocaleString('en')} links from evidence to issues (70 % supports, 15 % contradicts, 15 % corroborates), and a timeline of ${line.events.toLocaleString('en')} register events over 30 days in ${line.lanes} lanes (one per person; a tenth of the events with two people, a fifth ranges), each in its own case, made through the model by a y-websocket client and opened in headless Chromium (software rendering, 1400 × 900) at the board's opening view. "Drawn": from navigation until nodes (timeline items) are in the page, none hidden, and two frames have passed; "in the page" is how many were then (an event with two people is drawn in both lanes). A board that shows none within ${DRAWN_TIMEOUT / 1000} s is written "not drawn", and its frames are measured all the same. Frame times as for the mind map: the mouse drags the empty board in a circle and the wheel zooms in and out (${ms / 1000} s in all), p50 / p95. The evidence chart opens at its top-left corner, which is nearly empty; "its middle at zoom 1" measures the same after fitting the chart ("fit view" button) and zooming in with the wheel at the middle of the screen to zoom 1, where most of the 4,000 links cross. Median of ${runs} run(s), spread in brackets. Target (issue 22): p95 ≤ 33 ms.`,
    columns: ['board', 'size', 'in the page', 'navigation → drawn', 'pan + zoom: p50 / p95'],
    rows,
  };
}
