import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addTopic, listBoards, listTopics } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced, type SyncClient } from '../helpers/sync.ts';

/**
 * Issue 19, point 1 (c): a case whose page no longer opens is recovered without the page, by the
 * version restore API (the server writes the document) and by `npm run case -- restore-version`.
 */

let server: TestServer;
const clients: SyncClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.dispose();
});

async function open(api: ApiClient, caseId: string): Promise<SyncClient> {
  const c = connectClient(server.url, caseId, await api.token());
  clients.push(c);
  await synced(c);
  return c;
}

function caseCommand(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/case.ts', ...args], {
    env: { ...process.env, DATA_DIR: server.dataDir },
    encoding: 'utf8',
  });
}

/** Breaks the stored document as a hostile client did before updates were checked. */
const breakCase = (caseId: string, boardId: string) =>
  server.rooms.change(caseId, (doc) => {
    doc.getMap('boards').set('evil', 'boom');
    doc.getMap('boards').delete(boardId);
  });

it('restores a version from the API and from the command line, without any page', async () => {
  let lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ án' })).body.id as string;
  const writer = await open(lan, caseId);
  const boardId = addBoard(writer.doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'lan');
  addTopic(writer.doc, { boardId, parent: null, label: 'Vụ trộm' }, 'lan');
  await eventually(
    async () => (await server.rooms.state(caseId)).byteLength > 200,
    3000,
    'the map stored',
  );
  const made = await lan.request('POST', `/api/cases/${caseId}/versions`, { name: 'Trước' });
  expect(made.status).toBe(201);
  const versionId = made.body.version.id as string;
  writer.destroy();

  // The API: no body, no page open; the server writes the document.
  await breakCase(caseId, boardId);
  const restored = await lan.request('POST', `/api/cases/${caseId}/versions/${versionId}/restore`);
  expect(restored.status).toBe(200);
  const viaApi = await open(lan, caseId);
  expect(viaApi.doc.getMap('boards').has('evil')).toBe(false);
  expect(listBoards(viaApi.doc).map((b) => b.title)).toEqual(['Sơ đồ']);
  expect(listTopics(viaApi.doc, boardId).map((t) => t.label)).toEqual(['Vụ trộm']);
  viaApi.destroy();

  // The command line, with the server stopped.
  await breakCase(caseId, boardId);
  await server.close();
  const listed = caseCommand(['versions', caseId]);
  expect(listed.status).toBe(0);
  expect(listed.stdout).toContain(`${versionId}\t`);
  expect(listed.stdout).toContain('auto:before-restore');
  const cli = caseCommand(['restore-version', caseId, versionId]);
  expect(cli.stderr).toBe('');
  expect(cli.status).toBe(0);
  expect(cli.stdout).toContain(`Restored version ${versionId}`);
  expect(caseCommand(['restore-version', caseId, 'nope']).status).toBe(1);
  expect(caseCommand(['restore-version', caseId]).status).toBe(2);

  server = await startTestServer({ dataDir: server.dataDir });
  lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const viaCli = await open(lan, caseId);
  expect(viaCli.doc.getMap('boards').has('evil')).toBe(false);
  expect(listTopics(viaCli.doc, boardId).map((t) => t.label)).toEqual(['Vụ trộm']);
  const audit = await lan.request('GET', `/api/cases/${caseId}/audit`);
  const restores = (audit.body.events as Array<{ actor: string; action: string }>).filter(
    (e) => e.action === 'version.restored',
  );
  expect(restores.map((e) => e.actor)).toEqual(['ksv.lan', 'cli']);
});
