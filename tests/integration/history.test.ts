/**
 * Versions and the audit trail on a real server: every kind of entry appears after its action,
 * versions are made by people and by the server, restored, kept by the retention rule, and the
 * hash chain detects an entry altered in the database, also from the command line.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBoard, insertOutline, listBoards, listTopics } from '../../src/core/index.ts';
import type { SqliteStore } from '../../server/store/sqlite.ts';
import { makePng } from '../helpers/files.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced } from '../helpers/sync.ts';

let server: TestServer;
let admin: ApiClient;
let owner: ApiClient;
let caseId: string;

interface Entry {
  seq: number;
  actor: string;
  action: string;
  caseId: string;
  detail: Record<string, unknown>;
}

async function trail(client: ApiClient, query = ''): Promise<Entry[]> {
  const res = await client.request('GET', `/api/audit?limit=100000${query}`);
  expect(res.status).toBe(200);
  return res.body.events as Entry[];
}

/** The entries of one kind, checked to exist. */
async function entries(action: string, query = ''): Promise<Entry[]> {
  const found = (await trail(admin, `&action=${action}${query}`)).filter(
    (e) => e.action === action,
  );
  expect(found.length, `an entry "${action}"`).toBeGreaterThan(0);
  return found;
}

function auditCommand(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/audit.ts', ...args], {
    env: { ...process.env, DATA_DIR: server.dataDir },
    encoding: 'utf8',
  });
}

beforeAll(async () => {
  // Automatic versions after 50 ms of changes, so that the test sees them.
  server = await startTestServer({ autoVersionMinutes: 50 / 60_000 });
  admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  owner = await admin.newUser('ksv.lan', 'Trần Thị Lan');
  caseId = (await owner.request('POST', '/api/cases', { title: 'Vụ trộm cắp tài sản' })).body.id;
});
afterAll(async () => {
  await server?.dispose();
});

describe('audit trail', () => {
  it('records log-ins, failed log-ins, log-outs and password changes with the address', async () => {
    const wrong = await new ApiClient(server.url).request('POST', '/api/auth/login', {
      username: 'ksv.lan',
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    const failed = await entries('login.failed');
    expect(failed.at(-1)).toMatchObject({
      actor: 'ksv.lan',
      detail: { address: '127.0.0.1', known: true },
    });
    expect((await entries('login')).some((e) => e.actor === 'ksv.lan')).toBe(true);

    const other = await admin.newUser('ksv.binh');
    expect((await other.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await entries('logout')).at(-1)?.actor).toBe('ksv.binh');

    const again = await ApiClient.login(server.url, 'ksv.binh', 'ksv.binh-password');
    const changed = await again.request('POST', '/api/auth/password', {
      current: 'ksv.binh-password',
      next: 'a-new-long-password',
    });
    expect(changed.status).toBe(204);
    expect((await entries('password.changed')).at(-1)?.actor).toBe('ksv.binh');
  });

  it('records cases created, renamed, changed, archived and their membership', async () => {
    expect((await entries('case.created', `&case=${caseId}`))[0]).toMatchObject({
      actor: 'ksv.lan',
      detail: { title: 'Vụ trộm cắp tài sản' },
    });
    await owner.request('PATCH', `/api/cases/${caseId}`, { title: 'Vụ trộm cắp tài sản (2)' });
    expect((await entries('case.renamed'))[0]?.detail).toEqual({
      from: 'Vụ trộm cắp tài sản',
      to: 'Vụ trộm cắp tài sản (2)',
    });
    await owner.request('PATCH', `/api/cases/${caseId}`, { caseNumber: '15/2025/HS' });
    expect((await entries('case.updated'))[0]?.detail).toEqual({
      changed: { caseNumber: '15/2025/HS' },
    });
    await owner.request('PATCH', `/api/cases/${caseId}`, { archived: true });
    await owner.request('PATCH', `/api/cases/${caseId}`, { archived: false });
    await entries('case.archived');
    await entries('case.unarchived');

    await admin.newUser('ksv.cuong');
    await owner.request('PUT', `/api/cases/${caseId}/members/ksv.cuong`, { role: 'editor' });
    await owner.request('PUT', `/api/cases/${caseId}/members/ksv.cuong`, { role: 'viewer' });
    await owner.request('DELETE', `/api/cases/${caseId}/members/ksv.cuong`);
    expect((await entries('member.added'))[0]?.detail).toEqual({
      member: 'ksv.cuong',
      role: 'editor',
    });
    expect((await entries('member.role'))[0]?.detail).toEqual({
      member: 'ksv.cuong',
      role: 'viewer',
      from: 'editor',
    });
    expect((await entries('member.removed'))[0]?.detail).toEqual({
      member: 'ksv.cuong',
      role: 'viewer',
    });
  });

  it('records each connection with its length, and edits per person with the boards changed', async () => {
    const client = connectClient(server.url, caseId, await owner.token());
    await synced(client);
    const boardId = addBoard(client.doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, 'test');
    insertOutline(
      client.doc,
      { boardId, parent: null, nodes: [{ label: 'Bị can', children: [] }] },
      'test',
    );
    await eventually(async () => {
      const stored = new Y.Doc();
      for (const u of (await server.store.loadDocument(caseId)).updates) Y.applyUpdate(stored, u);
      return listBoards(stored).length === 1 && listTopics(stored, boardId).length === 1;
    }, 5000);
    client.destroy();
    // The room unloads after its grace time; what was changed is summarised then at the latest.
    await eventually(() => !server.rooms.isLoaded(caseId), 5000);
    const connection = (await entries('connection', `&case=${caseId}`)).at(-1)!;
    expect(connection.actor).toBe('ksv.lan');
    expect(connection.detail).toMatchObject({ role: 'owner' });
    expect(typeof connection.detail.seconds).toBe('number');
    const edit = (await entries('edit', `&case=${caseId}`)).at(-1)!;
    expect(edit.actor).toBe('ksv.lan');
    expect(edit.detail.boards).toEqual([{ id: boardId, title: 'Sơ đồ vụ án' }]);
    expect(edit.detail.changes).toBeGreaterThan(0);
  });

  it('records uploads, the first read of a file in an hour, exports, and hearing links', async () => {
    const png = makePng(40, 30);
    const upload = await fetch(`${server.url}/api/cases/${caseId}/files?name=anh-hien-truong.png`, {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(png),
    });
    expect(upload.status).toBe(201);
    const { hash } = (await upload.json()) as { hash: string };
    expect((await entries('file.uploaded'))[0]?.detail).toMatchObject({
      hash,
      name: 'anh-hien-truong.png',
      mime: 'image/png',
    });
    for (let i = 0; i < 3; i++) {
      const read = await fetch(`${server.url}/api/cases/${caseId}/files/${hash}`, {
        headers: { cookie: owner.cookie },
      });
      expect(read.status).toBe(200);
      await read.arrayBuffer();
    }
    expect(await entries('file.read')).toHaveLength(1);

    const exported = await owner.request('POST', `/api/cases/${caseId}/audit/export`, {
      what: 'deck',
      format: 'pdf',
      title: 'Trình chiếu',
    });
    expect(exported.status).toBe(204);
    expect((await entries('export'))[0]?.detail).toEqual({
      what: 'deck',
      format: 'pdf',
      title: 'Trình chiếu',
    });
    const bad = await owner.request('POST', `/api/cases/${caseId}/audit/export`, { what: 7 });
    expect(bad.status).toBe(400);

    const link = await owner.request('POST', `/api/cases/${caseId}/links`, {
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      label: 'Phiên tòa',
    });
    expect(link.status).toBe(201);
    expect(
      (await new ApiClient(server.url).request('GET', `/api/live/${link.body.token}`)).status,
    ).toBe(200);
    await owner.request('DELETE', `/api/cases/${caseId}/links/${link.body.link.id}`);
    await entries('link.create');
    expect((await entries('link.used'))[0]).toMatchObject({
      actor: `link:${link.body.link.id}`,
      detail: { what: 'open', label: 'Phiên tòa' },
    });
    await entries('link.revoke');
  });

  it('shows owners their cases only, administrators all, filtered, and as CSV', async () => {
    const editor = await admin.newUser('ksv.dung');
    await owner.request('PUT', `/api/cases/${caseId}/members/ksv.dung`, { role: 'editor' });
    expect((await editor.request('GET', '/api/audit')).status).toBe(403);
    expect((await editor.request('GET', `/api/audit?case=${caseId}`)).status).toBe(403);
    // The editor owns a case of their own: its trail, and no other.
    const theirs = (await editor.request('POST', '/api/cases', { title: '=HYPERLINK("x")' })).body
      .id as string;
    const ownTrail = await trail(editor);
    expect(new Set(ownTrail.map((e) => e.caseId))).toEqual(new Set([theirs]));
    expect((await editor.request('GET', `/api/audit?case=${caseId}`)).status).toBe(404);

    const ownerTrail = await trail(owner);
    expect(ownerTrail.every((e) => e.caseId === caseId)).toBe(true);
    expect((await trail(admin)).some((e) => e.action === 'login')).toBe(true);

    const byPerson = await trail(admin, '&actor=ksv.dung');
    expect(byPerson.length).toBeGreaterThan(0);
    expect(byPerson.every((e) => e.actor === 'ksv.dung')).toBe(true);
    const future = await trail(admin, `&from=${new Date(Date.now() + 60_000).toISOString()}`);
    expect(future).toEqual([]);
    expect((await admin.request('GET', '/api/audit?from=yesterday')).status).toBe(400);

    const csv = await fetch(`${server.url}/api/audit?format=csv&case=${theirs}`, {
      headers: { cookie: admin.cookie },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // Read as bytes: fetch's text() would drop the byte-order mark the file starts with.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith('\uFEFFseq,time,person,action,case,case title,detail')).toBe(true);
    // A title that a spreadsheet would run as a formula is quoted so that it stays text.
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('keeps the chain: the check passes, and fails after an entry is altered in the database', async () => {
    const check = await admin.request('GET', '/api/audit/verify');
    expect(check.body).toMatchObject({ ok: true });
    expect(check.body.checked).toBeGreaterThan(20);
    expect((await owner.request('GET', '/api/audit/verify')).status).toBe(403);
    const cli = auditCommand(['verify']);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('intact');

    const db = (server.store as SqliteStore).database;
    // The product's own database refuses changes and deletions outright…
    expect(() => db.prepare("UPDATE audit_events SET actor = 'x' WHERE seq = 3").run()).toThrow(
      /cannot be changed/,
    );
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 3').run()).toThrow(
      /cannot be deleted/,
    );
    // …so a forger removes the guard first; the chain still shows where.
    db.exec('DROP TRIGGER audit_events_no_update');
    db.prepare("UPDATE audit_events SET actor = 'người khác' WHERE seq = 3").run();
    const broken = await admin.request('GET', '/api/audit/verify');
    expect(broken.body).toMatchObject({ ok: false, brokenAt: 3, checked: 2 });
    const failing = auditCommand(['verify']);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain('BROKEN at entry 3');
  });
});

describe('versions', () => {
  let versionsCase: string;

  it('makes named versions for editors, not viewers, and keeps them on the server', async () => {
    versionsCase = (await owner.request('POST', '/api/cases', { title: 'Vụ cố ý gây thương tích' }))
      .body.id;
    const client = connectClient(server.url, versionsCase, await owner.token());
    await synced(client);
    const boardId = addBoard(client.doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'test');
    insertOutline(
      client.doc,
      { boardId, parent: null, nodes: [{ label: 'Người bị hại', children: [] }] },
      'test',
    );
    await eventually(async () => (await server.store.loadDocument(versionsCase)).lastSeq > 1, 5000);

    const made = await owner.request('POST', `/api/cases/${versionsCase}/versions`, {
      name: 'Trước báo cáo án ngày 12/3',
    });
    expect(made.status).toBe(201);
    expect(made.body.version).toMatchObject({ kind: 'named', author: 'ksv.lan' });
    expect(
      (await entries('version.created', `&case=${versionsCase}`)).at(-1)?.detail,
    ).toMatchObject({ name: 'Trước báo cáo án ngày 12/3', kind: 'named' });

    const viewer = await admin.newUser('ksv.em');
    await owner.request('PUT', `/api/cases/${versionsCase}/members/ksv.em`, { role: 'viewer' });
    expect(
      (await viewer.request('POST', `/api/cases/${versionsCase}/versions`, { name: 'x' })).status,
    ).toBe(403);
    const listed = await viewer.request('GET', `/api/cases/${versionsCase}/versions`);
    expect(listed.body.versions.map((v: { name: string }) => v.name)).toContain(
      'Trước báo cáo án ngày 12/3',
    );
    expect(listed.body.retentionDays).toBe(90);
    const state = await fetch(
      `${server.url}/api/cases/${versionsCase}/versions/${made.body.version.id}`,
      { headers: { cookie: viewer.cookie } },
    );
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await state.arrayBuffer()));
    expect(listTopics(doc, boardId).map((t) => t.label)).toEqual(['Người bị hại']);
    expect(
      (
        await viewer.request(
          'POST',
          `/api/cases/${versionsCase}/versions/${made.body.version.id}/restore`,
        )
      ).status,
    ).toBe(403);
    const outsider = await admin.newUser('ksv.giang');
    expect((await outsider.request('GET', `/api/cases/${versionsCase}/versions`)).status).toBe(404);
    expect((await owner.request('POST', `/api/cases/${versionsCase}/versions`, {})).status).toBe(
      400,
    );
    expect(
      (await owner.request('GET', `/api/cases/${versionsCase}/versions/no-such-version`)).status,
    ).toBe(404);

    // Restoring: the state before it is kept, and the trail says who restored what.
    const restored = await owner.request(
      'POST',
      `/api/cases/${versionsCase}/versions/${made.body.version.id}/restore`,
    );
    expect(restored.status).toBe(200);
    expect(restored.body.before).toMatchObject({ kind: 'auto', name: 'auto:before-restore' });
    expect((await entries('version.restored')).at(-1)?.detail).toMatchObject({
      version: made.body.version.id,
      before: restored.body.before.id,
    });
    client.destroy();
  });

  it('makes automatic versions while a case changes and when everyone has left', async () => {
    const client = connectClient(server.url, versionsCase, await owner.token());
    await synced(client);
    const names = async (on: ApiClient, id: string) =>
      (await on.request('GET', `/api/cases/${id}/versions`)).body.versions.map(
        (v: { name: string }) => v.name,
      ) as string[];
    // Changes over more than the interval (50 ms here, an hour by default) make one.
    for (let i = 0; i < 4; i++) {
      addBoard(client.doc, { kind: 'scene', title: `Hiện trường ${i}` }, 'test');
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await eventually(async () => (await names(owner, versionsCase)).includes('auto:hourly'), 5000);
    client.destroy();

    // When everyone has left: on a server with the default hour, so that no hourly version can
    // take the last change first.
    const calm = await startTestServer();
    try {
      const lan = await ApiClient.login(calm.url, ADMIN.username, ADMIN.password);
      const id = (await lan.request('POST', '/api/cases', { title: 'Vụ án yên tĩnh' })).body.id;
      const editor = connectClient(calm.url, id, await lan.token());
      await synced(editor);
      addBoard(editor.doc, { kind: 'scene', title: 'Lần cuối' }, 'test');
      await eventually(async () => (await calm.store.loadDocument(id)).lastSeq > 0, 5000);
      expect(await names(lan, id)).toEqual([]);
      editor.destroy();
      await eventually(async () => (await names(lan, id)).includes('auto:left'), 5000);
      const left = (await lan.request('GET', `/api/cases/${id}/versions`)).body.versions[0];
      const state = await fetch(`${calm.url}/api/cases/${id}/versions/${left.id}`, {
        headers: { cookie: lan.cookie },
      });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(await state.arrayBuffer()));
      expect(listBoards(doc).map((b) => b.title)).toContain('Lần cuối');
      // Nobody came back and nothing changed: the next departure makes no other version.
      const again = connectClient(calm.url, id, await lan.token());
      await synced(again);
      again.destroy();
      await eventually(() => !calm.rooms.isLoaded(id), 5000, 'the room unloaded');
      // A later marker: a departure after a change makes its version; had the one before made
      // one too, it would be listed (it started first, on the same store).
      const last = connectClient(calm.url, id, await lan.token());
      await synced(last);
      addBoard(last.doc, { kind: 'scene', title: 'Sau cùng' }, 'test');
      await eventually(async () => (await calm.store.loadDocument(id)).lastSeq > 1, 5000);
      last.destroy();
      await eventually(async () => (await names(lan, id)).length >= 2, 5000, 'the later version');
      expect(await names(lan, id)).toEqual(['auto:left', 'auto:left']);
    } finally {
      await calm.dispose();
    }
  });

  it('drops automatic versions past the retention an administrator sets; named ones stay', async () => {
    await server.store.createVersion(
      {
        id: 'old-auto',
        caseId: versionsCase,
        kind: 'auto',
        name: 'auto:hourly',
        author: 'server',
        createdAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
        bytes: 2,
      },
      Y.encodeStateAsUpdate(new Y.Doc()),
    );
    await server.store.createVersion(
      {
        id: 'old-named',
        caseId: versionsCase,
        kind: 'named',
        name: 'Kết luận điều tra',
        author: 'ksv.lan',
        createdAt: new Date(Date.now() - 400 * 86_400_000).toISOString(),
        bytes: 2,
      },
      Y.encodeStateAsUpdate(new Y.Doc()),
    );
    expect(
      (await owner.request('PUT', '/api/admin/settings', { autoVersionDays: 30 })).status,
    ).toBe(403);
    expect(
      (await admin.request('PUT', '/api/admin/settings', { autoVersionDays: -1 })).status,
    ).toBe(400);
    const set = await admin.request('PUT', '/api/admin/settings', { autoVersionDays: 30 });
    expect(set.body).toEqual({ autoVersionDays: 30, dropped: 1 });
    expect((await admin.request('GET', '/api/admin/settings')).body).toEqual({
      autoVersionDays: 30,
    });
    const ids = (
      await owner.request('GET', `/api/cases/${versionsCase}/versions`)
    ).body.versions.map((v: { id: string }) => v.id);
    expect(ids).toContain('old-named');
    expect(ids).not.toContain('old-auto');
    expect((await entries('settings.changed')).at(-1)?.detail).toEqual({ autoVersionDays: 30 });
  });
});
