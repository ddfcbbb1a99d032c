import { cpus, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';

/** One benchmark's figures, as written to docs/performance.md and bench/results.json. */
export interface BenchTable {
  id: string;
  title: string;
  /** How it was measured, in a sentence or two. */
  method: string;
  columns: string[];
  rows: string[][];
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

function markdown(table: BenchTable): string {
  const head = `| ${table.columns.join(' | ')} |\n|${table.columns.map(() => '---').join('|')}|`;
  return `### ${table.title}\n\n${table.method}\n\n${head}\n${table.rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`;
}

/**
 * Writes docs/performance.md (the tables, then the hand-written reading in bench/reading.md) and
 * bench/results.json.
 */
export function writeReport(tables: BenchTable[], seconds: number): void {
  const date = new Date().toISOString().slice(0, 10);
  const reading = readFileSync('bench/reading.md', 'utf8');
  const doc = `# Performance

Written by \`npm run bench\` on ${date} (${machine()}); the run took ${Math.round(seconds)} s.
Benchmarks compare side by side in one run, so ratios hold on a noisy machine; they never fail CI on a
time. \`npm run bench -- --quick\` runs each once at its smallest size, as part of \`npm test\`.

${tables.map(markdown).join('\n')}
${reading}`;
  writeFileSync('docs/performance.md', doc);
  writeFileSync(
    'bench/results.json',
    JSON.stringify({ date, machine: machine(), seconds, tables }, null, 2) + '\n',
  );
}
