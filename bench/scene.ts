/**
 * Scene-diagram part of `npm run bench`: a scene of 1,000 objects (symbols, rooms, markers,
 * measurements, text) made through the model, opened in headless Chromium; load time and frame times
 * while panning and zooming, alone and while another client moves objects.
 */
import { performance } from 'node:perf_hooks';
import {
  addBoard,
  addSceneObject,
  listSceneObjects,
  updateSceneObjects,
} from '../src/core/index.ts';
import type { SceneObjectInput } from '../src/core/commands/scene.ts';
import { SYMBOLS } from '../src/boards/scene/symbols.ts';
import { ADMIN, ApiClient, startTestServer } from '../tests/helpers/server.ts';
import { connectClient, eventually, synced } from '../tests/helpers/sync.ts';
import { random } from '../tests/helpers/random.ts';
import { launchBrowser, logIn, newContext } from '../tests/e2e/browser.ts';
import type { Page } from 'playwright-core';
import { panAndZoom, twoFrames } from './editor.ts';
import { percentile } from './stats.ts';
import type { BenchTable } from './report.ts';

/** `count` objects over a 60 m × 40 m site, seeded. */
export function randomScene(count: number): SceneObjectInput[] {
  const { next } = random(count);
  const objects: SceneObjectInput[] = [];
  for (let i = 0; i < count; i++) {
    const x = next() * 60;
    const y = next() * 40;
    const kind = next();
    if (kind < 0.45) {
      const s = SYMBOLS[Math.floor(next() * SYMBOLS.length)]!;
      objects.push({
        shape: 'symbol',
        symbol: s.id,
        x,
        y,
        w: s.w,
        h: s.h,
        rotation: Math.floor(next() * 360),
      });
    } else if (kind < 0.6) {
      const w = 2 + next() * 4;
      const h = 2 + next() * 3;
      objects.push({
        shape: 'wall',
        closed: true,
        thickness: 0.2,
        points: [
          { x, y },
          { x: x + w, y },
          { x: x + w, y: y + h },
          { x, y: y + h },
        ],
      });
    } else if (kind < 0.8) objects.push({ shape: 'marker', x, y });
    else if (kind < 0.92)
      objects.push({
        shape: 'measure',
        points: [
          { x, y },
          { x: x + next() * 5, y: y + next() * 2 },
        ],
      });
    else objects.push({ shape: 'text', x, y, label: `Ghi chú ${i}` });
  }
  return objects;
}

/**
 * Waits until the scene shows its objects: all of them, or, where the scene draws only those near
 * the view (`SceneItems.tsx` says how many in `data-drawn`), those; then two frames.
 */
async function sceneDrawn(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const items = document.querySelector('[data-testid=scene-items]');
      const shapes = document.querySelectorAll('.scene-svg [data-shape]').length;
      if (!items) return shapes >= n;
      return (
        Number(items.getAttribute('data-objects')) === n &&
        shapes >= Number(items.getAttribute('data-drawn'))
      );
    },
    count,
    { timeout: 120_000, polling: 50 },
  );
  await twoFrames(page);
}

export async function benchScene(quick: boolean): Promise<BenchTable> {
  const counts = quick ? [200] : [1000, 5000];
  const runs = quick ? 1 : 3;
  const ms = quick ? 600 : 2000;
  const server = await startTestServer();
  const browser = await launchBrowser();
  const rows: string[][] = [];
  try {
    const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    for (const count of counts) {
      const built = performance.now();
      const caseId = (await admin.request('POST', '/api/cases', { title: 'Bench scene' })).body
        .id as string;
      const writer = connectClient(server.url, caseId, await admin.token());
      await synced(writer);
      const boardId = addBoard(writer.doc, { kind: 'scene', title: 'Hiện trường' }, 'bench');
      writer.doc.transact(() => {
        for (const object of randomScene(count))
          addSceneObject(writer.doc, { boardId, object }, 'bench');
      }, 'bench');
      const reader = connectClient(server.url, caseId, await admin.token());
      await eventually(
        () => {
          try {
            return listSceneObjects(reader.doc, boardId).length === count;
          } catch {
            return false;
          }
        },
        300_000,
        'the scene',
      );
      reader.destroy();
      console.log(
        `scene: ${count} objects built and synced in ${((performance.now() - built) / 1000).toFixed(1)} s`,
      );
      const ids = listSceneObjects(writer.doc, boardId)
        .filter((o) => o.shape === 'symbol' || o.shape === 'marker')
        .map((o) => o.id);
      const { next } = random(3);
      const moveOne = () => {
        const id = ids[Math.floor(next() * ids.length)];
        const o = listSceneObjects(writer.doc, boardId).find((x) => x.id === id);
        if (o)
          updateSceneObjects(
            writer.doc,
            { boardId, patches: [{ id: o.id, patch: { x: o.x + 0.3 } }] },
            'bench',
          );
      };

      const context = await newContext(browser);
      await context.addInitScript('window.__name = (f) => f');
      const page = await context.newPage();
      await logIn(page, server.url, ADMIN.username, ADMIN.password);
      const load: number[] = [];
      const p50: number[] = [];
      const p95: number[] = [];
      const rp50: number[] = [];
      const rp95: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        await page.goto(`${server.url}/cases/${caseId}`);
        await sceneDrawn(page, count);
        load.push(performance.now() - t0);
        const frames = await panAndZoom(page, ms);
        p50.push(percentile(frames, 50));
        p95.push(percentile(frames, 95));
        const remote = await panAndZoom(page, ms, moveOne);
        rp50.push(percentile(remote, 50));
        rp95.push(percentile(remote, 95));
      }
      const cell = (values: number[]) => {
        const sorted = [...values].sort((a, b) => a - b);
        const mid = (
          sorted.length % 2
            ? sorted[Math.floor(sorted.length / 2)]!
            : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2
        ).toFixed(0);
        return sorted.length > 1
          ? `${mid} (${sorted[0]!.toFixed(0)}–${sorted.at(-1)!.toFixed(0)})`
          : mid;
      };
      rows.push([
        count.toLocaleString('en'),
        cell(load),
        `${cell(p50)} / ${cell(p95)}`,
        `${cell(rp50)} / ${cell(rp95)}`,
      ]);
      writer.destroy();
      await context.close();
    }
  } finally {
    await browser.close();
    await server.dispose();
  }
  return {
    id: 'scene-frames',
    title: 'Scene diagram in Chromium: load time and frame times, ms',
    method: `A scene board of ${counts.map((c) => c.toLocaleString('en')).join(' and ')} objects (45 % symbols at real size and rotated, 15 % closed rooms with their area, 20 % numbered markers, 12 % measurements, 8 % text) over a 60 m × 40 m site, made through the model by a y-websocket client and opened in headless Chromium (software rendering, 1400 × 900); the scene opens fitted to the screen. Frame times as for the mind map: the mouse pans in a circle and the wheel zooms in and out (${ms / 1000} s in all), p50 / p95; then the same while another client moves one object five times a second. Median of ${runs} run(s), spread in brackets.`,
    columns: [
      'objects',
      'navigation → drawn',
      'pan + zoom: p50 / p95',
      'another client moving objects: p50 / p95',
    ],
    rows,
  };
}
