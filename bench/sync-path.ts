/** CaseBoard's own sync path, measured against a real server with real y-websocket clients. */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { addBoard, insertOutline, listBoards, listTopics, renameBoard } from '../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer } from '../tests/helpers/server.ts';
import { connectClient, eventually, synced } from '../tests/helpers/sync.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** The CaseBoard sync path alone: one edit's trip, a burst, and opening an unloaded case. */
export async function benchSyncPath(quick: boolean): Promise<string[]> {
  const server = await startTestServer();
  const rows: string[] = [];
  try {
    const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    const caseId = (await admin.request('POST', '/api/cases', { title: 'Benchmark' })).body
      .id as string;
    const token = await admin.token();
    const a = connectClient(server.url, caseId, token);
    const b = connectClient(server.url, caseId, token);
    await Promise.all([synced(a), synced(b)]);
    const boardId = addBoard(a.doc, { kind: 'mindmap', title: 'start' }, 'a');
    await eventually(() => listBoards(b.doc).length === 1, 5000);

    // 1. Edit latency: one rename on A until B sees it (stored on disk in between).
    const latencies: number[] = [];
    for (let i = 0; i < (quick ? 20 : 300); i++) {
      const title = `rename ${i}`;
      const seen = new Promise<void>((resolve) => {
        const check = () => {
          if (listBoards(b.doc)[0]?.title === title) {
            b.doc.off('update', check);
            resolve();
          }
        };
        b.doc.on('update', check);
      });
      const t0 = performance.now();
      renameBoard(a.doc, { id: boardId, title }, 'a');
      await seen;
      latencies.push(performance.now() - t0);
    }
    latencies.sort((x, y) => x - y);
    rows.push(
      `| edit → other client (store before forward), ${quick ? 20 : 300} renames | p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms, max ${latencies.at(-1)?.toFixed(2)} ms |`,
    );

    // 2. Throughput: 2000 edits sent back to back until the other client has them all.
    const t1 = performance.now();
    for (let i = 0; i < 2000; i++) renameBoard(a.doc, { id: boardId, title: `burst ${i}` }, 'a');
    await eventually(() => listBoards(b.doc)[0]?.title === 'burst 1999', 60_000);
    const burstMs = performance.now() - t1;
    rows.push(
      `| 2000 edits back to back, until the other client has all | ${burstMs.toFixed(0)} ms (${(2000 / (burstMs / 1000)).toFixed(0)} updates/s) |`,
    );

    // 3. Cold load: a case with a 5,000-topic map, unloaded, then opened by a new client.
    const topics = quick ? 100 : 5000;
    const mapId = addBoard(a.doc, { kind: 'mindmap', title: 'Sơ đồ lớn' }, 'a');
    const nodes = Array.from({ length: topics }, (_, i) => ({
      label: `Chủ đề ${i}`,
      children: [],
    }));
    insertOutline(a.doc, { boardId: mapId, parent: null, nodes }, 'a');
    await eventually(
      () => listBoards(b.doc).length === 2 && listTopics(b.doc, mapId).length === topics,
      60_000,
    );
    a.destroy();
    b.destroy();
    await eventually(() => !server.rooms.isLoaded(caseId), 5000);
    const stored = await server.store.loadDocument(caseId);
    const t2 = performance.now();
    const c = connectClient(server.url, caseId, token, new Y.Doc());
    await synced(c, 30_000);
    const loadMs = performance.now() - t2;
    rows.push(
      `| open an unloaded case with a ${topics.toLocaleString('en')}-topic map (${(stored.bytes / 1024).toFixed(0)} KiB stored), until synced | ${loadMs.toFixed(1)} ms |`,
    );
    c.destroy();
  } finally {
    await server.dispose();
  }
  return rows;
}
