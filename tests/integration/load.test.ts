/**
 * Load: 500 sync connections over 50 cases, each editing every one to three seconds, against the
 * real server in its own process, for 60 s (`STRESS=1`: 30 minutes). No error, no connection
 * dropped, every case converged and stored, every room unloaded once everyone has left, and after
 * warm-up the server's memory grows by no more than the documents themselves: a Yjs document keeps
 * a structure per edit in memory, so under edits that never stop, a server without leaks still
 * grows by that much, and no more.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/sqlite.ts';
import { freePort, startServerProcess, type ServerProcess } from '../helpers/process.ts';
import { ADMIN, ApiClient } from '../helpers/server.ts';
import { connectClient, eventually, type SyncClient } from '../helpers/sync.ts';
import { random } from '../helpers/random.ts';

const STRESS = process.env.STRESS === '1';
const DURATION_MS = STRESS ? 30 * 60_000 : Number(process.env.LOAD_MS ?? 60_000);
const CASES = 50;
const PER_CASE = 10;

let proc: ServerProcess | null = null;
const dataDir = mkdtempSync(join(tmpdir(), 'caseboard-load-'));
afterAll(async () => {
  proc?.child.kill('SIGKILL');
  await proc?.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

const MiB = 1024 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * What one edit of this workload costs a server-side document in memory (bytes of heap), measured
 * here: ten clients' edits of one case applied to one document, as the server's room does.
 */
function memoryPerEdit(): number {
  const server = new Y.Doc();
  const team = Array.from({ length: PER_CASE }, () => new Y.Doc());
  for (const d of team) d.on('update', (u: Uint8Array) => Y.applyUpdate(server, u));
  const edit = (round: number) =>
    team.forEach((d, i) =>
      d.transact(() => {
        d.getMap('load').set(`c${i}`, round);
        if (i % 2 === 0) d.getArray('log').push([`${i}:${round}`]);
      }),
    );
  for (let n = 0; n < 200; n++) edit(n);
  for (const d of team) d.destroy();
  gc();
  const before = process.memoryUsage().heapUsed;
  const rounds = 2000;
  const more = Array.from({ length: PER_CASE }, () => new Y.Doc());
  for (const d of more) d.on('update', (u: Uint8Array) => Y.applyUpdate(server, u));
  team.splice(0, team.length, ...more);
  for (let n = 0; n < rounds; n++) edit(n);
  for (const d of more) d.destroy();
  gc();
  const perEdit = (process.memoryUsage().heapUsed - before) / (rounds * PER_CASE);
  server.destroy();
  return perEdit;
}
/** A map's entries in key order (the order of a Y.Map's keys depends on arrival order). */
const entries = (doc: Y.Doc) => JSON.stringify([...doc.getMap('load').entries()].sort());

it(
  `serves ${CASES * PER_CASE} connections over ${CASES} cases editing for ${DURATION_MS / 1000} s: nothing dropped, memory bounded by the documents, rooms unloaded after`,
  async () => {
    const port = await freePort();
    proc = await startServerProcess(dataDir, port, { ROOM_GRACE_MS: '1000' });
    const admin = await ApiClient.login(proc.url, ADMIN.username, ADMIN.password);
    const stats = async () => (await admin.request('GET', '/api/admin/stats')).body;

    const caseIds: string[] = [];
    for (let c = 0; c < CASES; c++)
      caseIds.push(
        (await admin.request('POST', '/api/cases', { title: `Vụ án số ${c + 1}` })).body.id,
      );
    const tokens = await Promise.all(Array.from({ length: 10 }, () => admin.token()));
    const clients: SyncClient[] = [];
    for (let c = 0; c < CASES; c++)
      for (let k = 0; k < PER_CASE; k++)
        clients.push(connectClient(proc.url, caseIds[c]!, tokens[(c + k) % tokens.length]!));
    await eventually(
      () => clients.every((client) => client.provider.synced),
      60_000,
      'all connections to sync',
    );
    expect((await stats()).connections).toBe(CASES * PER_CASE);

    // Every client edits its own key of its case every 1–3 s; half also add a topic-like entry.
    let edits = 0;
    const rng = random(20261203);
    const timers = clients.map((client, i) => {
      let n = 0;
      const edit = () => {
        client.doc.transact(() => {
          client.doc.getMap('load').set(`c${i}`, ++n);
          if (i % 2 === 0) client.doc.getArray('log').push([`${i}:${n}`]);
        });
        edits++;
        timer = setTimeout(edit, 1000 + rng.next() * 2000);
      };
      let timer = setTimeout(edit, rng.next() * 2000);
      return () => clearTimeout(timer);
    });

    const rss: Array<{ at: number; rss: number; edits: number }> = [];
    const start = Date.now();
    while (Date.now() - start < DURATION_MS) {
      await new Promise((resolve) => setTimeout(resolve, STRESS ? 30_000 : 5000));
      const now = await stats();
      rss.push({ at: Date.now() - start, rss: now.memory.rss, edits });

      expect(now.connections, 'no connection dropped').toBe(CASES * PER_CASE);
    }
    for (const stop of timers) stop();

    // Nothing dropped or refused, on either side.
    expect(clients.flatMap((c) => c.closes)).toEqual([]);
    expect(clients.every((c) => c.provider.wsconnected)).toBe(true);

    // Every case converged: its ten clients hold the same entries.
    for (let c = 0; c < CASES; c++) {
      const team = clients.slice(c * PER_CASE, (c + 1) * PER_CASE);
      await eventually(
        () => {
          const first = entries(team[0]!.doc);
          return team.every(
            (t) =>
              entries(t.doc) === first &&
              t.doc.getArray('log').length === team[0]!.doc.getArray('log').length,
          );
        },
        10_000,
        `case ${c + 1} to converge`,
      );
    }

    // Memory: after the first third (warm-up), the growth from the highest reading of the second
    // third to the highest of the last stays within twice what the documents themselves take for
    // the edits made in between (measured above for this workload), plus 20 MiB of noise.
    const third = DURATION_MS / 3;
    const middleReadings = rss.filter((r) => r.at > third && r.at <= 2 * third);
    const middle = middleReadings.reduce((a, b) => (b.rss > a.rss ? b : a));
    const last = Math.max(...rss.filter((r) => r.at > 2 * third).map((r) => r.rss));
    const perEdit = memoryPerEdit();
    const documents = (edits - middle.edits) * perEdit;
    console.log(
      `load: ${CASES * PER_CASE} connections, ${edits} edits in ${DURATION_MS / 1000} s (${Math.round(edits / (DURATION_MS / 1000))}/s); server RSS ${rss.map((r) => Math.round(r.rss / MiB)).join(' → ')} MiB; growth after the middle ${((last - middle.rss) / MiB).toFixed(1)} MiB for ${edits - middle.edits} edits, which the documents need ${(documents / MiB).toFixed(1)} MiB for (${perEdit.toFixed(0)} B per edit)`,
    );
    expect(last - middle.rss).toBeLessThan(2 * documents + 20 * MiB);

    // Everyone leaves: every room is stored and unloaded.
    for (const client of clients) client.destroy();
    await eventually(
      async () => {
        const now = await stats();
        return now.connections === 0 && now.rooms === 0;
      },
      20_000,
      'every room to unload',
    );
    proc.child.kill('SIGTERM');
    await proc.exited;
    proc = null;

    // And what is stored is what the clients had.
    const store = new SqliteStore(dataDir);
    try {
      const doc = new Y.Doc();
      for (const update of (await store.loadDocument(caseIds[0]!)).updates)
        Y.applyUpdate(doc, update);
      expect(doc.getMap('load').size).toBe(PER_CASE);
    } finally {
      await store.close();
    }
  },
  DURATION_MS + 180_000,
);
