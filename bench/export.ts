/**
 * Export part of `npm run bench` (issue 21): a 2,000-topic mind map as SVG, PNG (that SVG
 * rasterised in Chromium) and a 20-slide deck with 5 document pages as PDF, drawn from the case
 * document by the pipeline in this process (as the server does); and, as the baseline, the same
 * board photographed from the live page by html-to-image, the old capture path, in the same run.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type * as HtmlToImage from 'html-to-image';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { listSlides } from '../src/core/index.ts';
import { boardSvg, deckPdf, type ExportContext } from '../src/export/documents/index.ts';
import { nodeResources } from '../server/export/resources.ts';
import { ADMIN, ApiClient, startTestServer } from '../tests/helpers/server.ts';
import { connectClient, eventually, synced } from '../tests/helpers/sync.ts';
import { launchBrowser, logIn } from '../tests/e2e/browser.ts';
import { drawn } from './editor.ts';
import { writeExportCase } from './export-case.ts';
import type { BenchTable } from './report.ts';

interface Measured<T> {
  value: T;
  /** Median time of the runs, ms. */
  ms: number;
  /** The first run's time, ms: what the first export after a start costs (fonts read, code loaded). */
  first: number;
  /** The highest resident set size seen during the runs, bytes. */
  peakRss: number;
  /** The highest heap in use above the heap before, bytes. */
  heapGrowth: number;
}

/**
 * Runs `work` `runs` times; the median time, and memory sampled every 5 ms (the pipeline yields
 * between pages, so samples are taken while it works) and after each run.
 */
async function measure<T>(runs: number, work: () => Promise<T>): Promise<Measured<T>> {
  const times: number[] = [];
  let value: T | undefined;
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = 0;
  let peakHeap = heapBefore;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 5);
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      value = await work();
      times.push(performance.now() - t0);
      sample();
    }
  } finally {
    clearInterval(timer);
  }
  const first = times[0]!;
  times.sort((a, b) => a - b);
  return {
    value: value!,
    ms: times[Math.floor(times.length / 2)]!,
    first,
    peakRss,
    heapGrowth: peakHeap - heapBefore,
  };
}

/** Rasterises an SVG in the page as the export menu does: an <img>, a canvas, a PNG blob. */
async function rasterise(page: Page, svg: string, scale: number) {
  return page.evaluate(
    async ({ svg, scale }) => {
      const t0 = performance.now();
      const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      const img = new Image();
      img.src = url;
      await img.decode();
      // The export menu's bound: no side past 16,000 px, what a browser canvas reliably holds.
      const fit = Math.min(scale, 16_000 / img.naturalWidth, 16_000 / img.naturalHeight);
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(img.naturalWidth * fit);
      canvas.height = Math.round(img.naturalHeight * fit);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      const png = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
      URL.revokeObjectURL(url);
      return {
        ms: performance.now() - t0,
        bytes: png?.size ?? 0,
        size: `${canvas.width} × ${canvas.height}`,
      };
    },
    { svg, scale },
  );
}

/**
 * The old capture path on the live board (src/export/capture.ts's `boardPicture`): every node
 * drawn (level of detail off), the flow's viewport photographed at zoom 1 around the nodes'
 * bounds by html-to-image's own build, added to the page for the measurement.
 */
async function htmlToImage(page: Page, format: 'svg' | 'png') {
  return page.evaluate(async (format) => {
    const lib = (window as unknown as { htmlToImage: typeof HtmlToImage }).htmlToImage;
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(el.style.transform);
      const x = Number(m?.[1] ?? 0);
      const y = Number(m?.[2] ?? 0);
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + el.offsetWidth);
      y1 = Math.max(y1, y + el.offsetHeight);
    }
    const width = Math.ceil(x1 - x0 + 80);
    const height = Math.ceil(y1 - y0 + 80);
    const options = {
      width,
      height,
      backgroundColor: '#ffffff',
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${40 - x0}px, ${40 - y0}px) scale(1)`,
      },
    };
    const t0 = performance.now();
    let bytes: number;
    if (format === 'svg') bytes = (await lib.toSvg(viewport, options)).length;
    else {
      const canvas = await lib.toCanvas(viewport, { ...options, pixelRatio: 1 });
      const png = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
      bytes = png?.size ?? 0;
    }
    return { ms: performance.now() - t0, bytes, size: `${width} × ${height}` };
  }, format);
}

/** How long the baseline may take for one picture before it is stopped. */
const BASELINE_CAP_MS = 180_000;

/** `work`'s answer, or null when it takes longer than `BASELINE_CAP_MS` (or fails). */
async function capped<T>(work: Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>(
    (resolve) => (timer = setTimeout(() => resolve(null), BASELINE_CAP_MS)),
  );
  try {
    return await Promise.race([work.catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

export async function benchExport(quick: boolean): Promise<BenchTable> {
  const sizes = quick
    ? { topics: 100, slides: 4, documents: 1 }
    : { topics: 2000, slides: 20, documents: 5 };
  const runs = quick ? 1 : 3;
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    const caseId = (await admin.request('POST', '/api/cases', { title: 'Vụ án xuất tệp' })).body
      .id as string;
    const writer = connectClient(server.url, caseId, await admin.token());
    await synced(writer);
    const { boardId, blobs } = await writeExportCase(writer.doc, sizes);
    await eventually(
      async () => {
        const stored = new Y.Doc();
        Y.applyUpdate(stored, await server.rooms.state(caseId));
        return Y.encodeStateAsUpdate(writer.doc, Y.encodeStateVector(stored)).byteLength <= 2;
      },
      20_000,
      'the case stored',
    );
    // The pipeline reads a copy, as the server's routes do.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer.doc));
    writer.destroy();
    const context: ExportContext = {
      resources: nodeResources(async (hash) => blobs.get(hash) ?? null),
      language: 'vi',
      date: new Date(),
      author: 'bench',
    };

    const svg = await measure(runs, () => boardSvg(doc, boardId, {}, context));
    console.log(`  SVG: ${seconds(svg.ms)}`);
    const deck = await measure(runs, () => deckPdf(doc, { perStep: false, notes: false }, context));
    console.log(`  deck PDF: ${seconds(deck.ms)}`);

    const blank = await browser.newPage();
    const pngRuns = [];
    for (let i = 0; i < runs; i++) pngRuns.push(await rasterise(blank, svg.value, 1));
    pngRuns.sort((a, b) => a.ms - b.ms);
    const png = pngRuns[Math.floor(pngRuns.length / 2)]!;
    await blank.close();

    // The baseline: the board in the built page, every node drawn, html-to-image added to it.
    const context2 = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 1400, height: 900 },
      locale: 'vi-VN',
    });
    await context2.addInitScript(() => localStorage.setItem('caseboard.lod', 'off'));
    const page = await context2.newPage();
    await logIn(page, server.url, ADMIN.username, ADMIN.password);
    await page.goto(`${server.url}/cases/${caseId}`);
    await drawn(page, sizes.topics);
    await page.addScriptTag({
      path: createRequire(import.meta.url).resolve('html-to-image/dist/html-to-image.js'),
    });
    // One run each (a large board takes minutes), stopped at BASELINE_CAP_MS: past it the figure
    // is "more than", and the page is closed with the capture.
    const oldSvg = await capped(htmlToImage(page, 'svg'));
    console.log(`  html-to-image SVG: ${oldSvg ? seconds(oldSvg.ms) : 'stopped'}`);
    const oldPng = oldSvg ? await capped(htmlToImage(page, 'png')) : null;
    console.log(`  html-to-image PNG: ${oldPng ? seconds(oldPng.ms) : 'stopped'}`);
    await context2.close().catch(() => undefined);

    const slides = listSlides(doc).length;
    const topics = sizes.topics.toLocaleString('en');
    return {
      id: 'export',
      title: 'Exports',
      method: `A ${topics}-topic mind map (seeded, Vietnamese labels) and a deck of ${slides} slides, ${sizes.documents} of them pages of a PDF of the case file with marks, the rest frames of the map (bench/export-case.ts), written through a sync client to a real server. CaseBoard: the export pipeline (src/export/documents) in Node on a copy of the document, as the server's routes run it, with the fonts from node_modules; median of ${runs} runs, and the first run of the process (fonts read from disk, renderers loaded) in brackets; memory sampled every 5 ms (process.memoryUsage) while it ran. PNG: that SVG drawn into a canvas by headless Chromium (an <img>, drawImage, toBlob), timed in the page. Baseline: the same board open in the built page with every node drawn, photographed at zoom 1 by html-to-image 1.11 (its UMD build added to the page), as src/export/capture.ts did, same run, once (stopped past 180 s).`,
      columns: ['export', 'time', 'file', 'peak memory', 'target'],
      rows: [
        [
          `SVG of the ${topics}-topic map, from the document`,
          `${seconds(svg.ms)} (first ${seconds(svg.first)})`,
          kb(Buffer.byteLength(svg.value)),
          `RSS ${mb(svg.peakRss)}, heap +${mb(svg.heapGrowth)}`,
          '< 1 s',
        ],
        [
          'PNG of it: that SVG rasterised in Chromium',
          `${seconds(png.ms)} (${seconds(svg.ms + png.ms)} with the SVG)`,
          `${kb(png.bytes)}, ${png.size} px`,
          'in the browser',
          '< 3 s',
        ],
        [
          `PDF of the ${slides}-slide deck, ${sizes.documents} document pages`,
          `${seconds(deck.ms)} (first ${seconds(deck.first)})`,
          kb(deck.value.byteLength),
          `RSS ${mb(deck.peakRss)}, heap +${mb(deck.heapGrowth)}`,
          '< 10 s',
        ],
        [
          'baseline: html-to-image SVG of the live board',
          oldSvg ? seconds(oldSvg.ms) : `> ${seconds(BASELINE_CAP_MS)} (stopped)`,
          oldSvg ? `${kb(oldSvg.bytes)}, ${oldSvg.size} px` : '',
          'in the browser',
          '',
        ],
        [
          'baseline: html-to-image PNG of the live board',
          oldPng ? seconds(oldPng.ms) : `> ${seconds(BASELINE_CAP_MS)} (stopped)`,
          oldPng ? `${kb(oldPng.bytes)}, ${oldPng.size} px` : '',
          'in the browser',
          '',
        ],
      ],
    };
  } finally {
    await browser.close();
    await server.dispose();
  }
}
