/**
 * `npm run migrate-to-postgres`: a SQLite deployment with accounts, a case with its document, a
 * file, versions and an audit trail is copied into PostgreSQL, and a server on PostgreSQL with an
 * empty data folder then serves all of it; a second copy into the same database is refused.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBoard, listBoards } from '../../src/core/index.ts';
import { makePng } from '../helpers/files.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { DATABASE_URL, dropSchema, freshSchema, PG_SKIP_REASON } from '../helpers/stores.ts';
import { connectClient, eventually, synced } from '../helpers/sync.ts';

if (!DATABASE_URL) console.warn(`migration test: ${PG_SKIP_REASON}`);
const schema = freshSchema();

function migrate(dataDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/migrate.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL, DATABASE_SCHEMA: schema },
    encoding: 'utf8',
  });
}

describe.skipIf(!DATABASE_URL)('migrating SQLite into PostgreSQL', () => {
  let onPg: TestServer | null = null;
  let sqliteDir = '';
  afterAll(async () => {
    await onPg?.dispose();
    if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
    if (DATABASE_URL) await dropSchema(schema);
  });

  it('copies everything, and a server on PostgreSQL serves it', { timeout: 60_000 }, async () => {
    const sqlite = await startTestServer();
    const admin = await ApiClient.login(sqlite.url, ADMIN.username, ADMIN.password);
    const lan = await admin.newUser('ksv.lan', 'Trần Thị Lan');
    const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ án cũ' })).body.id;
    const writer = connectClient(sqlite.url, caseId, await lan.token());
    await synced(writer);
    addBoard(writer.doc, { kind: 'mindmap', title: 'Sơ đồ đã có' }, 'test');
    await eventually(async () => (await sqlite.store.loadDocument(caseId)).lastSeq > 0, 5000);
    writer.destroy();
    await lan.request('POST', `/api/cases/${caseId}/versions`, { name: 'Trước khi chuyển' });
    const png = makePng(20, 10);
    const upload = await fetch(`${sqlite.url}/api/cases/${caseId}/files?name=anh.png`, {
      method: 'POST',
      headers: { cookie: lan.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(png),
    });
    const { hash } = (await upload.json()) as { hash: string };
    const trail = (await admin.request('GET', '/api/audit?limit=100000')).body.events.length;
    const dataDir = sqlite.dataDir;
    await sqlite.close();

    const copied = migrate(dataDir);
    expect(copied.status, copied.stderr).toBe(0);
    expect(copied.stdout).toContain('the audit trail checks the same');
    expect(copied.stdout).toContain('case files: 1 copied and checked');

    // On a fresh data folder: everything, the case file's bytes too, now comes from PostgreSQL.
    onPg = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
    sqliteDir = dataDir;
    // The same password, the same case, document, version, file and trail.
    const again = await ApiClient.login(onPg.url, 'ksv.lan', 'ksv.lan-password');
    expect(
      (await again.request('GET', '/api/cases')).body.cases.map((c: { title: string }) => c.title),
    ).toEqual(['Vụ án cũ']);
    const reader = connectClient(onPg.url, caseId, await again.token(), new Y.Doc());
    await synced(reader);
    expect(listBoards(reader.doc).map((b) => b.title)).toEqual(['Sơ đồ đã có']);
    reader.destroy();
    const versions = await again.request('GET', `/api/cases/${caseId}/versions`);
    expect(versions.body.versions.map((v: { name: string }) => v.name)).toContain(
      'Trước khi chuyển',
    );
    const file = await fetch(`${onPg.url}/api/cases/${caseId}/files/${hash}`, {
      headers: { cookie: again.cookie },
    });
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
    const adminOnPg = await ApiClient.login(onPg.url, ADMIN.username, ADMIN.password);
    expect((await adminOnPg.request('GET', '/api/audit/verify')).body).toMatchObject({ ok: true });
    const events = (await adminOnPg.request('GET', '/api/audit?limit=100000')).body.events;
    expect(events.length).toBeGreaterThan(trail);

    // Into a database that already holds data: refused, nothing changed.
    const twice = migrate(dataDir);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('already holds CaseBoard accounts or cases');
  });
});
