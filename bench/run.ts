/**
 * `npm run bench`: every benchmark, side by side with its peers, written to docs/performance.md and
 * bench/results.json. `npm run bench -- --quick` runs each once at its smallest size and writes
 * nothing: it is part of `npm test`, so a benchmark that cannot run fails the tests.
 */
// First: servers the benchmarks start use SQLite unless one passes PostgreSQL to them itself.
import '../tests/setup-env.ts';
import { performance } from 'node:perf_hooks';
import { benchBrowserLatency } from './browser.ts';
import { benchBundle } from './bundle.ts';
import { benchEditor } from './editor.ts';
import { benchBigMaps } from './bigmap.ts';
import { benchExport } from './export.ts';
import { benchScene } from './scene.ts';
import { benchBoards } from './boards.ts';
import { benchMindMapLayout } from './mindmap-layout.ts';
import { writeReport, type BenchTable } from './report.ts';
import { benchSyncMemory, benchSyncServers } from './sync/index.ts';
import { benchColdOpen } from './cold-open.ts';
import { benchSyncPath } from './sync-path.ts';
import { benchScaleOut } from './scale.ts';
import { benchOcr } from './ocr.ts';

const quick = process.argv.includes('--quick');
// Every y-websocket client in Node adds a process exit listener; hundreds run at once here.
process.setMaxListeners(0);

/** Rows written as "| measure | result |" become a two-column table. */
function table(id: string, title: string, method: string, rows: string[]): BenchTable {
  return {
    id,
    title,
    method,
    columns: ['measure', 'result'],
    rows: rows.map((row) =>
      row
        .replace(/^\|\s*|\s*\|$/g, '')
        .split(/\s+\|\s+/)
        .slice(0, 2),
    ),
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const tables: BenchTable[] = [];
  // `--only editor,bundle` runs some steps (for working on one benchmark); the report is not written.
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',');
  const step = async (name: string, run: () => Promise<BenchTable[]>) => {
    if (only && !only.some((o) => name.includes(o))) return;
    const t0 = performance.now();
    tables.push(...(await run()));
    console.log(`${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await step('sync path', async () => [
    table(
      'sync-path',
      'CaseBoard sync path',
      'A real server on port 0 (SQLite, fsync) and two y-websocket clients in this process.',
      await benchSyncPath(quick),
    ),
  ]);
  await step('sync servers', () => benchSyncServers(quick));
  await step('sync memory', () => benchSyncMemory(quick));
  await step('scale out', async () => [await benchScaleOut(quick)]);
  await step('browser', async () => [
    table(
      'browser-latency',
      'Two browsers on one case',
      'Two headless Chromium pages (bench/browser.ts); from the click on "Create" in one page until the new tab is visible in the other, React rendering included. Presenting: from the key press in the presenting page until the following page (a member, through awareness) or a hearing-link page (no account, through the server\'s event stream) shows the new slide number.',
      await benchBrowserLatency(quick ? 3 : 20),
    ),
  ]);
  await step('cold open', async () => [await benchColdOpen(quick)]);
  await step('editor', () => benchEditor(quick));
  await step('big maps', () => benchBigMaps(quick));
  await step('scene', async () => [await benchScene(quick)]);
  await step('boards', async () => [await benchBoards(quick)]);
  await step('mind-map layout', async () => [
    table(
      'mindmap-layout',
      'Mind-map layout',
      'Random maps from tests/helpers/random-tree.ts (seeded; topics 40–240 × 20–120 px), median of 15 runs after 3 warm-ups; d3-flextree 2.1 lays out the same tree left to right with the same boxes and gaps. Ours includes building the tree from the flat topic list.',
      benchMindMapLayout(quick),
    ),
  ]);
  await step('export', async () => [await benchExport(quick)]);
  await step('ocr', async () => [await benchOcr(quick)]);
  await step('page weight', async () => [
    table(
      'bundle',
      'What the page downloads',
      "The built page (dist/), walked through vite's manifest (dist/.vite/manifest.json): what each route, board kind and tool loads beyond what came before it, script and styles gzipped as served. Budgets from issue 20. Web fonts come on demand per Unicode range and are not counted.",
      benchBundle(),
    ),
  ]);
  const seconds = (performance.now() - started) / 1000;
  if (only) {
    for (const t of tables)
      console.log(
        `\n## ${t.title}\n${t.columns.join(' | ')}\n${t.rows.map((r) => r.join(' | ')).join('\n')}`,
      );
    return;
  }
  if (quick) {
    console.log(
      `${tables.length} benchmark tables ran in ${seconds.toFixed(0)} s (quick: nothing written)`,
    );
    return;
  }
  writeReport(tables, seconds);
  console.log(`docs/performance.md and bench/results.json written (${seconds.toFixed(0)} s)`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
