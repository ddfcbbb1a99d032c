import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBoard, listBoards } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced, type SyncClient } from '../helpers/sync.ts';

/**
 * Issue 19, point 1 (b): an editor's stock y-websocket client writes `boards.evil = 'boom'`. The
 * server refuses that update (close 4422, only that socket), counts it and audits it; nobody else
 * receives it, it is never stored, and the neighbour goes on editing.
 */

let server: TestServer;
let admin: ApiClient;
const clients: SyncClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  await admin.newUser('ksv.hung', 'Lê Văn Hùng');
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.dispose();
});

async function client(api: ApiClient, caseId: string): Promise<SyncClient> {
  const c = connectClient(server.url, caseId, await api.token());
  clients.push(c);
  await synced(c);
  return c;
}

it("refuses boards.set('evil', 'boom') from an editor's stock client; the neighbour sees nothing of it", async () => {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const hung = await ApiClient.login(server.url, 'ksv.hung', 'ksv.hung-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ án' })).body.id as string;
  await lan.request('PUT', `/api/cases/${caseId}/members/ksv.hung`, { role: 'editor' });

  const neighbour = await client(lan, caseId);
  addBoard(neighbour.doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'lan');
  const attacker = await client(hung, caseId);
  await eventually(() => listBoards(attacker.doc).length === 1, 3000, 'the first board');
  const received: Uint8Array[] = [];
  neighbour.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'lan') received.push(update);
  });

  // The attack exactly as found.
  attacker.doc.getMap('boards').set('evil', 'boom');
  await eventually(() => attacker.closes.includes(4422), 3000, 'the attacker closed with 4422');
  attacker.destroy();

  // The neighbour keeps working and sees nothing of it: its own next change round-trips to a
  // fresh client, which has the board and no 'evil'.
  addBoard(neighbour.doc, { kind: 'scene', title: 'Hiện trường' }, 'lan');
  const fresh = await client(lan, caseId);
  await eventually(() => listBoards(fresh.doc).length === 2, 3000, 'the second board');
  expect(fresh.doc.getMap('boards').has('evil')).toBe(false);
  expect(neighbour.doc.getMap('boards').has('evil')).toBe(false);
  expect(neighbour.closes).toEqual([]);
  for (const update of received) {
    const probe = new Y.Doc();
    Y.applyUpdate(probe, update);
    expect(probe.getMap('boards').has('evil')).toBe(false);
  }

  // Counted, and in the audit trail under the attacker's name.
  const stats = await admin.request('GET', '/api/admin/stats');
  expect(stats.body.invalidUpdates).toBeGreaterThanOrEqual(1);
  const audit = await lan.request('GET', `/api/cases/${caseId}/audit`);
  const refused = (
    audit.body.events as Array<{ actor: string; action: string; detail: unknown }>
  ).filter((e) => e.action === 'edit.refused');
  expect(refused.length).toBeGreaterThanOrEqual(1);
  expect(refused[0]!.actor).toBe('ksv.hung');
  expect(JSON.stringify(refused[0]!.detail)).toContain('boards/evil');

  // Never stored: after a restart the case opens without it.
  for (const c of clients.splice(0)) c.destroy();
  server = await server.restart();
  const after = await client(lan, caseId);
  expect(after.doc.getMap('boards').has('evil')).toBe(false);
  expect(listBoards(after.doc).map((b) => b.title)).toEqual(['Sơ đồ', 'Hiện trường']);
});

it('refuses the other hostile shapes one by one, and keeps well-formed edits in the same session', async () => {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ án 2' })).body.id as string;
  const owner = await client(lan, caseId);
  const boardId = addBoard(owner.doc, { kind: 'evidence', title: 'Chứng cứ' }, 'lan');
  await eventually(async () => (await server.rooms.state(caseId)).byteLength > 100, 3000, 'stored');
  const attacks: Array<[string, (doc: Y.Doc) => void]> = [
    ['nodes replaced by text', (doc) => boardOf(doc, boardId).set('nodes', new Y.Text('x'))],
    [
      'a node that is a number',
      (doc) => (boardOf(doc, boardId).get('nodes') as Y.Map<unknown>).set('n', 1),
    ],
    ['a board kind that is a map', (doc) => boardOf(doc, boardId).set('kind', new Y.Map())],
    ['the register entry that is a string', (doc) => doc.getMap('register').set('p', 'x')],
    ['a slide that is an array', (doc) => doc.getMap('deck').set('s', new Y.Array())],
    ['the edges deleted', (doc) => boardOf(doc, boardId).delete('edges')],
    ['meta.title as Y.Map', (doc) => doc.getMap('meta').set('title', new Y.Map())],
  ];
  for (const [what, attack] of attacks) {
    const c = await client(lan, caseId);
    attack(c.doc);
    await eventually(() => c.closes.includes(4422), 3000, `${what}: closed with 4422`);
    c.destroy();
  }
  // The owner's socket was never closed and its edits still go through.
  addBoard(owner.doc, { kind: 'timeline', title: 'Diễn biến' }, 'lan');
  const check = await client(lan, caseId);
  await eventually(() => listBoards(check.doc).length === 2, 3000, 'the owner’s new board');
  expect(owner.closes).toEqual([]);
});

function boardOf(doc: Y.Doc, id: string): Y.Map<unknown> {
  return doc.getMap('boards').get(id) as Y.Map<unknown>;
}

it('a case broken before the check stays editable, and its edit summary does not trip on the broken board', async () => {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ án cũ' })).body.id as string;
  // Stored before updates were checked.
  await server.rooms.change(caseId, (doc) => doc.getMap('boards').set('evil', 'boom'));
  const editor = await client(lan, caseId);
  // Not a new problem (the same one, at the same place): accepted, so the case can be worked on.
  editor.doc.getMap('boards').set('evil', 'boom again');
  const boardId = addBoard(editor.doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'lan');
  const fresh = await client(lan, caseId);
  await eventually(() => listBoards(fresh.doc).length === 1, 3000, 'the board');
  expect(fresh.doc.getMap('boards').get('evil')).toBe('boom again');
  expect(editor.closes).toEqual([]);
  editor.destroy();
  fresh.destroy();
  // Everyone left: the room writes the edit summary, with the broken board untitled.
  await eventually(() => !server.rooms.isLoaded(caseId), 5000, 'the room unloaded');
  const audit = await lan.request('GET', `/api/cases/${caseId}/audit`);
  const edits = (
    audit.body.events as Array<{ action: string; detail: { boards: unknown } }>
  ).filter((e) => e.action === 'edit');
  expect(edits.flatMap((e) => e.detail.boards as Array<{ id: string; title: string }>)).toEqual(
    expect.arrayContaining([
      { id: 'evil', title: '' },
      { id: boardId, title: 'Sơ đồ' },
    ]),
  );
});
