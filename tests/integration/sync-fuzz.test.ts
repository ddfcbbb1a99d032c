/**
 * The sync endpoint under hostile input, on a real server: random bytes, truncated messages, huge
 * declared lengths, unknown message types, updates made for other documents, forged presence and a
 * flood of presence. Each may close or throttle only its own socket; another case's editors keep
 * their latency; the case is unchanged; the server's memory comes back.
 *
 * Quick form: 400 hostile sockets; `STRESS=1`: 4,000.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { addBoard, listBoards, renameBoard } from '../../src/core/index.ts';
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from '../../server/sync/protocol.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import {
  connectClient,
  eventually,
  percentile,
  rawSocket,
  synced,
  watchNeighbourCase,
  type SyncClient,
} from '../helpers/sync.ts';
import { random as seeded } from '../helpers/random.ts';

const STRESS = process.env.STRESS === '1';
const SOCKETS = STRESS ? 4000 : 400;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let server: TestServer;
let caseA: string;
let tokenA: string;
const clients: SyncClient[] = [];

const random = seeded(7).int;
const bytes = (n: number) => Uint8Array.from({ length: n }, () => random(256));
const varuint = (n: number) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, n);
  return encoding.toUint8Array(e);
};
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** A real update of another document that builds on a change this case never saw. */
function otherDocumentUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('boards').set('x', 'first');
  const before = Y.encodeStateVector(doc);
  doc.getArray('list').insert(0, ['Lời khai nhân chứng'.repeat(20)]);
  doc.getMap('boards').delete('x');
  return Y.encodeStateAsUpdate(doc, before);
}

function presence(clientId: number, clock: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new Awareness(doc);
  for (let i = 0; i < clock; i++) awareness.setLocalState({ user: { name: 'x' }, i });
  const update = encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  return encodeAwareness(update);
}

/** Every kind of bad message, each a function of the random source. */
const HOSTILE: Record<string, () => Uint8Array> = {
  'random bytes': () => bytes(1 + random(300)),
  truncated: () => {
    const whole = encodeUpdate(Y.encodeStateAsUpdate(seedDoc()));
    return whole.slice(0, 1 + random(whole.length - 1));
  },
  'huge declared length': () =>
    concat(Uint8Array.of(0, 2), varuint(2 ** 31 + random(1000)), bytes(8)),
  'unknown message type': () => concat(varuint(4 + random(1000)), bytes(random(50))),
  'unknown sync type': () => concat(Uint8Array.of(0), varuint(3 + random(100)), bytes(10)),
  'garbage state vector': () => concat(Uint8Array.of(0, 0), varuint(20), bytes(20)),
  'garbage update': () => concat(Uint8Array.of(0, 2), varuint(40), bytes(40)),
  'garbage presence': () => concat(Uint8Array.of(1), varuint(30), bytes(30)),
  'update for another document': () => encodeUpdate(otherDocumentUpdate()),
  'trailing bytes': () => concat(encodeSyncStep1(new Uint8Array([0])), bytes(5)),
};

function seedDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Hồ sơ giả');
  return doc;
}

/** Opens a raw socket, sends one message, and says how it ended (a close code, or 'open'). */
async function attack(message: Uint8Array): Promise<number | 'open'> {
  const ws = rawSocket(server.url, caseA, tokenA);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  // The later marker: a sync step 1 sent after the message. The server handles a socket's messages
  // in order, so its step 2 reply comes only once the message was taken; a refusal closes first.
  const answered = new Promise<'open'>((resolve) =>
    ws.on('message', (data: Buffer) => data[0] === 0 && data[1] === 1 && resolve('open')),
  );
  ws.send(message);
  ws.send(Uint8Array.of(0, 0, 1, 0)); // sync, step 1, the empty state vector
  const outcome = await Promise.race([
    closed,
    answered,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('neither closed nor answered')), 10_000).unref(),
    ),
  ]);
  if (outcome === 'open') {
    ws.close();
    await closed;
  }
  return outcome;
}

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  caseA = (await admin.request('POST', '/api/cases', { title: 'Vụ án bị tấn công' })).body.id;
  tokenA = await admin.token();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.dispose();
});

describe('sync endpoint under a fuzzer', () => {
  it(`closes only the sender of each of ${SOCKETS} hostile messages; the case, its neighbours and memory hold`, async () => {
    const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    const watcher = connectClient(server.url, caseA, await admin.token());
    clients.push(watcher);
    await synced(watcher);
    const other = await watchNeighbourCase(server.url, admin, clients);
    const stateBefore = Y.encodeStateVector(await storedDoc());
    gc();
    const heapBefore = process.memoryUsage().heapUsed;

    // A second of the neighbours' latency before the attack, to compare with.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const baseline = other.latencies.splice(0);
    const outcomes: Record<string, Record<string, number>> = {};
    const kinds = Object.keys(HOSTILE);
    for (let i = 0; i < SOCKETS; i++) {
      const kind = kinds[i % kinds.length]!;
      const outcome = String(await attack(HOSTILE[kind]!()));
      (outcomes[kind] ??= {})[outcome] = (outcomes[kind]![outcome] ?? 0) + 1;
    }
    const lost = await other.stop();

    // Malformed messages close their socket as malformed (4400) or too large (1009), every time.
    for (const kind of [
      'truncated',
      'huge declared length',
      'unknown message type',
      'unknown sync type',
      'garbage update',
      'trailing bytes',
    ])
      expect(
        Object.keys(outcomes[kind]!).every((o) => o === '4400' || o === '1009'),
        `${kind}: ${JSON.stringify(outcomes[kind])}`,
      ).toBe(true);
    // Random bytes (and random presence or state vectors) are now and then a harmless valid
    // message, such as a query or an empty presence update; never anything worse.
    for (const kind of ['garbage state vector', 'garbage presence'])
      expect(Object.keys(outcomes[kind]!).every((o) => ['4400', 'open'].includes(o))).toBe(true);
    expect(
      Object.keys(outcomes['random bytes']!).every((o) => ['4400', '1009', 'open'].includes(o)),
    ).toBe(true);
    // Updates for another document wait (bounded) and are refused once past the bound.
    expect(
      Object.keys(outcomes['update for another document']!).every((o) =>
        ['4400', 'open'].includes(o),
      ),
    ).toBe(true);

    // The watcher of the attacked case was never disconnected, and nothing was stored.
    expect(watcher.closes).toEqual([]);
    expect(watcher.provider.wsconnected).toBe(true);
    expect(Y.encodeStateVector(await storedDoc())).toEqual(stateBefore);
    expect(watcher.doc.getArray('list').length).toBe(0);

    // The other case kept working throughout.
    expect(lost).toBe(0);
    expect(other.latencies.length).toBeGreaterThan(10);
    expect(percentile(other.latencies, 95)).toBeLessThan(1000);
    console.log(
      `sync fuzz: ${SOCKETS} hostile sockets; neighbour latency before p50 ${percentile(baseline, 50).toFixed(1)} ms, p95 ${percentile(baseline, 95).toFixed(1)} ms; during p50 ${percentile(other.latencies, 50).toFixed(1)} ms, p95 ${percentile(other.latencies, 95).toFixed(1)} ms`,
    );

    // Only the well-behaved sockets are left, and memory came back.
    await eventually(() => server.rooms.stats().connections === 3, 3000, 'hostile sockets gone');
    gc();
    const growth = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    console.log(`sync fuzz: heap growth after the fuzz ${growth.toFixed(1)} MiB`);
    expect(growth).toBeLessThan(40);
  }, 300_000);

  it('closes a socket that floods presence (4429) or speaks for someone else (4400); the others see neither', async () => {
    const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    const watcher = connectClient(server.url, caseA, await admin.token());
    clients.push(watcher);
    await synced(watcher);
    watcher.provider.awareness.setLocalStateField('user', { name: 'Kiểm sát viên' });
    let seen = 0;
    watcher.provider.awareness.on('update', () => seen++);
    const other = await watchNeighbourCase(server.url, admin, clients);

    // Someone else's presence: refused before it touches the watcher's state.
    const spoof = rawSocket(server.url, caseA, tokenA);
    await new Promise((resolve) => spoof.once('open', resolve));
    const spoofClosed = new Promise<number>((resolve) => spoof.once('close', (c) => resolve(c)));
    spoof.send(presence(watcher.doc.clientID, 50));
    expect(await spoofClosed).toBe(4400);

    // A flood: 5,000 presence messages as fast as the socket takes them.
    const flooder: WebSocket = rawSocket(server.url, caseA, tokenA);
    await new Promise((resolve) => flooder.once('open', resolve));
    const floodClosed = new Promise<number>((resolve) => flooder.once('close', (c) => resolve(c)));
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    for (let i = 0; i < 5000 && flooder.readyState === flooder.OPEN; i++) {
      awareness.setLocalState({ user: { name: 'lũ' }, i });
      flooder.send(encodeAwareness(encodeAwarenessUpdate(awareness, [doc.clientID])));
    }
    awareness.destroy();
    expect(await floodClosed).toBe(4429);
    const lost = await other.stop();

    await eventually(
      () => !watcher.provider.awareness.getStates().has(doc.clientID),
      3000,
      'flooder presence removed',
    );
    expect(watcher.provider.awareness.getLocalState()).toMatchObject({
      user: { name: 'Kiểm sát viên' },
    });
    // The watcher saw at most the burst the budget lets through, not the flood.
    expect(seen).toBeLessThan(1000);
    expect(watcher.closes).toEqual([]);
    expect(lost).toBe(0);
    expect(percentile(other.latencies, 95)).toBeLessThan(1000);
  }, 120_000);

  it('slows, but never closes, an editor who sends 2,000 edits at once; the other editor gets them all', async () => {
    const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    const token = await admin.token();
    const caseId = (await admin.request('POST', '/api/cases', { title: 'Dán một lần' })).body.id;
    const sender = connectClient(server.url, caseId, token);
    const receiver = connectClient(server.url, caseId, token);
    clients.push(sender, receiver);
    await Promise.all([synced(sender), synced(receiver)]);
    const boardId = addBoard(sender.doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'a');
    // Each rename is its own transaction, so its own message: four times the burst the budget allows.
    for (let i = 0; i < 2000; i++) renameBoard(sender.doc, { id: boardId, title: `Tên ${i}` }, 'a');
    await eventually(
      () => listBoards(receiver.doc)[0]?.title === 'Tên 1999',
      60_000,
      'every edit arrived',
    );
    expect(sender.closes).toEqual([]);
    expect(receiver.closes).toEqual([]);
    const stored = await server.store.loadDocument(caseId);
    const doc = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    expect(listBoards(doc)[0]?.title).toBe('Tên 1999');
  }, 120_000);
});

async function storedDoc(): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await server.store.loadDocument(caseA)).updates) Y.applyUpdate(doc, update);
  return doc;
}
