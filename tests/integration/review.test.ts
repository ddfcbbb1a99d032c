import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBoard, addTopic, listTopics } from '../../src/core/index.ts';
import { addNote, replyToNote, setNoteState } from '../../src/core/commands/notes.ts';
import { listNotes } from '../../src/core/notes.ts';
import { encodeUpdate } from '../../server/sync/protocol.ts';
import { installed, run, tempFile } from '../helpers/export-case.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced, type SyncClient } from '../helpers/sync.ts';

/**
 * Review notes and the reviewer role over real sockets (docs/review.md): a reviewer writes notes
 * and replies and resolves, and nothing else; a viewer writes nothing; the case list tells each
 * member the open notes that mention them; the audit trail names each note's writes.
 */

let server: TestServer;
let admin: ApiClient;
let n = 0;
const clients: SyncClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(() => server?.dispose());

async function idOf(client: ApiClient): Promise<string> {
  return (await client.request('GET', '/api/me')).body.user.id as string;
}

/** A case with a mind map and one topic, an owner, a reviewer and a viewer. */
async function team() {
  const k = ++n;
  const owner = await admin.newUser(`rv-owner${k}`, 'Trần Thị Lan');
  const reviewer = await admin.newUser(`rv-leader${k}`, 'Nguyễn Văn Ấn');
  const viewer = await admin.newUser(`rv-viewer${k}`);
  const caseId = (await owner.request('POST', '/api/cases', { title: `Vụ án ${k}` })).body
    .id as string;
  expect(
    (await owner.request('PUT', `/api/cases/${caseId}/members/rv-leader${k}`, { role: 'reviewer' }))
      .status,
  ).toBe(200);
  await owner.request('PUT', `/api/cases/${caseId}/members/rv-viewer${k}`, { role: 'viewer' });
  const ownerClient = client(caseId, await owner.token());
  await synced(ownerClient);
  const board = addBoard(ownerClient.doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'o');
  const topic = addTopic(ownerClient.doc, { boardId: board, parent: null, label: 'Vụ án' }, 'o');
  await eventually(async () => (await storedDoc(caseId)).getMap('boards').size === 1);
  return { k, caseId, owner, reviewer, viewer, ownerClient, board, topic };
}

function client(caseId: string, token: string): SyncClient {
  const c = connectClient(server.url, caseId, token);
  clients.push(c);
  return c;
}

async function storedDoc(caseId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await server.store.loadDocument(caseId)).updates)
    Y.applyUpdate(doc, update);
  return doc;
}

const dropped = () => server.rooms.stats().droppedViewerMessages;

describe('the reviewer in the sync room', () => {
  it('refuses a reviewer’s hand-made topic change: counted, the socket told, nothing changed anywhere', async () => {
    const { caseId, reviewer, ownerClient, board, topic } = await team();
    const leader = client(caseId, await reviewer.token());
    await synced(leader);
    const before = dropped();
    const stateBefore = Y.encodeStateVector(leader.doc);
    // A hand-made update: the topic's label changed, as a modified client would send it.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(leader.doc));
    const vector = Y.encodeStateVector(forged);
    const nodes = (forged.getMap('boards').get(board) as Y.Map<Y.Map<unknown>>).get(
      'nodes',
    ) as Y.Map<Y.Map<unknown>>;
    nodes.get(topic)!.set('label', 'Sửa trái phép');
    leader.provider.ws!.send(encodeUpdate(Y.encodeStateAsUpdate(forged, vector)));
    await eventually(() => dropped() > before, 3000, 'the reviewer update to be refused');
    await eventually(() => leader.closes.includes(4423), 3000, 'the reviewer told (4423)');
    expect(Y.encodeStateVector(leader.doc)).toEqual(stateBefore);
    // Stored and other clients unchanged: a later owner change arrives, the label does not.
    addTopic(ownerClient.doc, { boardId: board, parent: topic, label: 'Sau' }, 'o');
    const stored = await eventually(
      async () => listTopics(await storedDoc(caseId), board).length === 2,
      3000,
      'the owner change stored',
    ).then(() => storedDoc(caseId));
    expect(listTopics(stored, board).find((t) => t.id === topic)?.label).toBe('Vụ án');
    expect(listTopics(ownerClient.doc, board).find((t) => t.id === topic)?.label).toBe('Vụ án');
  });

  it('accepts a reviewer’s note, reply and resolve; they reach the editor and the audit trail', async () => {
    const { caseId, owner, reviewer, ownerClient, board, topic } = await team();
    const leader = client(caseId, await reviewer.token());
    await synced(leader);
    const leaderId = await idOf(reviewer);
    const ownerId = await idOf(owner);
    const before = dropped();
    const noteId = addNote(
      leader.doc,
      {
        anchor: { kind: 'node', board, node: topic },
        text: 'Làm rõ thời điểm đột nhập',
        author: { id: leaderId, name: 'Nguyễn Văn Ấn' },
        mentions: [ownerId],
      },
      'r',
    );
    await eventually(() => listNotes(ownerClient.doc).length === 1, 3000, 'the note at the editor');
    expect(listNotes(ownerClient.doc)[0]).toMatchObject({ id: noteId, author: leaderId });
    // The owner replies; the reviewer resolves.
    replyToNote(
      ownerClient.doc,
      { note: noteId, text: 'Đã bổ sung BL 45', author: { id: ownerId, name: 'Trần Thị Lan' } },
      'o',
    );
    await eventually(() => listNotes(leader.doc)[0]?.replies.length === 1, 3000, 'the reply');
    setNoteState(
      leader.doc,
      { note: noteId, state: 'resolved', by: { id: leaderId, name: 'Nguyễn Văn Ấn' } },
      'r',
    );
    await eventually(() => listNotes(ownerClient.doc)[0]?.state === 'resolved', 3000, 'resolved');
    expect(dropped()).toBe(before);
    expect(leader.closes).toEqual([]);
    expect(listNotes(await storedDoc(caseId))[0]?.state).toBe('resolved');
    await eventually(
      async () => {
        const { body } = await owner.request('GET', `/api/cases/${caseId}/audit`);
        const actions = (body.events as Array<{ action: string; actor: string }>).map(
          (e) => `${e.actor} ${e.action}`,
        );
        return (
          actions.includes(`rv-leader${n} note.created`) &&
          actions.includes(`rv-owner${n} note.replied`) &&
          actions.includes(`rv-leader${n} note.resolved`)
        );
      },
      3000,
      'note entries in the audit trail',
    );
  });

  it('refuses a reviewer’s note in a colleague’s name', async () => {
    const { caseId, owner, reviewer, ownerClient } = await team();
    const leader = client(caseId, await reviewer.token());
    await synced(leader);
    const before = dropped();
    addNote(
      leader.doc,
      {
        anchor: { kind: 'case' },
        text: 'Giả danh',
        author: { id: await idOf(owner), name: 'Lan' },
      },
      'r',
    );
    await eventually(() => dropped() > before && leader.closes.includes(4423), 3000, 'refused');
    expect(listNotes(ownerClient.doc)).toEqual([]);
    expect(listNotes(await storedDoc(caseId))).toEqual([]);
  });

  it('drops a viewer’s note like any viewer change', async () => {
    const { caseId, viewer, ownerClient } = await team();
    const reader = client(caseId, await viewer.token());
    await synced(reader);
    const before = dropped();
    addNote(
      reader.doc,
      {
        anchor: { kind: 'case' },
        text: 'Không được',
        author: { id: await idOf(viewer), name: 'V' },
      },
      'v',
    );
    await eventually(() => dropped() > before, 3000, 'the viewer note dropped');
    expect(listNotes(ownerClient.doc)).toEqual([]);
    expect(listNotes(await storedDoc(caseId))).toEqual([]);
  });
});

describe('the reviewer over HTTP', () => {
  it('reads like a viewer and is refused every change of the case', async () => {
    const { caseId, reviewer, k } = await team();
    expect((await reviewer.request('GET', `/api/cases/${caseId}`)).body.role).toBe('reviewer');
    expect((await reviewer.request('GET', `/api/cases/${caseId}/members`)).status).toBe(200);
    expect((await reviewer.request('GET', `/api/cases/${caseId}/versions`)).status).toBe(200);
    expect((await reviewer.request('GET', `/api/cases/${caseId}/files`)).status).toBe(200);
    const refused: Array<[string, string, unknown?]> = [
      ['PATCH', `/api/cases/${caseId}`, { title: 'Đổi tên' }],
      ['PUT', `/api/cases/${caseId}/members/rv-viewer${k}`, { role: 'editor' }],
      ['DELETE', `/api/cases/${caseId}/members/rv-viewer${k}`],
      ['POST', `/api/cases/${caseId}/versions`, { name: 'Bản của lãnh đạo' }],
      ['PUT', `/api/cases/${caseId}/presentation`, { slide: 0, step: 0 }],
      ['POST', `/api/cases/${caseId}/links`, { label: 'Phiên tòa', hours: 2 }],
      ['GET', `/api/cases/${caseId}/backup`],
      ['POST', `/api/cases/${caseId}/versions/some-version/restore`],
    ];
    for (const [method, path, body] of refused) {
      const res = await reviewer.request(method, path, body);
      expect([method, path, res.status]).toEqual([method, path, 403]);
    }
    const upload = await fetch(`${server.url}/api/cases/${caseId}/files?name=a.png`, {
      method: 'POST',
      headers: { cookie: reviewer.cookie, 'content-type': 'image/png' },
      body: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    });
    expect(upload.status).toBe(403);
  });

  it('lists on the case list the open notes that mention the caller, and forgets resolved ones', async () => {
    const { caseId, owner, reviewer, ownerClient } = await team();
    const ownerId = await idOf(owner);
    const leader = client(caseId, await reviewer.token());
    await synced(leader);
    const by = { id: await idOf(reviewer), name: 'Nguyễn Văn Ấn' };
    const first = addNote(
      leader.doc,
      { anchor: { kind: 'case' }, text: 'Báo cáo trước 15/3', author: by, mentions: [ownerId] },
      'r',
    );
    addNote(leader.doc, { anchor: { kind: 'case' }, text: 'Không nhắc ai', author: by }, 'r');
    await eventually(() => listNotes(ownerClient.doc).length === 2);
    const mine = async (who: ApiClient) =>
      (
        (await who.request('GET', '/api/cases')).body.cases as Array<{
          id: string;
          mentions: { count: number; notes: Array<{ text: string }> };
        }>
      ).find((c) => c.id === caseId)!.mentions;
    await eventually(async () => (await mine(owner)).count === 1, 3000, 'one mention');
    expect((await mine(owner)).notes[0]).toMatchObject({
      text: 'Báo cáo trước 15/3',
      authorName: 'Nguyễn Văn Ấn',
    });
    expect((await mine(reviewer)).count).toBe(0);
    setNoteState(
      ownerClient.doc,
      { note: first, state: 'resolved', by: { id: ownerId, name: 'Lan' } },
      'o',
    );
    await eventually(async () => (await mine(owner)).count === 0, 3000, 'no mention once resolved');
    // After the room unloads, the list reads the stored document.
    for (const c of clients.splice(0)) c.destroy();
    await eventually(() => server.rooms.stats().rooms === 0, 10000, 'the room unloaded').catch(
      () => undefined,
    );
    expect((await mine(owner)).count).toBe(0);
  });

  (installed('pdftotext') ? it : it.skip)(
    'exports a board PDF without notes, and with their appendix when asked (notes=1)',
    async () => {
      const { caseId, reviewer, ownerClient, board, topic } = await team();
      addNote(
        ownerClient.doc,
        {
          anchor: { kind: 'node', board, node: topic },
          text: 'Đối chiếu khuỷu tay với giám định',
          author: { id: 'u', name: 'Trần Thị Lan' },
        },
        'o',
      );
      await eventually(async () => listNotes(await storedDoc(caseId)).length === 1);
      const pdfText = async (query: string) => {
        const res = await fetch(
          `${server.url}/api/cases/${caseId}/boards/${board}/export.pdf${query}`,
          { headers: { cookie: reviewer.cookie } },
        );
        expect(res.status).toBe(200);
        const file = tempFile('board.pdf', Buffer.from(await res.arrayBuffer()));
        return run('pdftotext', [file, '-']).normalize('NFC');
      };
      expect(await pdfText('')).not.toContain('khuỷu');
      const withNotes = await pdfText('?notes=1');
      expect(withNotes).toContain('Đối chiếu khuỷu tay với giám định');
      expect(withNotes).toContain('Phụ lục: Ý kiến');
    },
  );
});
