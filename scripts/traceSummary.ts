/**
 * Where a Chromium trace (e.g. from `BIGMAP_TRACE=dir npm run bench`) spent the main thread's
 * time, by event name, top-level events only: script, style, layout, paint, in ms.
 * `npx tsx scripts/traceSummary.ts FILE`
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  ts: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}
const file = process.argv[2];
if (!file) throw new Error('usage: traceSummary.ts FILE');
const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
const events = Array.isArray(raw) ? raw : raw.traceEvents;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const mine = events.filter((e) => main && e.tid === main.tid && e.pid === main.pid && e.ph === 'X');
const totals = new Map<string, number>();
for (const e of mine) totals.set(e.name, (totals.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
