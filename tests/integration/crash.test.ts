/**
 * Crashes: the real server in its own process, SIGKILLed at random moments while ten clients edit,
 * and a store SIGKILLed while it compacts. Nothing any client had received from the server may be
 * missing from storage, and every client must reconnect by itself and converge.
 *
 * Quick form: 3 kills; `STRESS=1` (npm run test:stress): 20 kills and 20 compaction kills.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/sqlite.ts';
import { freePort, startServerProcess, type ServerProcess } from '../helpers/process.ts';
import { ADMIN, ApiClient } from '../helpers/server.ts';
import { connectClient, eventually, type SyncClient } from '../helpers/sync.ts';
import { random as seeded } from '../helpers/random.ts';

const STRESS = process.env.STRESS === '1';
const KILLS = STRESS ? 20 : 3;
const CLIENTS = 10;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-crash-'));
  dirs.push(dir);
  return dir;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The keys of the test's map, as a document read back from storage holds them. */
async function storedKeys(dataDir: string, caseId: string): Promise<Set<string>> {
  const store = new SqliteStore(dataDir);
  try {
    const doc = new Y.Doc();
    for (const update of (await store.loadDocument(caseId)).updates) Y.applyUpdate(doc, update);
    return new Set(doc.getMap('edits').keys());
  } finally {
    await store.close();
  }
}

const author = (key: string) => Number(key.split(':')[0]);

describe('crash', () => {
  it(
    `keeps everything any client received through ${KILLS} SIGKILLs of the server, and every client reconnects and converges`,
    async () => {
      const dataDir = tempDir();
      const port = await freePort();
      const env = { COMPACT_AFTER_UPDATES: '20' };
      let proc: ServerProcess = await startServerProcess(dataDir, port, env);
      const admin = await ApiClient.login(proc.url, ADMIN.username, ADMIN.password);
      const caseId = (await admin.request('POST', '/api/cases', { title: 'Vụ án bị ngắt' })).body
        .id as string;
      const clients: SyncClient[] = [];
      for (let i = 0; i < CLIENTS; i++)
        clients.push(connectClient(proc.url, caseId, await admin.token()));
      const online = () => clients.every((c) => c.provider.wsconnected && c.provider.synced);
      await eventually(online, 10_000, 'all clients to connect');

      const random = seeded(20261125).int; // the kill moments are the same on every run
      const written = clients.map(() => 0);
      // Each client writes its own keys, online or not, every few milliseconds.
      const editing = setInterval(() => {
        const i = random(CLIENTS);
        clients[i]!.doc.getMap('edits').set(`${i}:${written[i]!++}`, Date.now());
      }, 4);

      try {
        for (let kill = 0; kill < KILLS; kill++) {
          await sleep(300 + random(1200));
          proc.child.kill('SIGKILL');
          await proc.exited;
          await eventually(
            () => clients.every((c) => !c.provider.wsconnected),
            5000,
            'every client to notice the server is gone',
          );
          // Everything a client holds from another client came through the server, so it must be
          // in storage, as the next start will read it.
          const received = new Set<string>();
          clients.forEach((c, i) => {
            for (const key of c.doc.getMap('edits').keys())
              if (author(key) !== i) received.add(key);
          });
          const stored = await storedKeys(dataDir, caseId);
          const lost = [...received].filter((key) => !stored.has(key));
          expect(lost, `kill ${kill + 1}: received by others but not stored`).toEqual([]);
          expect(received.size).toBeGreaterThan(0);

          // Offline for a moment, then the server is back on the same port.
          await sleep(random(500));
          proc = await startServerProcess(dataDir, port, env);
          await eventually(online, 15_000, `every client to reconnect after kill ${kill + 1}`);
        }
      } finally {
        clearInterval(editing);
      }

      // Every key any client wrote reaches every client: nothing typed during the outages is lost.
      const everything = clients.flatMap((_, i) =>
        Array.from({ length: written[i]! }, (_, n) => `${i}:${n}`),
      );
      await eventually(
        () => clients.every((c) => c.doc.getMap('edits').size === everything.length),
        15_000,
        'all clients to converge',
      );
      const first = JSON.stringify([...clients[0]!.doc.getMap('edits').keys()].sort());
      for (const c of clients)
        expect(JSON.stringify([...c.doc.getMap('edits').keys()].sort())).toBe(first);
      await eventually(
        async () => (await storedKeys(dataDir, caseId)).size === everything.length,
        10_000,
        'everything to be stored',
      );
      for (const c of clients) c.destroy();
      proc.child.kill('SIGTERM');
      await proc.exited;
    },
    STRESS ? 600_000 : 120_000,
  );

  it(
    'keeps a SQLite file whole and every acknowledged update when the process is killed while compacting',
    async () => {
      const dataDir = tempDir();
      const random = seeded(42).int; // the kill moments are the same on every run
      const rounds = STRESS ? 20 : 4;
      for (let round = 0; round < rounds; round++) {
        // A child that appends updates and compacts them, over and over, printing each append it
        // was told is durable. It is killed at a random moment, often in a compaction.
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', 'tests/helpers/compact-child.ts', dataDir, String(round)],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        await eventually(() => out.includes('compacted'), 20_000, `round ${round} to compact`);
        await sleep(random(400));
        child.kill('SIGKILL');
        await exited;
        const acknowledged = out
          .split('\n')
          .filter((line) => line.startsWith('stored '))
          .map((line) => line.slice('stored '.length));
        expect(acknowledged.length).toBeGreaterThan(0);

        const db = new Database(join(dataDir, 'caseboard.db'));
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.close();
        const store = new SqliteStore(dataDir);
        const doc = new Y.Doc();
        for (const update of (await store.loadDocument('crash-case')).updates)
          Y.applyUpdate(doc, update);
        await store.close();
        const keys = new Set(doc.getMap('edits').keys());
        const lost = acknowledged.filter((key) => !keys.has(key));
        expect(lost, `round ${round}: acknowledged but lost`).toEqual([]);
      }
    },
    STRESS ? 600_000 : 120_000,
  );
});
