import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One chunk of vite's manifest (dist/.vite/manifest.json): its file, its CSS, what it imports. */
interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** The budgets of issue 20, gzipped KiB: what the first page and an open mind map may load. */
export const BUDGET = { firstLoad: 120, mindMapCase: 300 } as const;

/** The files a chunk brings, itself and its static imports, transitively (script and styles). */
export function filesOf(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const next of chunk.imports ?? []) filesOf(manifest, next, into);
  return into;
}

/** The modules a route or a board kind loads, by the source file vite names it after. */
const STEPS: Array<{ label: string; source: string; after: string[] }> = [
  { label: 'opening a case (the case page)', source: 'src/app/pages/CasePage.tsx', after: [] },
  {
    label: 'its mind map (the editor)',
    source: 'src/boards/mindmap/MindMapBoard.tsx',
    after: ['src/app/pages/CasePage.tsx'],
  },
];

/** Each board kind's editor, the presenter and hearing pages, and what export loads. */
const LATER: Array<{ label: string; source: string }> = [
  { label: 'scene board', source: 'src/boards/scene/SceneBoard.tsx' },
  { label: 'evidence / relationship board', source: 'src/boards/graph/GraphBoard.tsx' },
  { label: 'timeline board', source: 'src/boards/timeline/TimelineBoard.tsx' },
  { label: 'export menu (PNG, SVG, PDF)', source: 'src/export/ExportMenu.tsx' },
  { label: 'deck panel', source: 'src/present/DeckPanel.tsx' },
  { label: 'history panel', source: 'src/history/HistoryPanel.tsx' },
  { label: 'version view', source: 'src/history/VersionView.tsx' },
  { label: 'presenter window', source: 'src/present/PresenterPage.tsx' },
  { label: 'hearing link page', source: 'src/present/LivePage.tsx' },
];

/**
 * What the page makes a browser download, from vite's manifest: the first load (the log-in page
 * and the case list), a case with its mind map open, and each other board kind, route and export,
 * each counted beyond a case with its mind map. Sizes gzipped, as served.
 */
export function benchBundle(dist = 'dist'): string[] {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const gz = (file: string) => gzipSync(readFileSync(join(dist, file))).length;
  const sum = (files: Iterable<string>) => [...files].reduce((total, f) => total + gz(f), 0);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('vite manifest without an entry');
  const first = filesOf(manifest, entry);
  const over = (bytes: number, budget: number) => (bytes > budget * 1024 ? ' (over budget)' : '');
  const firstBytes = sum(first);
  const rows = [
    `| first load: log-in page and case list (${first.size} files), budget ${BUDGET.firstLoad} KiB | ${kib(firstBytes)}${over(firstBytes, BUDGET.firstLoad)} |`,
  ];
  const loaded = new Set(first);
  for (const step of STEPS) {
    const files = [...filesOf(manifest, step.source)].filter((f) => !loaded.has(f));
    for (const f of files) loaded.add(f);
    rows.push(`| + ${step.label} | +${kib(sum(files))} |`);
  }
  const caseBytes = sum(loaded);
  rows.push(
    `| a case with its mind map open, in all (budget ${BUDGET.mindMapCase} KiB) | ${kib(caseBytes)}${over(caseBytes, BUDGET.mindMapCase)} |`,
  );
  for (const later of LATER) {
    const files = [...filesOf(manifest, later.source)].filter((f) => !loaded.has(f));
    rows.push(`| later: ${later.label} | +${kib(sum(files))} |`);
  }
  const pdf = Object.values(manifest)
    .filter((c) => /(^|\/)pdf(\.worker[^/]*)?-[\w-]+\.m?js$/.test(c.file) && !loaded.has(c.file))
    .reduce((total, c) => total + gz(c.file), 0);
  rows.push(`| later: opening the first PDF (pdf.js and its worker) | +${kib(pdf)} |`);
  return rows;
}
