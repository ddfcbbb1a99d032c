import { fork, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { insertOutline, addBoard } from '../../src/core/index.ts';
import { ADMIN, ApiClient } from '../../tests/helpers/server.ts';
import { connectEditor, type Editor, type ServerKind } from './clients.ts';
import type { LoadAnswer, LoadCommand } from './load.ts';
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

// One folder per checkout: node_modules may be shared by several worktrees, each with its own server.
const CACHE = `node_modules/.cache/caseboard/${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12)}`;
const compiled = new Map<string, Promise<string>>();

/**
 * A bench script compiled ahead of time (as `npm start` compiles the server), so every peer and
 * every load process runs on plain Node without a TypeScript loader in its memory or its CPU time.
 */
function compiledScript(entry: 'serve' | 'load'): Promise<string> {
  let done = compiled.get(entry);
  if (!done) {
    const outfile = `${CACHE}/${entry}.mjs`;
    done = build({
      entryPoints: [`bench/sync/${entry}.ts`],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile,
      logLevel: 'warning',
    }).then(() => outfile);
    compiled.set(entry, done);
  }
  return done;
}

/**
 * Starts a server of `kind` in a process of its own; `env` adds to its environment (a C library
 * setting the process must start with, say).
 */
export async function startPeer(
  kind: ServerKind,
  env: Record<string, string> = {},
  { launcher = kind === 'ours' || kind === 'ours-no-fsync' } = {},
): Promise<PeerServer> {
  const args = ['--expose-gc', await compiledScript('serve'), kind];
  // CaseBoard as `npm start` starts it: Node through scripts/run-server.sh (glibc's settings).
  const child: ChildProcessWithoutNullStreams = launcher
    ? spawn('sh', ['scripts/run-server.sh', ...args], {
        stdio: 'pipe',
        env: { ...process.env, ...env },
      })
    : spawn(process.execPath, args, { stdio: 'pipe', env: { ...process.env, ...env } });
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

/** Load processes a fan-out run uses at most: the clients must not starve the server under test. */
export const MAX_LOAD_PROCESSES = 4;

/** A load process (bench/sync/load.ts) and the way to ask it something. */
interface LoadProcess {
  ask(command: LoadCommand): Promise<LoadAnswer>;
  kill(): void;
}

async function startLoad(): Promise<LoadProcess> {
  const child = fork(await compiledScript('load'), [], { execArgv: [], stdio: 'inherit' });
  const answers: Array<(answer: LoadAnswer) => void> = [];
  const failed = (message: string) => {
    for (const resolve of answers.splice(0)) resolve({ answer: 'error', message });
  };
  child.on('message', (answer: LoadAnswer) => answers.shift()?.(answer));
  child.on('exit', (code) => failed(`load process exited with ${code}`));
  return {
    ask: (command) =>
      new Promise<LoadAnswer>((resolve) => {
        answers.push(resolve);
        child.send(command);
      }).then((answer) => {
        if (answer.answer === 'error') throw new Error(answer.message);
        return answer;
      }),
    kill: () => child.kill(),
  };
}

/** Editors connected to a server from load processes, ready for runs at a rate. */
export interface Load {
  /** Every editor changes the document about `rate` times a second for `seconds`. */
  run(seconds: number, rate: number): Promise<FanoutResult>;
  close(): Promise<void>;
}

/**
 * `rooms` new rooms of `editors` editors each, connected and synced, then warmed up for
 * `warmupSeconds` at `rate`. The editors run in min(MAX_LOAD_PROCESSES, rooms) load processes
 * (bench/sync/load.ts), each room wholly in one of them: every other editor of a room timestamps
 * the receipt of a change on the same monotonic clock the change was stamped with.
 */
export async function openLoad(
  server: PeerServer,
  rooms: number,
  editors: number,
  { warmupSeconds = 1, rate = 5 } = {},
): Promise<Load> {
  const names = await server.rooms(rooms);
  const count = Math.min(MAX_LOAD_PROCESSES, rooms);
  const loads = await Promise.all(Array.from({ length: count }, startLoad));
  try {
    await Promise.all(
      loads.map((load, p) =>
        load.ask({
          cmd: 'open',
          kind: server.kind,
          port: server.port,
          token: server.token,
          rooms: names.filter((_, r) => r % count === p),
          editors,
        }),
      ),
    );
  } catch (err) {
    for (const load of loads) load.kill();
    throw err;
  }
  const run = async (seconds: number, runRate: number): Promise<FanoutResult> => {
    const results = await Promise.all(
      loads.map((load) => load.ask({ cmd: 'run', seconds, rate: runRate })),
    );
    const sorted = results
      .flatMap((r) => (r.answer === 'run' ? r.samples : []))
      .sort((a, b) => a - b);
    const sent = results.reduce((n, r) => n + (r.answer === 'run' ? r.sent : 0), 0);
    return {
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      samples: sorted.length,
      sent,
    };
  };
  // The load processes' JIT and the rooms' first messages do not count.
  if (warmupSeconds > 0) await run(warmupSeconds, rate);
  return {
    run,
    close: async () => {
      await Promise.all(loads.map((load) => load.ask({ cmd: 'close' })));
    },
  };
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
 * `topics` topics (through the model, the same document for every server) and stays connected;
 * read `settleMs` after the writing and again `restMs` after it.
 */
export async function loadedCaseMemory(
  server: PeerServer,
  count: number,
  topics: number,
  settleMs = 3000,
  restMs = settleMs,
): Promise<{ perCaseKiB: number; restingPerCaseKiB: number; docKiB: number }> {
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
  // Then until the cases are at rest (CaseBoard drops its schema check's scratch copy).
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, restMs - settleMs)));
  const resting = await server.rss();
  for (const editor of editors) editor.destroy();
  return {
    perCaseKiB: (after - before) / count / 1024,
    restingPerCaseKiB: (resting - before) / count / 1024,
    docKiB: docBytes / 1024,
  };
}
