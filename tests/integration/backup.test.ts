import { afterAll, beforeAll, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as Y from 'yjs';
import {
  addBoard,
  addEntity,
  addTopic,
  listBoards,
  listEntities,
  listTopics,
} from '../../src/core/index.ts';
import { makePng } from '../helpers/files.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';

let one: TestServer;
let two: TestServer;
let owner: ApiClient;
let editor: ApiClient;
let other: ApiClient;

beforeAll(async () => {
  [one, two] = await Promise.all([startTestServer(), startTestServer()]);
  const admin = await ApiClient.login(one.url, ADMIN.username, ADMIN.password);
  owner = await admin.newUser('backup-owner');
  editor = await admin.newUser('backup-editor');
  const adminTwo = await ApiClient.login(two.url, ADMIN.username, ADMIN.password);
  other = await adminTwo.newUser('restorer');
});
afterAll(async () => {
  await Promise.all([one?.dispose(), two?.dispose()]);
});

async function raw(
  client: ApiClient,
  base: string,
  method: string,
  path: string,
  body?: Uint8Array,
) {
  const res = await fetch(base + path, {
    method,
    headers: { cookie: client.cookie, 'content-type': 'application/zip', 'accept-language': 'en' },
    ...(body ? { body: body as BodyInit } : {}),
  });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    body: type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer()),
  };
}

it('backs a case up into one file and restores it on another server, checked by hashes, with an audit trail', async () => {
  const caseId = (
    await owner.request('POST', '/api/cases', { title: 'Vụ trộm cắp', caseNumber: '12/2026/HS' })
  ).body.id as string;
  await owner.request('PUT', `/api/cases/${caseId}/members/backup-editor`, { role: 'editor' });
  const client = connectClient(one.url, caseId, await owner.token());
  await synced(client);
  const boardId = addBoard(client.doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, 'test');
  const root = addTopic(client.doc, { boardId, parent: null, label: 'Vụ án' }, 'test');
  addTopic(client.doc, { boardId, parent: root, label: 'Bị can Nguyễn Văn Ấn' }, 'test');
  addEntity(client.doc, { kind: 'person', fields: { name: 'Đỗ Thị Lập', role: 'victim' } }, 'test');
  const png = makePng(30, 20, [200, 10, 10]);
  const upload = await fetch(
    `${one.url}/api/cases/${caseId}/files?name=${encodeURIComponent('Ảnh hiện trường.png')}`,
    {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(png),
    },
  );
  const hash = ((await upload.json()) as { hash: string }).hash;
  await new Promise((r) => setTimeout(r, 300));

  // Owners only.
  expect((await raw(editor, one.url, 'GET', `/api/cases/${caseId}/backup`)).status).toBe(403);
  const backup = await raw(owner, one.url, 'GET', `/api/cases/${caseId}/backup`);
  expect(backup.status).toBe(200);
  const zip = backup.body as Uint8Array;
  const entries = unzipSync(zip);
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
  expect(manifest).toMatchObject({
    format: 'caseboard-backup',
    version: 1,
    case: { title: 'Vụ trộm cắp', caseNumber: '12/2026/HS' },
  });
  expect(manifest.files).toEqual([
    expect.objectContaining({ hash, name: 'Ảnh hiện trường.png', mime: 'image/png' }),
  ]);

  // Restored on the other server by someone else: a new case of theirs with everything in it.
  const restored = await raw(other, two.url, 'POST', '/api/cases/restore', zip);
  expect(restored.status).toBe(201);
  const newId = (restored.body as { id: string }).id;
  expect(newId).not.toBe(caseId);
  const copy = connectClient(two.url, newId, await other.token());
  await synced(copy);
  expect(listBoards(copy.doc).map((b) => b.title)).toEqual(['Sơ đồ vụ án']);
  expect(
    listTopics(copy.doc, listBoards(copy.doc)[0]!.id)
      .map((t) => t.label)
      .sort(),
  ).toEqual(['Bị can Nguyễn Văn Ấn', 'Vụ án']);
  expect(listEntities(copy.doc, 'person').map((p) => p.name)).toEqual(['Đỗ Thị Lập']);
  const file = await fetch(`${two.url}/api/cases/${newId}/files/${hash}`, {
    headers: { cookie: other.cookie },
  });
  expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
  expect((await other.request('GET', `/api/cases/${newId}`)).body).toMatchObject({
    title: 'Vụ trộm cắp',
    role: 'owner',
  });

  // Both ends are in the audit trail.
  const exported = await owner.request('GET', `/api/cases/${caseId}/audit`);
  expect(exported.body.events.map((e: { action: string }) => e.action)).toContain('case.backup');
  const imported = await other.request('GET', `/api/cases/${newId}/audit`);
  expect(imported.body.events[0]).toMatchObject({
    action: 'case.restore',
    actor: 'restorer',
    detail: { by: 'backup-owner', files: 1 },
  });
  client.destroy();
  copy.destroy();
});

it('refuses a tampered, truncated or hostile backup and makes no case', async () => {
  const caseId = (await owner.request('POST', '/api/cases', { title: 'Sao lưu' })).body
    .id as string;
  const backup = (await raw(owner, one.url, 'GET', `/api/cases/${caseId}/backup`))
    .body as Uint8Array;
  const entries = unzipSync(backup);
  const before = (await other.request('GET', '/api/cases')).body.cases.length;

  const tampered = zipSync({ ...entries, 'document.yjs': Y.encodeStateAsUpdate(new Y.Doc()) });
  const refusedTamper = await raw(other, two.url, 'POST', '/api/cases/restore', tampered);
  expect(refusedTamper.status).toBe(400);
  expect((refusedTamper.body as { message: string }).message).toContain('does not match its hash');

  const truncated = backup.subarray(0, Math.floor(backup.length / 2));
  expect((await raw(other, two.url, 'POST', '/api/cases/restore', truncated)).status).toBe(400);
  const traversal = zipSync({
    ...entries,
    '../../etc/cron.d/x': strToU8('* * * * * root rm -rf /'),
  });
  const refusedPath = await raw(other, two.url, 'POST', '/api/cases/restore', traversal);
  expect(refusedPath.status).toBe(400);
  expect((refusedPath.body as { message: string }).message).toBe(
    'The backup file is not valid: an entry has an unsafe path ("../../etc/cron.d/x").',
  );
  const noManifest = zipSync({ 'document.yjs': entries['document.yjs']! });
  expect((await raw(other, two.url, 'POST', '/api/cases/restore', noManifest)).status).toBe(400);
  expect((await other.request('GET', '/api/cases')).body.cases).toHaveLength(before);
});
