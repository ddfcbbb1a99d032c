/**
 * Big real-shaped mind maps in `npm run bench`: a regular case-map tree (1 → 8 → 64 → … topics,
 * labels of 3–8 words, like the 5,833-topic FreeMind map of issue 22) at several sizes, and the
 * Freeplane user guide fixture. Measured in headless Chromium against the built page: opening the
 * case, importing the map as a .mm file into a board, and structural edits by keyboard, paste and
 * drag, each from the input event to the first frame drawn after the page changed, with the longest
 * task (PerformanceObserver "longtask") that ran meanwhile.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { addBoard, addTopic, insertOutline, listTopics } from '../src/core/index.ts';
import type { OutlineNode } from '../src/core/outline.ts';
import { ADMIN, ApiClient, startTestServer } from '../tests/helpers/server.ts';
import { connectClient, eventually, synced } from '../tests/helpers/sync.ts';
import { random } from '../tests/helpers/random.ts';
import { launchBrowser, logIn, newContext } from '../tests/e2e/browser.ts';
import { CASE_WORDS } from './words.ts';
import { percentile } from './stats.ts';
import type { BenchTable } from './report.ts';
import { mapDrawn } from './editor.ts';

const USER_GUIDE = '../shared/fixtures/interop/freeplane-userguide-large.mm';

/**
 * A regular case map of exactly `count` topics: a central topic, 8 main topics, 8 under each, and
 * two more levels sharing the rest evenly (5,833 topics: 1 → 8 → 64 → 576 → 5,184).
 */
export function realShapedOutline(count: number, seed = 1): OutlineNode[] {
  const { next } = random(seed);
  const label = (prefix: string) =>
    `${prefix} ${Array.from(
      { length: 3 + Math.floor(next() * 6) },
      () => CASE_WORDS[Math.floor(next() * CASE_WORDS.length)]!,
    ).join(' ')}`;
  const root: OutlineNode = { label: 'Vụ án 12/2026/HS', children: [] };
  let made = 1;
  const level = (parents: OutlineNode[], total: number): OutlineNode[] => {
    const out: OutlineNode[] = [];
    for (let i = 0; i < total && made < count; i++, made++) {
      const parent = parents[Math.floor((i * parents.length) / total)]!;
      const node: OutlineNode = { label: label(`${parent.children.length + 1}.`), children: [] };
      parent.children.push(node);
      out.push(node);
    }
    return out;
  };
  const l1 = level([root], 8);
  const l2 = level(l1, 64);
  // The two lower levels share what is left: 64·f + 64·f² = rest.
  const rest = Math.max(0, count - made);
  const f = (-64 + Math.sqrt(64 * 64 + 4 * 64 * rest)) / 128;
  const l3 = level(l2, Math.round(64 * f));
  level(l3, count - made);
  return [root];
}

/** The outline as a FreeMind/Freeplane .mm file. */
export function freeMindFile(outline: OutlineNode[]): string {
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/>/g, '&gt;');
  const parts: string[] = ['<map version="freeplane 1.9.0">'];
  const walk = (node: OutlineNode) => {
    parts.push(`<node TEXT="${esc(node.label)}">`);
    node.children.forEach(walk);
    parts.push('</node>');
  };
  outline.forEach(walk);
  parts.push('</map>');
  return parts.join('\n');
}

function count(outline: OutlineNode[]): number {
  return outline.reduce((n, node) => n + 1 + count(node.children), 0);
}

/**
 * Installs the page's stopwatch: armed, it starts at the next keydown, paste or pointerup (the
 * event's own time stamp), and stops at the first animation frame after the map's DOM changed, a
 * task later (when that frame has been painted); long tasks meanwhile are kept.
 */
const STOPWATCH = `(() => {
  const w = window;
  w.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ entryTypes: ['longtask'] });
  let armed = null;
  const start = (e) => {
    if (armed && armed.start === null) armed.start = e.timeStamp;
  };
  for (const type of ['keydown', 'paste', 'pointerup', 'change'])
    window.addEventListener(type, start, true);
  const observer = new MutationObserver((records) => {
    if (!armed || armed.start === null || armed.changed) return;
    const real = records.some(
      (r) => !(r.type === 'attributes' && r.target.classList?.contains('react-flow__viewport')),
    );
    if (!real) return;
    armed.changed = true;
    const a = armed;
    requestAnimationFrame(() => setTimeout(() => a.resolve(performance.now()), 0));
  });
  let observing = false;
  w.__arm = () => {
    // Not at start: the init script runs before the document has an element to observe.
    if (!observing)
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    observing = true;
    let resolve;
    const done = new Promise((r) => (resolve = r));
    armed = { start: null, changed: false, resolve };
    w.__done = done.then((end) => {
      const s = armed.start;
      armed = null;
      const longest = Math.max(0, ...w.__long.filter((t) => t.start + t.duration >= s).map((t) => t.duration));
      return { ms: end - s, longest };
    });
  };
})()`;

interface Timed {
  ms: number;
  longest: number;
}

/** Runs `act` and times it from its input event to the frame that shows the change. */
async function timed(page: Page, what: string, act: () => Promise<unknown>): Promise<Timed> {
  await page.evaluate(() => (window as unknown as { __arm(): void }).__arm());
  await act();
  const result = await Promise.race([
    page.evaluate(() => (window as unknown as { __done: Promise<Timed> }).__done),
    new Promise<Timed>((_, reject) =>
      setTimeout(() => reject(new Error(`the page did not change after: ${what}`)), 10_000),
    ),
  ]);
  // Let effects and the camera settle before the next action.
  await page.waitForTimeout(250);
  return result;
}

type Edit =
  'add child' | 'add sibling' | 'delete' | 'undo' | 'redo' | 'fold' | 'paste 200' | 'drag';

/** One round of structural edits on a map opened in `page`, main topic selected. */
async function editRound(
  page: Page,
  times: Map<Edit, Timed[]>,
  branch: string,
  topic: string,
): Promise<void> {
  const put = (edit: Edit, t: Timed) => times.set(edit, [...(times.get(edit) ?? []), t]);
  // Enter in the topic's editor keeps the new topic's label and closes it, the topic selected.
  const editor = page.getByTestId('topic-editor');
  put('add child', await timed(page, 'add child', () => page.keyboard.press('Tab')));
  await editor.waitFor({ timeout: 5000 });
  await page.keyboard.press('Enter');
  await editor.waitFor({ state: 'detached' });
  put('add sibling', await timed(page, 'add sibling', () => page.keyboard.press('Enter')));
  await editor.waitFor({ timeout: 5000 });
  await page.keyboard.press('Enter');
  await editor.waitFor({ state: 'detached' });
  put('delete', await timed(page, 'delete', () => page.keyboard.press('Delete')));
  put('undo', await timed(page, 'undo', () => page.keyboard.press('Control+z')));
  put('redo', await timed(page, 'redo', () => page.keyboard.press('Control+Shift+z')));
  // Back on the topic: fold and unfold its branch.
  await selectTopic(page, topic);
  put('fold', await timed(page, 'fold', () => page.keyboard.press(' ')));
  put('fold', await timed(page, 'fold', () => page.keyboard.press(' ')));
  put(
    'paste 200',
    await timed(page, 'paste 200', () =>
      page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document
          .querySelector('[data-testid=mindmap-canvas]')!
          .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
      }, branch),
    ),
  );
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(300);
  await selectTopic(page, topic);
  // Drag a topic near the middle of the screen up past its neighbour (a move among siblings).
  const box = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best: { x: number; y: number; width: number; height: number } | null = null;
    let bestDistance = Infinity;
    for (const el of document.querySelectorAll(
      '.react-flow__node-topic .topic:not(.topic--root)',
    )) {
      const r = el.getBoundingClientRect();
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (r.top > pane.top + 40 && r.bottom < pane.bottom && d < bestDistance) {
        best = { x: r.left, y: r.top, width: r.width, height: r.height };
        bestDistance = d;
      }
    }
    return best;
  });
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++)
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - (i * box.height) / 4);
    const layouts = () =>
      page.evaluate(() =>
        document.querySelector('[data-testid=mindmap]')!.getAttribute('data-layout'),
      );
    const before = await layouts();
    put('drag', await timed(page, 'drag', () => page.mouse.up()));
    // Undone only if it moved something: an undo after a drop that changed nothing would undo
    // the fold before it.
    if ((await layouts()) !== before) {
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(300);
    }
  }
  await selectTopic(page, topic);
}

/**
 * Selects the topic the rounds edit: the first time (or when it is out of view), by a click on the
 * central topic and two arrow keys (a main topic, then its first child, which the camera brings
 * into view); after that by a click on it. Returns its id.
 */
const labels = new Map<string, string>();

async function selectTopic(page: Page, id: string | null, rootLabel = ''): Promise<string> {
  const at = (topic: string | null) =>
    page.evaluate((t) => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      const el = t
        ? document.querySelector(`.react-flow__node[data-id="${t}"] .topic`)
        : document.querySelector('.topic--root');
      const r = el?.getBoundingClientRect();
      if (
        !r ||
        r.top < pane.top ||
        r.bottom > pane.bottom ||
        r.left < pane.left ||
        r.right > pane.right
      )
        return null;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, topic);
  const point = id ? await at(id) : null;
  if (point) {
    await page.mouse.click(point.x, point.y);
    await page.waitForTimeout(200);
    return id!;
  }
  if (id) {
    // Out of view: found by its label, as a person would (the find box reveals and selects it).
    const label = labels.get(id)!;
    // Every word of a label may occur in a longer one: Enter goes on to the next hit until the
    // topic itself is selected.
    await page.keyboard.press('Control+f');
    await page.getByTestId('find-input').fill(label);
    const selected = () =>
      page.evaluate(
        () =>
          document.querySelector('.topic.is-selected')?.closest<HTMLElement>('.react-flow__node')
            ?.dataset.id ?? null,
      );
    for (let hit = 0; hit < 50; hit++) {
      await page.getByTestId('find-input').press('Enter');
      await page.waitForTimeout(150);
      if ((await selected()) === id) break;
    }
    await page.keyboard.press('Escape');
    await page.waitForTimeout(400);
    if ((await selected()) !== id) throw new Error(`the find box did not reach topic ${label}`);
    return id;
  }
  // The central topic, then its first main topic's first child by two arrow keys; tried again
  // if the camera ended zoomed out (the map a picture, the selection drawn on its canvas).
  let selected: { id: string; label: string } | null = null;
  for (let attempt = 0; attempt < 3 && !selected; attempt++) {
    await readableZoom(page);
    let root = await at(null);
    if (!root) {
      // Out of view: the find box brings it (the keys to the map first).
      await page.getByTestId('mindmap-canvas').focus();
      await page.keyboard.press('Control+f');
      await page.getByTestId('find-input').fill(rootLabel);
      await page.getByTestId('find-input').press('Enter');
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
      await readableZoom(page);
      root = await at(null);
    }
    if (!root) continue;
    await page.mouse.click(root.x, root.y);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(800);
    await readableZoom(page);
    selected = await page.evaluate(() => {
      const topic = document.querySelector<HTMLElement>('.topic.is-selected');
      if (!topic) return null;
      return {
        id: topic.closest<HTMLElement>('.react-flow__node')!.dataset.id!,
        label: topic.innerText,
      };
    });
  }
  if (!selected) throw new Error('no topic selected after the arrow keys');
  labels.set(selected.id, selected.label);
  // The keys go to the map again (a zoom button may have had them).
  const spot = await at(selected.id);
  if (spot) {
    await page.mouse.click(spot.x, spot.y);
    await page.waitForTimeout(200);
  }
  return selected.id;
}

/** Zooms in until topics are drawn as topics (at least 50 %), with the selection in view. */
async function readableZoom(page: Page): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const zoom = parseInt(await page.getByTestId('zoom-level').innerText(), 10);
    if (zoom >= 50) break;
    await page.getByTestId('zoom-in').click();
    await page.waitForTimeout(600);
  }
}

/** A 200-topic branch as indented text (what a copy of a branch puts on the clipboard). */
function pasteBranch(): string {
  const lines = ['Nhánh dán'];
  for (let i = 0; i < 19; i++) {
    lines.push(`  Lời khai ${i + 1}`);
    for (let j = 0; j < 9; j++) lines.push(`    Chi tiết ${i + 1}.${j + 1} camera tài khoản`);
  }
  lines.push('  Kết luận');
  return lines.join('\n');
}

export async function benchBigMaps(quick: boolean): Promise<BenchTable[]> {
  const sizes = quick
    ? [600]
    : process.env.BIGMAP_SIZES
      ? process.env.BIGMAP_SIZES.split(',').map(Number)
      : [2000, 6000, 20000];
  const rounds = quick ? 1 : 8;
  const server = await startTestServer();
  const browser = await launchBrowser();
  const rows: string[][] = [];
  const importRows: string[][] = [];
  try {
    const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    const token = await admin.token();
    const context = await newContext(browser);
    await context.addInitScript(STOPWATCH);
    const page = await context.newPage();
    await logIn(page, server.url, ADMIN.username, ADMIN.password);
    const maps: Array<{ name: string; outline: OutlineNode[] | null; file: string }> = sizes.map(
      (size) => {
        const outline = realShapedOutline(size, size);
        return { name: size.toLocaleString('en'), outline, file: freeMindFile(outline) };
      },
    );
    // The fixtures sit beside the main checkout; a worktree elsewhere runs without this map.
    if (!quick && existsSync(USER_GUIDE))
      maps.push({
        name: 'Freeplane user guide',
        outline: null,
        file: readFileSync(USER_GUIDE, 'utf8'),
      });

    for (const map of maps) {
      // Import: a board with its central topic, the file chosen in the map's menu.
      const caseId = (await admin.request('POST', '/api/cases', { title: `Bench ${map.name}` }))
        .body.id as string;
      const writer = connectClient(server.url, caseId, token);
      await synced(writer);
      const boardId = addBoard(writer.doc, { kind: 'mindmap', title: 'Nhập sơ đồ' }, 'bench');
      addTopic(writer.doc, { boardId, parent: null, label: 'Vụ án' }, 'bench');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await page.goto(`${server.url}/cases/${caseId}`);
      await mapDrawn(page);
      await page.getByTestId('export-menu').locator('summary').click();
      const before = await page.evaluate(
        () => (window as unknown as { __long: unknown[] }).__long.length,
      );
      // BIGMAP_PROFILE=dir: a CPU profile of the import too.
      const importProfiler = process.env.BIGMAP_PROFILE
        ? await page.context().newCDPSession(page)
        : null;
      if (importProfiler) {
        await importProfiler.send('Profiler.enable');
        await importProfiler.send('Profiler.setSamplingInterval', { interval: 200 });
        await importProfiler.send('Profiler.start');
      }
      const t0 = performance.now();
      await page.getByTestId('import-input').setInputFiles({
        name: 'map.mm',
        mimeType: 'application/x-freemind',
        buffer: Buffer.from(map.file, 'utf8'),
      });
      await page.getByTestId('export-message').waitFor({ timeout: 120_000 });
      await mapDrawn(page);
      const importMs = performance.now() - t0;
      if (importProfiler) {
        const { profile } = await importProfiler.send('Profiler.stop');
        writeFileSync(
          join(process.env.BIGMAP_PROFILE!, `import-${map.name.replace(/\W+/g, '')}.cpuprofile`),
          JSON.stringify(profile),
        );
        await importProfiler.detach();
      }
      const long = await page.evaluate(
        (n) => (window as unknown as { __long: Array<{ duration: number }> }).__long.slice(n),
        before,
      );
      await eventually(() => listTopics(writer.doc, boardId).length > 1, 60_000, 'the import');
      const imported = listTopics(writer.doc, boardId).length;
      importRows.push([
        `${map.name} (${(imported - 1).toLocaleString('en')} topics)`,
        importMs.toFixed(0),
        Math.max(0, ...long.map((t) => t.duration)).toFixed(0),
      ]);

      // BIGMAP_IMPORT_ONLY=1: the imports alone, without opening and editing.
      if (!map.outline || process.env.BIGMAP_IMPORT_ONLY) {
        writer.destroy();
        continue;
      }
      // Opening and editing: a case holding the map, written through the model.
      const editCase = (await admin.request('POST', '/api/cases', { title: `Edit ${map.name}` }))
        .body.id as string;
      const editor = connectClient(server.url, editCase, token);
      await synced(editor);
      const editBoard = addBoard(editor.doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, 'bench');
      insertOutline(editor.doc, { boardId: editBoard, parent: null, nodes: map.outline }, 'bench');
      const size = count(map.outline);
      await eventually(
        async () => {
          const r = await admin.request('GET', `/api/cases/${editCase}`);
          return r.status === 200;
        },
        10_000,
        'the case',
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const opens: number[] = [];
      for (let i = 0; i < (quick ? 1 : 3); i++) {
        const t1 = performance.now();
        await page.goto(`${server.url}/cases/${editCase}`);
        await mapDrawn(page);
        opens.push(performance.now() - t1);
      }
      const times = new Map<Edit, Timed[]>();
      const topic = await selectTopic(page, null, map.outline[0]!.label).catch(
        async (err: unknown) => {
          await page.screenshot({ path: '/tmp/bigmap-failed.png' });
          throw err;
        },
      );
      if (process.env.BIGMAP_SHOTS)
        await page.screenshot({ path: `${process.env.BIGMAP_SHOTS}/selected-${size}.png` });
      const branch = pasteBranch();
      // BIGMAP_PROFILE=dir: a CPU profile of the edit rounds per size (read it with
      // `npx tsx scripts/profileSummary.ts FILE`; build with `npx vite build --minify false`).
      const profiler = process.env.BIGMAP_PROFILE ? await page.context().newCDPSession(page) : null;
      if (process.env.BIGMAP_TRACE) {
        // One add child traced (style, layout, paint and script by event), for reading in
        // chrome://tracing or with scripts/traceSummary.ts.
        const browser = page.context().browser()!;
        await browser.startTracing(page, {
          path: join(process.env.BIGMAP_TRACE, `add-child-${size}.json`),
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
        });
        await timed(page, 'add child', () => page.keyboard.press('Tab'));
        await page.getByTestId('topic-editor').waitFor({ timeout: 5000 });
        await page.keyboard.press('Enter');
        await browser.stopTracing();
        await page.keyboard.press('Control+z');
        await page.waitForTimeout(300);
        await selectTopic(page, topic);
      }
      if (profiler) {
        await profiler.send('Profiler.enable');
        await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
        await profiler.send('Profiler.start');
      }
      // A round the page did not follow (a key that found no selection after the camera moved)
      // is dropped and the topic selected again; more than half dropped is an error.
      let dropped = 0;
      for (let r = 0; r < rounds; r++)
        await editRound(page, times, branch, topic).catch(async (err: unknown) => {
          if (++dropped > rounds / 2) throw err;
          console.log(`  ${map.name}: round ${r + 1} dropped (${String(err).split('\n')[0]})`);
          if (process.env.BIGMAP_SHOTS)
            await page.screenshot({
              path: `${process.env.BIGMAP_SHOTS}/dropped-${map.name}-${r}.png`,
            });
          await page.keyboard.press('Escape');
          await page.keyboard.press('Escape');
          // Not found now: the next round fails too and is dropped in turn.
          await selectTopic(page, topic).catch(() => undefined);
        });
      if (profiler) {
        const { profile } = await profiler.send('Profiler.stop');
        writeFileSync(
          join(process.env.BIGMAP_PROFILE!, `edits-${size}.cpuprofile`),
          JSON.stringify(profile),
        );
        await profiler.detach();
      }
      for (const [edit, list] of times) {
        const ms = list.map((t) => t.ms);
        rows.push([
          size.toLocaleString('en'),
          edit,
          `${percentile(ms, 50).toFixed(0)} / ${percentile(ms, 95).toFixed(0)}`,
          Math.max(...list.map((t) => t.longest)).toFixed(0),
        ]);
      }
      rows.push([
        size.toLocaleString('en'),
        'open the case (navigation → drawn), median',
        percentile(opens, 50).toFixed(0),
        '',
      ]);
      editor.destroy();
      writer.destroy();
    }
    await context.close();
  } finally {
    await browser.close();
    await server.dispose();
  }
  return [
    {
      id: 'bigmap-edits',
      title: 'Big real-shaped mind maps: structural edits, ms',
      method: `Regular case maps (1 → 8 → 64 → …, labels of 3–8 words; bench/bigmap.ts) written through the model, opened in headless Chromium (software rendering, 2 cores, 1400 × 900) with a topic of the second level selected (a branch of about 1/64 of the map). Each edit is timed in the page from its input event (keydown, paste, pointerup) to the first animation frame after the page changed, plus a task; ${rounds} round(s) of: Tab (add child) and Enter, Enter (add sibling) and Enter, Delete, Ctrl+Z, Ctrl+Shift+Z, Space twice on that topic (fold and unfold its branch), paste of a 200-topic branch, a short drag of a leaf. "Longest task": the longest main-thread task (PerformanceObserver longtask, ≥ 50 ms) that ended after the input.`,
      columns: ['topics', 'edit', 'p50 / p95', 'longest task'],
      rows,
    },
    {
      id: 'bigmap-import',
      title: 'Importing a mind-map file into a board, ms',
      method:
        'The map as a .mm file chosen in the board menu of a board holding one topic, in headless Chromium: from setting the file until the import message shows and the map is drawn; "longest task" as above (the page never freezes longer than that).',
      columns: ['map', 'file → editable board', 'longest task'],
      rows: importRows,
    },
  ];
}
