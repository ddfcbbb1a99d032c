/**
 * Scaled out: one, two and three server processes on one PostgreSQL and one Redis, ten editors of
 * one case spread over the instances in turn. Fan-out latency (an edit until every other editor
 * has it) and throughput (edits from everyone until everyone has all of them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addBoard, listBoards, renameBoard } from '../src/core/index.ts';
import { freePort, startServerProcess, type ServerProcess } from '../tests/helpers/process.ts';
import { ADMIN, ApiClient } from '../tests/helpers/server.ts';
import { DATABASE_URL, dropSchema, freshSchema, REDIS_URL } from '../tests/helpers/stores.ts';
import { connectClient, eventually, synced, type SyncClient } from '../tests/helpers/sync.ts';
import type { BenchTable } from './report.ts';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Resolves at the first update of the client's document after which `check` holds. */
function whenDoc(client: SyncClient, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.doc.off('update', onUpdate);
      reject(new Error('timed out waiting for fan-out'));
    }, timeoutMs);
    const onUpdate = () => {
      if (!check()) return;
      clearTimeout(timer);
      client.doc.off('update', onUpdate);
      resolve();
    };
    client.doc.on('update', onUpdate);
  });
}

async function run(instances: number, quick: boolean): Promise<string[]> {
  const schema = freshSchema();
  const dataDir = mkdtempSync(join(tmpdir(), 'caseboard-bench-scale-'));
  const servers: ServerProcess[] = [];
  const clients: SyncClient[] = [];
  try {
    for (let i = 0; i < instances; i++)
      servers.push(
        await startServerProcess(dataDir, await freePort(), {
          DATABASE_URL,
          DATABASE_SCHEMA: schema,
          REDIS_URL,
        }),
      );
    const admin = await ApiClient.login(servers[0]!.url, ADMIN.username, ADMIN.password);
    const caseId = (await admin.request('POST', '/api/cases', { title: 'Benchmark' })).body.id;
    for (let i = 0; i < 10; i++)
      clients.push(connectClient(servers[i % instances]!.url, caseId, await admin.token()));
    await Promise.all(clients.map((c) => synced(c, 10_000)));
    const [first] = clients as [SyncClient];
    const boardId = addBoard(first.doc, { kind: 'mindmap', title: 'start' }, 'a');
    await eventually(() => clients.every((c) => listBoards(c.doc).length === 1), 10_000);

    // Fan-out: an edit by editor k until all nine others have it.
    const latencies: number[] = [];
    for (let i = 0; i < (quick ? 5 : 100); i++) {
      const from = clients[i % clients.length]!;
      const title = `rename ${i}`;
      // Timed on the documents' own update events, not by polling, so the figure is not rounded
      // up to a polling interval.
      const seen = Promise.all(
        clients
          .filter((c) => c !== from)
          .map((c) => whenDoc(c, () => listBoards(c.doc)[0]?.title === title)),
      );
      const t0 = performance.now();
      renameBoard(from.doc, { id: boardId, title }, 'a');
      await seen;
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);

    // Throughput: every editor adds boards back to back; until every editor has every board.
    const each = quick ? 10 : 100;
    const t1 = performance.now();
    clients.forEach((c, k) => {
      for (let n = 0; n < each; n++) addBoard(c.doc, { kind: 'mindmap', title: `b${k}-${n}` }, 'a');
    });
    const total = 1 + clients.length * each;
    // Polled: a 20 ms step is small beside the time measured, and checking on every update
    // would spend the benchmark's own CPU on reading boards.
    await eventually(
      () => clients.every((c) => listBoards(c.doc).length === total),
      120_000,
      'throughput',
    );
    const seconds = (performance.now() - t1) / 1000;
    const edits = clients.length * each;
    return [
      `| ${instances} instance${instances > 1 ? 's' : ''}: an edit until the 9 other editors have it (${latencies.length} edits) | p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms |`,
      `| ${instances} instance${instances > 1 ? 's' : ''}: ${edits} edits from 10 editors at once, until all have all | ${(seconds * 1000).toFixed(0)} ms (${(edits / seconds).toFixed(0)} edits/s stored and fanned out to 9 each) |`,
    ];
  } finally {
    for (const c of clients) c.destroy();
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    await dropSchema(schema).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchScaleOut(quick: boolean): Promise<BenchTable> {
  const method =
    'Server processes (tsx) on this machine sharing one PostgreSQL 15 and one Redis 7 on loopback (bench/scale.ts); ten y-websocket editors of one case in the benchmark process, spread over the instances in turn (with two instances five and five). Every update is stored in PostgreSQL before it is forwarded and published.';
  if (!DATABASE_URL || !REDIS_URL)
    return {
      id: 'scale-out',
      title: 'Several instances',
      method,
      columns: ['measure', 'result'],
      rows: [['skipped', 'DATABASE_URL and REDIS_URL are not set']],
    };
  const rows: string[] = [];
  for (const n of quick ? [2] : [1, 2, 3]) rows.push(...(await run(n, quick)));
  return {
    id: 'scale-out',
    title: 'Several instances',
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
