import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { addBoard, addEntity, listBoards, readMeta, renameBoard } from '../../src/core/index.ts';
import type { SqliteStore } from '../../server/store/sqlite.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import {
  closeCode,
  connectClient,
  eventually,
  rawSocket,
  synced,
  upgradeStatus,
  type SyncClient,
} from '../helpers/sync.ts';

let server: TestServer;
let admin: ApiClient;
let userCount = 0;
const clients: SyncClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(() => server?.dispose());

/** A case with an owner, an editor and a viewer, each with a sync token. */
async function team() {
  const n = ++userCount;
  const owner = await admin.newUser(`owner${n}`);
  const editor = await admin.newUser(`editor${n}`);
  const viewer = await admin.newUser(`viewer${n}`);
  const caseId = (await owner.request('POST', '/api/cases', { title: `Vụ án ${n}` })).body
    .id as string;
  await owner.request('PUT', `/api/cases/${caseId}/members/editor${n}`, { role: 'editor' });
  await owner.request('PUT', `/api/cases/${caseId}/members/viewer${n}`, { role: 'viewer' });
  return {
    caseId,
    owner,
    editor,
    viewer,
    tokens: {
      owner: await owner.token(),
      editor: await editor.token(),
      viewer: await viewer.token(),
    },
  };
}

function client(caseId: string, token: string, doc?: Y.Doc): SyncClient {
  const c = connectClient(server.url, caseId, token, doc);
  clients.push(c);
  return c;
}

/** What the server has stored for a case, read straight from storage. */
async function storedDoc(caseId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await server.store.loadDocument(caseId)).updates)
    Y.applyUpdate(doc, update);
  return doc;
}

const boardTitles = (doc: Y.Doc) => listBoards(doc).map((b) => b.title);

describe('sync', () => {
  it('makes two clients converge, and loads the case metadata written at creation', async () => {
    const { caseId, tokens } = await team();
    const a = client(caseId, tokens.owner);
    const b = client(caseId, tokens.editor);
    await Promise.all([synced(a), synced(b)]);
    expect(readMeta(a.doc).title).toMatch(/^Vụ án/);
    const id = addBoard(a.doc, { kind: 'mindmap', title: 'Sơ đồ tư duy' }, 'a');
    addBoard(b.doc, { kind: 'scene', title: 'Hiện trường' }, 'b');
    renameBoard(b.doc, { id: listBoards(b.doc)[0]?.id ?? '', title: 'Hiện trường vụ án' }, 'b');
    await eventually(
      () => listBoards(a.doc).length === 2 && listBoards(b.doc).length === 2,
      3000,
      'both boards on both clients',
    );
    expect(boardTitles(a.doc)).toEqual(boardTitles(b.doc));
    expect(listBoards(a.doc).map((x) => x.id)).toContain(id);
  });

  it('drops a viewer document changes: never forwarded, never stored', async () => {
    const { caseId, tokens } = await team();
    const owner = client(caseId, tokens.owner);
    const viewer = client(caseId, tokens.viewer);
    await Promise.all([synced(owner), synced(viewer)]);
    const dropped = server.rooms.stats().droppedViewerMessages;
    addBoard(viewer.doc, { kind: 'mindmap', title: 'Viewer board' }, 'v');
    await eventually(
      () => server.rooms.stats().droppedViewerMessages > dropped,
      3000,
      'the viewer update to be dropped',
    );
    // A later editor change does arrive, so the viewer's would have by now.
    addBoard(owner.doc, { kind: 'scene', title: 'Owner board' }, 'o');
    await eventually(
      () => boardTitles(viewer.doc).includes('Owner board'),
      3000,
      'owner change to reach the viewer',
    );
    expect(boardTitles(owner.doc)).toEqual(['Owner board']);
    expect(boardTitles(await storedDoc(caseId))).toEqual(['Owner board']);
  });

  it('refuses sockets without a valid token, for unknown cases and for non-members', async () => {
    const { caseId, tokens } = await team();
    const outsider = await admin.newUser(`outsider${userCount}`);
    expect(await upgradeStatus(rawSocket(server.url, caseId))).toBe(401);
    expect(await upgradeStatus(rawSocket(server.url, caseId, 'not-a-token'))).toBe(401);
    expect(await upgradeStatus(rawSocket(server.url, 'no-such-case', tokens.owner))).toBe(404);
    expect(await upgradeStatus(rawSocket(server.url, caseId, await outsider.token()))).toBe(404);
    expect(await upgradeStatus(rawSocket(server.url, caseId, tokens.viewer))).toBe(101);
  });

  it('writes the new title into open documents when a case is renamed over HTTP', async () => {
    const { caseId, owner, tokens } = await team();
    const a = client(caseId, tokens.editor);
    await synced(a);
    await owner.request('PATCH', `/api/cases/${caseId}`, {
      title: 'Vụ cố ý gây thương tích',
      offences: ['BLHS-134'],
    });
    await eventually(
      () => readMeta(a.doc).title === 'Vụ cố ý gây thương tích',
      3000,
      'the new title',
    );
    expect(readMeta(a.doc).offences).toEqual(['BLHS-134']);
  });

  it('closes the socket of a member who is removed, and applies a role change at once', async () => {
    const { caseId, owner, tokens } = await team();
    const e = client(caseId, tokens.editor);
    const v = client(caseId, tokens.viewer);
    const o = client(caseId, tokens.owner);
    await Promise.all([synced(e), synced(v), synced(o)]);
    await owner.request('PUT', `/api/cases/${caseId}/members/editor${userCount}`, {
      role: 'viewer',
    });
    addBoard(e.doc, { kind: 'timeline', title: 'After demotion' }, 'e');
    addBoard(o.doc, { kind: 'timeline', title: 'Owner after' }, 'o');
    await eventually(() => boardTitles(e.doc).includes('Owner after'), 3000, 'owner change');
    expect(boardTitles(o.doc)).toEqual(['Owner after']);
    await owner.request('DELETE', `/api/cases/${caseId}/members/viewer${userCount}`);
    await eventually(() => v.closes.includes(4403), 3000, 'the removed member to be disconnected');
  });
});

describe('sync limits and bad input', () => {
  it('closes only the connection that sends a malformed message', async () => {
    const { caseId, tokens } = await team();
    const a = client(caseId, tokens.owner);
    const b = client(caseId, tokens.editor);
    await Promise.all([synced(a), synced(b)]);
    for (const garbage of [
      new Uint8Array([7, 1, 2]),
      new Uint8Array([0, 2, 5, 0xff, 0xff, 0xff, 0xff, 0xff]),
      new Uint8Array([0, 9, 0]),
    ]) {
      const raw = rawSocket(server.url, caseId, tokens.editor);
      await new Promise((resolve) => raw.once('open', resolve));
      raw.send(garbage);
      expect(await closeCode(raw)).toBe(4400);
    }
    const text = rawSocket(server.url, caseId, tokens.editor);
    await new Promise((resolve) => text.once('open', resolve));
    text.send('hello');
    expect(await closeCode(text)).toBe(4400);
    addBoard(a.doc, { kind: 'mindmap', title: 'Still working' }, 'a');
    await eventually(
      () => boardTitles(b.doc).includes('Still working'),
      3000,
      'the others to keep syncing',
    );
    expect(a.closes).toEqual([]);
  });

  it('refuses a message over the size limit and keeps serving the others', async () => {
    const small = await startTestServer({ maxMessageBytes: 64 * 1024 });
    try {
      const admin2 = await ApiClient.login(small.url, ADMIN.username, ADMIN.password);
      const caseId = (await admin2.request('POST', '/api/cases', { title: 'Giới hạn' })).body
        .id as string;
      const token = await admin2.token();
      const good = connectClient(small.url, caseId, token);
      clients.push(good);
      await synced(good);
      const raw = rawSocket(small.url, caseId, token);
      await new Promise((resolve) => raw.once('open', resolve));
      raw.send(new Uint8Array(100 * 1024));
      expect(await closeCode(raw)).toBe(1009);
      const second = connectClient(small.url, caseId, token);
      clients.push(second);
      await synced(second);
      addBoard(good.doc, { kind: 'mindmap', title: 'After the big one' }, 'g');
      await eventually(
        () => boardTitles(second.doc).includes('After the big one'),
        3000,
        'sync to go on',
      );
    } finally {
      await small.dispose();
    }
  });

  it('refuses growth past the document size limit without storing any of it', async () => {
    const small = await startTestServer({ maxDocumentBytes: 20 * 1024 });
    try {
      const admin2 = await ApiClient.login(small.url, ADMIN.username, ADMIN.password);
      const caseId = (await admin2.request('POST', '/api/cases', { title: 'Giới hạn tài liệu' }))
        .body.id as string;
      const c = connectClient(small.url, caseId, await admin2.token());
      clients.push(c);
      await synced(c);
      addBoard(c.doc, { kind: 'mindmap', title: 'Small enough' }, 'c');
      await eventually(
        async () => (await small.store.loadDocument(caseId)).updatesSinceSnapshot === 1,
        3000,
        'the small change stored',
      );
      c.doc.getMap('register').set('huge', 'x'.repeat(40 * 1024));
      await eventually(() => c.closes.includes(4413), 3000, 'close 4413');
      const stored = new Y.Doc();
      for (const u of (await small.store.loadDocument(caseId)).updates) Y.applyUpdate(stored, u);
      expect(boardTitles(stored)).toEqual(['Small enough']);
      expect(stored.getMap('register').has('huge')).toBe(false);
    } finally {
      await small.dispose();
    }
  });
});

describe('durability', () => {
  it('keeps every update across a restart, with compaction on the way', async () => {
    const durable = await startTestServer({ compactAfterUpdates: 10 });
    let current = durable;
    try {
      const admin2 = await ApiClient.login(durable.url, ADMIN.username, ADMIN.password);
      const caseId = (await admin2.request('POST', '/api/cases', { title: 'Bền vững' })).body
        .id as string;
      const token = await admin2.token();
      const a = connectClient(durable.url, caseId, token);
      clients.push(a);
      await synced(a);
      for (let i = 0; i < 25; i++) addBoard(a.doc, { kind: 'mindmap', title: `Board ${i}` }, 'a');
      await eventually(() => durable.rooms.stats().connections === 1, 1000, 'connection');
      const b = connectClient(durable.url, caseId, token);
      clients.push(b);
      await eventually(
        () => listBoards(b.doc).length === 25,
        5000,
        'all boards on a second client',
      );
      a.provider.disconnect();
      b.provider.disconnect();
      current = await durable.restart();
      const stored = await current.store.loadDocument(caseId);
      expect(stored.updatesSinceSnapshot).toBeLessThan(25);
      const fresh = connectClient(current.url, caseId, token);
      clients.push(fresh);
      await synced(fresh);
      expect(boardTitles(fresh.doc)).toEqual(Array.from({ length: 25 }, (_, i) => `Board ${i}`));
    } finally {
      await current.dispose();
    }
  });

  it('does not cache a failed load as an empty document', async () => {
    const { caseId, tokens } = await team();
    const a = client(caseId, tokens.owner);
    await synced(a);
    addBoard(a.doc, { kind: 'mindmap', title: 'Before the failure' }, 'a');
    await eventually(async () => boardTitles(await storedDoc(caseId)).length === 1, 3000, 'stored');
    a.provider.disconnect();
    await eventually(() => !server.rooms.isLoaded(caseId), 3000, 'room unloaded');

    const original = server.store.loadDocument.bind(server.store);
    server.store.loadDocument = async () => {
      throw new Error('disk on fire');
    };
    const failing = rawSocket(server.url, caseId, tokens.owner);
    try {
      expect(await closeCode(failing)).toBe(4500);
      expect(server.rooms.isLoaded(caseId)).toBe(false);
    } finally {
      server.store.loadDocument = original;
    }
    const b = client(caseId, tokens.editor);
    await synced(b);
    expect(boardTitles(b.doc)).toEqual(['Before the failure']);
  });

  it('unloads a room whose store fails, and the reconnecting client re-sends what was not stored', async () => {
    const { caseId, tokens } = await team();
    const a = client(caseId, tokens.owner);
    await synced(a);
    const original = server.store.appendUpdate.bind(server.store);
    server.store.appendUpdate = async () => {
      throw new Error('disk full');
    };
    try {
      addBoard(a.doc, { kind: 'evidence', title: 'Typed during the outage' }, 'a');
      await eventually(() => a.closes.includes(4500), 3000, 'close 4500');
      await eventually(
        () => !server.rooms.isLoaded(caseId),
        3000,
        'the failed room to be unloaded',
      );
    } finally {
      server.store.appendUpdate = original;
    }
    await eventually(
      async () => boardTitles(await storedDoc(caseId)).includes('Typed during the outage'),
      5000,
      'the re-sent change stored',
    );
  });

  it('refuses updates with a clear error while the disk is full, forwards none of them, and takes them once there is room', async () => {
    const { caseId, owner, tokens } = await team();
    const a = client(caseId, tokens.owner);
    const b = client(caseId, tokens.editor);
    await Promise.all([synced(a), synced(b)]);
    const db = (server.store as SqliteStore).database;
    // A real SQLITE_FULL: the database may not grow by a single page.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    try {
      // Bigger than any free pages the database may have: ten notes of 20,000 characters.
      a.doc.transact(() => {
        addBoard(a.doc, { kind: 'evidence', title: 'Đầy đĩa' }, 'a');
        for (let i = 0; i < 10; i++)
          addEntity(
            a.doc,
            { kind: 'fact', fields: { name: `F${i}`, notes: 'x'.repeat(20_000) } },
            'a',
          );
      }, 'a');
      await eventually(() => a.closes.includes(4500), 3000, 'close 4500 (storage failed)');
      // Nothing that could not be stored reached the other editor.
      expect(boardTitles(b.doc)).toEqual([]);
      // The HTTP API says so plainly. (A new case is small enough to fit in pages the database
      // already has, so its write is made one that needs a megabyte more, as a large case would.)
      const createCase = server.store.createCase.bind(server.store);
      server.store.createCase = async (...args) => {
        db.prepare('INSERT INTO doc_updates (case_id, data) VALUES (?, zeroblob(1000000))').run(
          args[0].id,
        );
        return createCase(...args);
      };
      const res = await owner
        .request('POST', '/api/cases', { title: 'Vụ án mới' })
        .finally(() => (server.store.createCase = createCase));
      expect(res.status).toBe(507);
      expect(res.body.message).toMatch(/disk full/);
      expect(res.body.error).toBe('storage.full');
    } finally {
      db.pragma('max_page_count = 1073741823');
    }
    // Room again: the change kept by the client is sent again, stored, and then forwarded.
    await eventually(
      () => boardTitles(b.doc).some((t) => t.startsWith('Đầy đĩa')),
      8000,
      'the re-sent change to reach the other editor',
    );
    expect(boardTitles(await storedDoc(caseId)).some((t) => t.startsWith('Đầy đĩa'))).toBe(true);
    expect((await owner.request('GET', '/api/cases')).body.cases.length).toBe(1);
  });

  it('stores an update before anyone else receives it', async () => {
    const { caseId, tokens } = await team();
    const a = client(caseId, tokens.owner);
    const b = client(caseId, tokens.editor);
    await Promise.all([synced(a), synced(b)]);
    let storedWhenReceived: string[] | null = null;
    b.doc.getMap('boards').observe(() => {
      if (storedWhenReceived) return;
      storedWhenReceived = [];
      void storedDoc(caseId).then((doc) => (storedWhenReceived = boardTitles(doc)));
    });
    addBoard(a.doc, { kind: 'mindmap', title: 'Stored first' }, 'a');
    await eventually(() => (storedWhenReceived?.length ?? 0) > 0, 3000, 'b to receive it');
    expect(storedWhenReceived).toEqual(['Stored first']);
  });
});

// Keep the encoder import honest: a hand-built valid update message is accepted.
describe('protocol', () => {
  it('accepts a hand-encoded update message from a raw client', async () => {
    const { caseId, tokens } = await team();
    const watcher = client(caseId, tokens.owner);
    await synced(watcher);
    const doc = new Y.Doc();
    addBoard(doc, { kind: 'scene', title: 'Raw' }, 'raw');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
    const raw = rawSocket(server.url, caseId, tokens.editor);
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send(encoding.toUint8Array(encoder));
    await eventually(
      () => boardTitles(watcher.doc).includes('Raw'),
      3000,
      'the raw update to arrive',
    );
    raw.close();
  });
});
