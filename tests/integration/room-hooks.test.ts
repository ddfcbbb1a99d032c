/**
 * The room's hooks (server/sync/hooks/): when each is called, with what, and that a failing hook
 * fails neither the change nor the other hooks. A real store; sockets are stand-ins that record
 * what the room sends them.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import type { Connection } from '../../server/sync/connection.ts';
import { fanoutHook } from '../../server/sync/hooks/fanout.ts';
import type { RoomHook } from '../../server/sync/hooks/types.ts';
import { versionsHook } from '../../server/sync/hooks/versions.ts';
import { encodeUpdate, MessageType, SyncType } from '../../server/sync/protocol.ts';
import { Room, type RoomEvents } from '../../server/sync/Room.ts';
import type { Fanout } from '../../server/sync/fanout.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const warnings: string[] = [];
const events: RoomEvents = {
  onEmpty: () => undefined,
  onFailed: () => undefined,
  onWarning: (message) => warnings.push(message),
};

async function openRoom(hooks: RoomHook[]): Promise<{ room: Room; store: SqliteStore }> {
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-hooks-'));
  const store = new SqliteStore(dir);
  await store.createCase(
    {
      id: 'c1',
      title: 'Vụ án',
      caseNumber: '',
      offences: [],
      classification: 'none',
      archived: false,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    },
    await userId(store),
    Y.encodeStateAsUpdate(new Y.Doc()),
  );
  const limits = { maxDocumentBytes: 1 << 20, compactAfterUpdates: 1000 };
  const room = await Room.load('c1', store, limits, events, hooks);
  cleanups.push(async () => {
    room.destroy();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { room, store };
}

async function userId(store: SqliteStore): Promise<string> {
  await store.createUser({
    id: 'u1',
    username: 'lan',
    displayName: 'Lan',
    passwordHash: 'h',
    admin: false,
  });
  return 'u1';
}

/** A socket stand-in: records the messages the room sends it. */
function socket(username: string): { conn: Connection; sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  const ws = Object.assign(new EventEmitter(), {
    OPEN: 1,
    readyState: 1,
    send: (message: Uint8Array) => sent.push(message),
    close: () => undefined,
    terminate: () => undefined,
  });
  const conn: Connection = {
    ws: ws as unknown as WebSocket,
    user: { id: username, username, displayName: username, admin: false },
    role: 'editor',
    credential: 'x',
    budget: 100,
    awarenessIds: new Set(),
  };
  return { conn, sent };
}

/** The sync message carrying `update`, as a page sends it. */
const updateMessage = (update: Uint8Array) => {
  const message = encodeUpdate(update);
  expect([message[0], message[1]]).toEqual([MessageType.sync, SyncType.update]);
  return message;
};

/** An update that sets `key` to `value` in the map `meta` of a document like `base`. */
function edit(base: Y.Doc, key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  let update: Uint8Array | null = null;
  doc.on('update', (u: Uint8Array) => (update = u));
  doc.getMap('meta').set(key, value);
  return update!;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('room hooks', () => {
  it('tells afterStore of a stored change only once it is stored, before anyone is sent it', async () => {
    const seen: string[] = [];
    let store: SqliteStore | null = null;
    const { room, store: s } = await openRoom([
      {
        afterStore: (_, update) => {
          seen.push(`stored ${update.byteLength > 0}`);
          // Stored already: a new load of the case holds the change.
          void store!.loadDocument('c1').then((stored) => {
            const doc = new Y.Doc();
            for (const u of stored.updates) Y.applyUpdate(doc, u);
            seen.push(`in store: ${doc.getMap('meta').get('title')}`);
          });
        },
        afterTransaction: (_, __, author) => seen.push(`transaction by ${author}`),
      },
    ]);
    store = s;
    seen.length = 0; // the load's own transaction
    const other = socket('hoa');
    room.addConnection(other.conn);
    const before = other.sent.length;
    await room.commit('server', (doc) => doc.getMap('meta').set('title', 'Vụ án mới'));
    await settle();
    expect(seen).toEqual(['transaction by null', 'stored true', 'in store: Vụ án mới']);
    expect(other.sent.length).toBe(before + 1);
  });

  it('names the account of the socket a change came from, and the activity hook sums it per person', async () => {
    const authors: Array<string | null> = [];
    const { room } = await openRoom([{ afterTransaction: (_, __, a) => authors.push(a) }]);
    const lan = socket('lan');
    room.addConnection(lan.conn);
    room.handleMessage(lan.conn, updateMessage(edit(room.doc, 'title', 'Một')));
    room.handleMessage(lan.conn, updateMessage(edit(room.doc, 'caseNumber', '12')));
    await room.flush();
    expect(authors).toContain('lan');
    const activity = room.takeActivity().get('lan');
    expect(activity?.areas).toEqual(new Set(['meta']));
    expect(activity?.changes).toBeGreaterThanOrEqual(1);
    expect(room.takeActivity().size).toBe(0);
  });

  it('does not tell afterStore of changes another instance stored, but sends them to the sockets', async () => {
    const stored: Uint8Array[] = [];
    const { room } = await openRoom([{ afterStore: (_, u) => stored.push(u) }]);
    const lan = socket('lan');
    room.addConnection(lan.conn);
    const before = lan.sent.length;
    await room.applyRemote([edit(room.doc, 'title', 'Từ máy chủ khác')]);
    expect(room.doc.getMap('meta').get('title')).toBe('Từ máy chủ khác');
    expect(stored).toEqual([]);
    expect(lan.sent.length).toBe(before + 1);
  });

  it('goes on when a hook throws: the change is stored and sent, and the next hook is called', async () => {
    warnings.length = 0;
    const later: string[] = [];
    const { room, store } = await openRoom([
      {
        afterStore: () => {
          throw new Error('broken hook');
        },
      },
      { afterStore: () => later.push('called') },
    ]);
    await room.commit('server', (doc) => doc.getMap('meta').set('title', 'Vẫn lưu'));
    expect(later).toEqual(['called']);
    expect(warnings).toContain('room hook failed');
    const doc = new Y.Doc();
    for (const u of (await store.loadDocument('c1')).updates) Y.applyUpdate(doc, u);
    expect(doc.getMap('meta').get('title')).toBe('Vẫn lưu');
  });

  it('versions: a stored change and the unloading reach the automatic versions', async () => {
    const calls: string[] = [];
    const { room } = await openRoom([
      versionsHook({
        changed: (caseId, state) => calls.push(`changed ${caseId} ${state().byteLength > 0}`),
        allLeft: (caseId, state) => calls.push(`allLeft ${caseId} ${state.byteLength > 0}`),
      }),
    ]);
    await room.commit('server', (doc) => doc.getMap('meta').set('title', 'x'));
    room.unloading();
    expect(calls).toEqual(['changed c1 true', 'allLeft c1 true']);
  });

  it('fan-out: publishes what this instance stored, not changes or presence from other instances', async () => {
    const published: string[] = [];
    const fanout = {
      publish: (caseId: string, kind: string) => published.push(`${kind} ${caseId}`),
    } as unknown as Fanout;
    const { room } = await openRoom([fanoutHook(fanout)]);
    await room.commit('server', (doc) => doc.getMap('meta').set('title', 'x'));
    await room.applyRemote([edit(room.doc, 'title', 'y')]);
    const remote = new Y.Doc();
    const awareness = new (await import('y-protocols/awareness')).Awareness(remote);
    awareness.setLocalState({ cursor: 1 });
    const { encodeAwarenessUpdate } = await import('y-protocols/awareness');
    room.presence.receiveRemote(encodeAwarenessUpdate(awareness, [remote.clientID]));
    expect(published).toEqual(['update c1']);
  });
});
