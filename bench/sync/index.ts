import type { BenchTable } from '../report.ts';
import type { ServerKind } from './clients.ts';
import {
  idleMemory,
  loadedCaseMemory,
  MAX_LOAD_PROCESSES,
  openLoad,
  startPeer,
  type FanoutResult,
  type PeerServer,
} from './fanout.ts';
import { GUARD_IDLE_MS } from '../../server/sync/DocumentGuard.ts';
import { median, summarize } from './stats.ts';

const PEERS: ServerKind[] = ['ours', 'reference', 'hocuspocus'];
const NAMES: Record<ServerKind, string> = {
  ours: 'CaseBoard',
  'ours-no-fsync': 'CaseBoard, no fsync',
  reference: '@y/websocket-server 0.1.1',
  hocuspocus: 'Hocuspocus 3.4.4',
};

/** glibc's environment setting for a fixed mmap threshold, which scripts/run-server.sh sets. */
const MMAP_THRESHOLD = 'MALLOC_MMAP_THRESHOLD_';

const ms = (s: { median: number; min: number; max: number; runs: number }) =>
  s.runs > 1
    ? `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`
    : s.median.toFixed(1);

async function withPeer<T>(
  kind: ServerKind,
  run: (server: PeerServer) => Promise<T>,
  env: Record<string, string> = {},
  launcher?: boolean,
): Promise<T> {
  const server = await startPeer(kind, env, launcher === undefined ? {} : { launcher });
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

/**
 * `runs` fan-out runs of `seconds` at `rate` on the same warmed-up rooms (new ones for each call):
 * their p50s and p99s.
 */
async function fanoutRuns(
  server: PeerServer,
  [rooms, editors]: [number, number],
  { runs, seconds, rate = 5, warmupSeconds }: FanoutPlan,
): Promise<{ p50: number[]; p99: number[]; results: FanoutResult[] }> {
  const load = await openLoad(server, rooms, editors, { rate, warmupSeconds });
  const results: FanoutResult[] = [];
  try {
    for (let r = 0; r < runs; r++) results.push(await load.run(seconds, rate));
  } finally {
    await load.close();
  }
  return { p50: results.map((r) => r.p50), p99: results.map((r) => r.p99), results };
}

interface FanoutPlan {
  runs: number;
  seconds: number;
  rate?: number;
  warmupSeconds: number;
}

/**
 * The sync servers side by side on the same load: fan-out latency by room size and count, what
 * storing before forwarding costs us, and the rate each sustains.
 */
export async function benchSyncServers(quick: boolean): Promise<BenchTable[]> {
  const configs: Array<[rooms: number, editors: number]> = quick
    ? [[1, 2]]
    : [
        [1, 2],
        [10, 2],
        [100, 2],
        [1, 10],
        [10, 10],
        [100, 10],
        [1, 50],
        [10, 50],
      ];
  const runs = quick ? 1 : 3;
  const seconds = quick ? 1 : 3;
  const warmupSeconds = quick ? 0 : 1;
  const plan = { runs, seconds, warmupSeconds };
  const rows: string[][] = [];
  for (const [rooms, editors] of configs) {
    const row = [`${rooms} × ${editors}`];
    for (const kind of PEERS) {
      const { p50, p99 } = await withPeer(kind, (server) =>
        fanoutRuns(server, [rooms, editors], plan),
      );
      row.push(`${ms(summarize(p50))} / ${ms(summarize(p99))}`);
    }
    rows.push(row);
  }
  const fanoutTable: BenchTable = {
    id: 'sync-fanout',
    title: 'Sync fan-out latency, ms: p50 / p99 (median of runs, spread in brackets)',
    method: `Each server in its own process on loopback; rooms × editors, each editor (the server's own client: y-websocket's WebsocketProvider, or HocuspocusProvider) changing the document 5 times a second, each from its own phase of the period (as independent people would; editors in step arrive as bursts). The editors run in min(${MAX_LOAD_PROCESSES}, rooms) load processes of their own (bench/sync/load.ts, compiled, plain Node), each room wholly inside one of them, so the benchmark process and the server under test carry no client work. Latency is from the change in one client to its arrival in each other client of the room, both read from that load process's monotonic clock (performance.now()): no two clocks are compared. After a ${warmupSeconds} s warm-up on the same connections, ${runs} run(s) of ${seconds} s per cell. CaseBoard authenticates every socket, checks membership and stores each update (SQLite, fsync) before forwarding; the peers keep documents in memory.`,
    columns: ['rooms × editors', ...PEERS.map((k) => NAMES[k])],
    rows,
  };

  const durabilityRows: string[][] = [];
  for (const kind of ['ours', 'ours-no-fsync'] as ServerKind[]) {
    const { p50, p99 } = await withPeer(kind, (server) =>
      fanoutRuns(server, quick ? [1, 2] : [10, 10], plan),
    );
    durabilityRows.push([NAMES[kind], ms(summarize(p50)), ms(summarize(p99))]);
  }
  const durabilityTable: BenchTable = {
    id: 'sync-durability',
    title: `What storing before forwarding costs (${quick ? '1 × 2' : '10 rooms × 10 editors'}), ms`,
    method:
      'The same fan-out run against CaseBoard with SQLite synchronous=FULL (every update fsynced before anyone receives it) and synchronous=OFF.',
    columns: ['server', 'p50', 'p99'],
    rows: durabilityRows,
  };
  // The rate each server sustains: 10 rooms of 10 editors, each editor faster step by step; each
  // step's p99 is the median of its runs.
  const rates = quick ? [5] : [2, 5, 10, 20, 40, 80];
  const [sRooms, sEditors] = quick ? [1, 2] : [10, 10];
  const rateRows: string[][] = [];
  for (const kind of PEERS) {
    const cells: string[] = [];
    let sustained = 0;
    await withPeer(kind, async (server) => {
      const load = await openLoad(server, sRooms, sEditors, { rate: rates[0], warmupSeconds });
      try {
        for (const rate of rates) {
          const results: FanoutResult[] = [];
          for (let r = 0; r < runs; r++) results.push(await load.run(seconds, rate));
          const p99 = median(results.map((r) => r.p99));
          cells.push(p99.toFixed(0));
          const deliveries = median(results.map((r) => r.samples / seconds));
          if (p99 <= 50) sustained = Math.max(sustained, deliveries);
        }
      } finally {
        await load.close();
      }
    });
    rateRows.push([
      NAMES[kind],
      ...rates.map((_, i) => cells[i] ?? '—'),
      sustained ? sustained.toFixed(0) : '< first step',
    ]);
  }
  const rateTable: BenchTable = {
    id: 'sync-sustained',
    title: `Sustained rate: ${sRooms} rooms × ${sEditors} editors, p99 ms as each editor speeds up`,
    method: `The fan-out above (load processes, one clock per room), on the same connections from step to step: after a ${warmupSeconds} s warm-up, each step runs ${runs} time(s) ${seconds} s, and its cell is the median of the runs' p99s. The last column is the number of deliveries per second (one update reaching one other editor; the median of the step's runs) at the fastest step whose p99 stayed at or under 50 ms. CaseBoard authenticates, checks access and stores every update (SQLite, fsync) before forwarding.`,
    columns: ['server', ...rates.map((r) => `${r}/s each`), 'deliveries/s with p99 ≤ 50 ms'],
    rows: rateRows,
  };
  return [fanoutTable, durabilityTable, rateTable];
}

/**
 * The sync servers' memory side by side: idle connections to one case, and loaded cases
 * (`--only=memory` runs these alone).
 */
export async function benchSyncMemory(quick: boolean): Promise<BenchTable[]> {
  const idle = quick ? 20 : 1000;
  const memoryRows: string[][] = [];
  const memoryRuns: Array<[name: string, kind: ServerKind, launcher: boolean]> = [
    [`${NAMES.ours} (as \`npm start\` starts it)`, 'ours', true],
    [NAMES.reference, 'reference', false],
    [NAMES.hocuspocus, 'hocuspocus', false],
    // (Not in the quick run, which only shows that the benchmark runs.)
    ...(quick
      ? []
      : [
          [`${NAMES.ours}, plain \`node\` (glibc's moving threshold)`, 'ours', false] as [
            string,
            ServerKind,
            boolean,
          ],
        ]),
  ];
  for (const [name, kind, launcher] of memoryRuns) {
    const m = await withPeer(kind, (server) => idleMemory(server, idle), {}, launcher);
    memoryRows.push([name, m.perConnectionKiB.toFixed(1), m.totalMiB.toFixed(0)]);
  }
  const memoryTable: BenchTable = {
    id: 'sync-idle-memory',
    title: `Server memory with ${idle} idle connections to one case`,
    method: `RSS of the server process after a GC (\`global.gc()\`, then \`process.memoryUsage().rss\`), before and 1 s after the sockets connect and go silent; sockets connect 50 at a time, each authenticated (CaseBoard: a sync token from a password log-in). Every server runs compiled ahead of time on plain Node; the total includes the runtime, and for CaseBoard Fastify, SQLite and the page server. permessage-deflate is off in every server (ws’s default, kept), so no zlib context per socket. CaseBoard starts as \`npm start\` and the release's start.sh start it, through scripts/run-server.sh, which fixes glibc’s mmap threshold (\`${MMAP_THRESHOLD}=131072\`); the last row starts it with plain \`node\`, where glibc raises the threshold once the 16 MiB of a scrypt password check are freed and every later check’s 16 MiB then stays in a thread’s malloc arena.`,
    columns: ['server', 'KiB per connection', 'process RSS, MiB'],
    rows: memoryRows,
  };

  const cases = quick ? 2 : 20;
  const topics = quick ? 100 : 1000;
  const loadedRows: string[][] = [];
  const restSeconds = quick ? 0.3 : Math.ceil(GUARD_IDLE_MS / 1000) + 5;
  for (const kind of PEERS) {
    const m = await withPeer(kind, (server) =>
      loadedCaseMemory(server, cases, topics, quick ? 300 : 3000, restSeconds * 1000),
    );
    loadedRows.push([
      NAMES[kind],
      m.perCaseKiB.toFixed(0),
      m.restingPerCaseKiB.toFixed(0),
      m.docKiB.toFixed(0),
    ]);
  }
  const loadedTable: BenchTable = {
    id: 'sync-case-memory',
    title: `Server memory per loaded case (${cases} cases, a ${topics.toLocaleString('en')}-topic map each)`,
    method: `RSS growth of the server process (after a GC) while each case is open in one editor that has written a mind map of that many topics through the model; the same documents for every server. Read ${quick ? 0.3 : 3} s after the writing and again ${restSeconds} s after it (RSS: memory V8 frees after a GC may stay with the process). CaseBoard checks every update against the document schema on a scratch copy of the document (server/sync/DocumentGuard.ts), kept while the case is being changed and dropped ${GUARD_IDLE_MS / 1000} s after its last change; it also keeps each room’s update log in SQLite (on disk, not counted here beyond its page cache).`,
    columns: [
      'server',
      `KiB per case, ${quick ? 0.3 : 3} s after the writing`,
      `KiB per case at rest (${restSeconds} s after)`,
      'document (encoded state), KiB',
    ],
    rows: loadedRows,
  };

  return [memoryTable, loadedTable];
}
