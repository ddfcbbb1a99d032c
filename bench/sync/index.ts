import type { BenchTable } from '../report.ts';
import type { ServerKind } from './clients.ts';
import { fanout, idleMemory, loadedCaseMemory, startPeer, type PeerServer } from './fanout.ts';
import { summarize } from './stats.ts';

const PEERS: ServerKind[] = ['ours', 'reference', 'hocuspocus'];
const NAMES: Record<ServerKind, string> = {
  ours: 'CaseBoard',
  'ours-no-fsync': 'CaseBoard, no fsync',
  reference: '@y/websocket-server 0.1.1',
  hocuspocus: 'Hocuspocus 3.4.4',
};

const ms = (s: { median: number; min: number; max: number; runs: number }) =>
  s.runs > 1
    ? `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`
    : s.median.toFixed(1);

async function withPeer<T>(kind: ServerKind, run: (server: PeerServer) => Promise<T>): Promise<T> {
  const server = await startPeer(kind);
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

/**
 * The sync servers side by side on the same load: fan-out latency by room size and count, idle
 * connection memory, and what storing before forwarding costs us.
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
  const rows: string[][] = [];
  for (const [rooms, editors] of configs) {
    const row = [`${rooms} × ${editors}`];
    for (const kind of PEERS) {
      const p50: number[] = [];
      const p99: number[] = [];
      await withPeer(kind, async (server) => {
        for (let r = 0; r < runs; r++) {
          const result = await fanout(server, rooms, editors, seconds);
          p50.push(result.p50);
          p99.push(result.p99);
        }
      });
      row.push(`${ms(summarize(p50))} / ${ms(summarize(p99))}`);
    }
    rows.push(row);
  }
  const fanoutTable: BenchTable = {
    id: 'sync-fanout',
    title: 'Sync fan-out latency, ms: p50 / p99 (median of runs, spread in brackets)',
    method: `Each server in its own process on loopback; rooms × editors, each editor (the server's own client: y-websocket's WebsocketProvider, or HocuspocusProvider) changing the document 5 times a second for ${seconds} s; latency from the change in one client to its arrival in each other client of the room, all clients in one process (one clock); ${runs} run(s) per cell. CaseBoard authenticates every socket, checks membership and stores each update (SQLite, fsync) before forwarding; the peers keep documents in memory.`,
    columns: ['rooms × editors', ...PEERS.map((k) => NAMES[k])],
    rows,
  };

  const idle = quick ? 20 : 1000;
  const memoryRows: string[][] = [];
  for (const kind of PEERS) {
    const m = await withPeer(kind, (server) => idleMemory(server, idle));
    memoryRows.push([NAMES[kind], m.perConnectionKiB.toFixed(1), m.totalMiB.toFixed(0)]);
  }
  const memoryTable: BenchTable = {
    id: 'sync-idle-memory',
    title: `Server memory with ${idle} idle connections to one case`,
    method:
      'RSS of the server process after a GC, before and after the sockets connect and go silent. Every server runs compiled ahead of time on plain Node (as `npm start` runs CaseBoard); the total includes the runtime, and for CaseBoard Fastify, SQLite and the page server.',
    columns: ['server', 'KiB per connection', 'process RSS, MiB'],
    rows: memoryRows,
  };

  const cases = quick ? 2 : 20;
  const topics = quick ? 100 : 1000;
  const loadedRows: string[][] = [];
  for (const kind of PEERS) {
    const m = await withPeer(kind, (server) =>
      loadedCaseMemory(server, cases, topics, quick ? 300 : 3000),
    );
    loadedRows.push([NAMES[kind], m.perCaseKiB.toFixed(0), m.docKiB.toFixed(0)]);
  }
  const loadedTable: BenchTable = {
    id: 'sync-case-memory',
    title: `Server memory per loaded case (${cases} cases, a ${topics.toLocaleString('en')}-topic map each)`,
    method:
      'RSS growth of the server process (after a GC) while each case is open in one editor that has written a mind map of that many topics through the model; the same documents for every server. CaseBoard also keeps each room’s update log in SQLite (on disk, not counted here beyond its page cache).',
    columns: ['server', 'KiB per loaded case', 'document (encoded state), KiB'],
    rows: loadedRows,
  };

  const durabilityRows: string[][] = [];
  for (const kind of ['ours', 'ours-no-fsync'] as ServerKind[]) {
    const p50: number[] = [];
    const p99: number[] = [];
    await withPeer(kind, async (server) => {
      for (let r = 0; r < runs; r++) {
        const result = await fanout(server, quick ? 1 : 10, quick ? 2 : 10, seconds);
        p50.push(result.p50);
        p99.push(result.p99);
      }
    });
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
  // The rate each server sustains: 10 rooms of 10 editors, each editor faster step by step, until
  // the p99 passes 50 ms.
  const rates = quick ? [5] : [2, 5, 10, 20, 40];
  const [sRooms, sEditors] = quick ? [1, 2] : [10, 10];
  const rateRows: string[][] = [];
  for (const kind of PEERS) {
    const cells: string[] = [];
    let sustained = 0;
    await withPeer(kind, async (server) => {
      // A warm-up at the first rate, so JIT and connection set-up do not count against step one.
      if (!quick) await fanout(server, sRooms, sEditors, 1, rates[0]);
      for (const rate of rates) {
        const result = await fanout(server, sRooms, sEditors, seconds, rate);
        cells.push(`${result.p99.toFixed(0)}`);
        if (result.p99 <= 50) sustained = Math.max(sustained, result.samples / seconds);
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
    method: `After a 1 s warm-up, each step runs ${seconds} s once; the last column is the number of deliveries per second (one update reaching one other editor) at the fastest step whose p99 stayed at or under 50 ms. One run per step: read the trend, not single cells.`,
    columns: ['server', ...rates.map((r) => `${r}/s each`), 'deliveries/s with p99 ≤ 50 ms'],
    rows: rateRows,
  };
  return [fanoutTable, memoryTable, loadedTable, durabilityTable, rateTable];
}
