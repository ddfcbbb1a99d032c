import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { insertOutline, addBoard } from '../../src/core/index.ts';
import { ADMIN, ApiClient } from '../../tests/helpers/server.ts';
import { connectEditor, type Editor, type ServerKind } from './clients.ts';
import { percentile } from './stats.ts';

/** A server of one kind running in its own process. */
export interface PeerServer {
  kind: ServerKind;
  port: number;
  /** Rooms to use (ours needs real cases) and the token that opens them. */
  rooms(count: number): Promise<string[]>;
  token: string | null;
  rss(): Promise<number>;
  stop(): Promise<void>;
}

let compiled: Promise<string> | null = null;

/**
 * bench/sync/serve.ts compiled ahead of time (as `npm start` compiles the server), so every peer
 * runs on plain Node without a TypeScript loader in its memory.
 */
function compiledServe(): Promise<string> {
  compiled ??= build({
    entryPoints: ['bench/sync/serve.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: SERVE,
    logLevel: 'warning',
  }).then(() => SERVE);
  return compiled;
}
const SERVE = 'node_modules/.cache/caseboard/serve.mjs';

export async function startPeer(kind: ServerKind): Promise<PeerServer> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--expose-gc', await compiledServe(), kind],
    { stdio: 'pipe' },
  );
  const lines = createInterface({ input: child.stdout });
  const next = () =>
    new Promise<Record<string, number>>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`${kind} server exited with ${code}`));
      const onLine = (line: string) => {
        if (!line.startsWith('{')) return;
        lines.off('line', onLine);
        child.off('exit', onExit);
        resolve(JSON.parse(line) as Record<string, number>);
      };
      lines.on('line', onLine);
      child.once('exit', onExit);
    });
  const { port } = (await next()) as { port: number };
  let api: ApiClient | null = null;
  let token: string | null = null;
  if (kind === 'ours' || kind === 'ours-no-fsync') {
    api = await ApiClient.login(`http://127.0.0.1:${port}`, ADMIN.username, ADMIN.password);
    token = await api.token();
  }
  return {
    kind,
    port,
    token,
    rooms: async (count) => {
      if (!api)
        return Array.from(
          { length: count },
          (_, i) => `room-${i}-${Math.random().toString(36).slice(2)}`,
        );
      const ids: string[] = [];
      for (let i = 0; i < count; i++)
        ids.push(
          (await api.request('POST', '/api/cases', { title: `Bench ${i}` })).body.id as string,
        );
      return ids;
    },
    rss: async () => {
      child.stdin.write('rss\n');
      return (await next()).rss!;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

export interface FanoutResult {
  p50: number;
  p99: number;
  samples: number;
  sent: number;
}

/**
 * `rooms` rooms of `editors` editors each; every editor changes the document about `rate` times a
 * second for `seconds`; every other editor of the room timestamps its receipt. Latency is from the
 * change in one client to its arrival in another (all clients in this process: one clock).
 */
export async function fanout(
  server: PeerServer,
  rooms: number,
  editors: number,
  seconds: number,
  rate = 5,
): Promise<FanoutResult> {
  const names = await server.rooms(rooms);
  const all: Editor[] = [];
  const samples: number[] = [];
  for (const room of names) {
    for (let e = 0; e < editors; e++) {
      const editor = connectEditor(server.kind, server.port, room, server.token);
      const key = `e${e}`;
      editor.doc.getMap<{ t: number }>('bench').observe((event, transaction) => {
        if (transaction.local) return;
        const now = performance.timeOrigin + performance.now();
        for (const changed of event.keysChanged) {
          if (changed === key) continue;
          const value = event.target.get(changed);
          if (value) samples.push(now - value.t);
        }
      });
      all.push(editor);
    }
  }
  await Promise.all(all.map((e) => e.synced));
  samples.length = 0;
  let sent = 0;
  const timers = all.map((editor, i) =>
    setInterval(
      () => {
        editor.doc
          .getMap<{ t: number }>('bench')
          .set(`e${i % editors}`, { t: performance.timeOrigin + performance.now() });
        sent++;
      },
      1000 / rate + ((i * 7) % 11),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  for (const timer of timers) clearInterval(timer);
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const editor of all) editor.destroy();
  const sorted = samples.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), samples: sorted.length, sent };
}

/** Server memory per idle connection: RSS growth for `count` sockets that connect and stay silent. */
export async function idleMemory(
  server: PeerServer,
  count: number,
): Promise<{ perConnectionKiB: number; totalMiB: number }> {
  const [room] = await server.rooms(1);
  const before = await server.rss();
  const sockets: WebSocket[] = [];
  const url =
    server.kind === 'hocuspocus'
      ? `ws://127.0.0.1:${server.port}`
      : server.kind === 'reference'
        ? `ws://127.0.0.1:${server.port}/${room}`
        : `ws://127.0.0.1:${server.port}/yjs/${room}?token=${server.token}`;
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, () => {
        const ws = new WebSocket(url);
        sockets.push(ws);
        return new Promise<void>((resolve, reject) => {
          ws.once('open', () => resolve());
          ws.once('error', reject);
        });
      }),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = await server.rss();
  for (const ws of sockets) ws.terminate();
  return { perConnectionKiB: (after - before) / count / 1024, totalMiB: after / 1024 / 1024 };
}

/**
 * Server memory per loaded case: `count` rooms, each opened by one editor that writes a mind map of
 * `topics` topics (through the model, the same document for every server) and stays connected.
 */
export async function loadedCaseMemory(
  server: PeerServer,
  count: number,
  topics: number,
  settleMs = 3000,
): Promise<{ perCaseKiB: number; docKiB: number }> {
  const names = await server.rooms(count);
  const before = await server.rss();
  const editors: Editor[] = [];
  let docBytes = 0;
  for (const room of names) {
    const editor = connectEditor(server.kind, server.port, room, server.token);
    await editor.synced;
    const boardId = addBoard(editor.doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, 'bench');
    insertOutline(
      editor.doc,
      {
        boardId,
        parent: null,
        nodes: Array.from({ length: topics }, (_, i) => ({
          label: `Lời khai số ${i} của người làm chứng`,
          children: [],
        })),
      },
      'bench',
    );
    docBytes = Y.encodeStateAsUpdate(editor.doc).byteLength;
    editors.push(editor);
  }
  // Until every server has received and applied the maps.
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const after = await server.rss();
  for (const editor of editors) editor.destroy();
  return { perCaseKiB: (after - before) / count / 1024, docKiB: docBytes / 1024 };
}
