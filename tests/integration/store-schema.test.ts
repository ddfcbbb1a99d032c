/**
 * The stores' schemas: SQLite's numbered migrations (including databases made before they were
 * numbered) and the indexes both stores must have.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chainHash, GENESIS, type AuditRow } from '../../server/store/chain.ts';
import { PgStore } from '../../server/store/postgres.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';
import { SQLITE_MIGRATIONS } from '../../server/store/sqliteMigrations.ts';
import { DATABASE_URL, dropSchema, freshSchema, legacySqliteSchema } from '../helpers/stores.ts';

const LATEST = SQLITE_MIGRATIONS.length;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-schema-'));
  dirs.push(dir);
  return dir;
}

/** A database file as an older server left it, with a user, a session, a case and its trail. */
function legacyDatabase(stage: 'base' | 'chained' | 'current'): string {
  const dir = dataDir();
  const db = new Database(join(dir, 'caseboard.db'));
  db.exec(legacySqliteSchema(stage));
  const at = '2026-01-02T03:04:05.000Z';
  db.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?)').run('u1', 'lan', 'Lan', 'h', 1, at);
  const session = ['s1', 'u1', 'session', Date.now() + 60_000];
  const token = ['t1', 'u1', 'token', Date.now() + 60_000];
  const sessionSql =
    'INSERT INTO sessions (token_hash, user_id, kind, expires_at) VALUES (?, ?, ?, ?)';
  db.prepare(sessionSql).run(...session);
  db.prepare(sessionSql).run(...token);
  db.prepare('INSERT INTO cases (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
    'c1',
    'Vụ án',
    at,
    at,
  );
  db.prepare('INSERT INTO members VALUES (?, ?, ?)').run('c1', 'u1', 'owner');
  let previous = GENESIS;
  for (const seq of [1, 2]) {
    const row: AuditRow = {
      seq,
      case_id: 'c1',
      at,
      actor: 'lan',
      action: 'case.create',
      detail: '{}',
      hash: null,
    };
    if (stage === 'base') {
      db.prepare(
        'INSERT INTO audit_events (seq, case_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(seq, row.case_id, at, row.actor, row.action, row.detail);
      continue;
    }
    previous = chainHash(previous, row);
    db.prepare('INSERT INTO audit_events VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      seq,
      row.case_id,
      at,
      row.actor,
      row.action,
      row.detail,
      previous,
    );
  }
  db.close();
  return dir;
}

function inspect(dir: string) {
  const db = new Database(join(dir, 'caseboard.db'), { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      indexes: (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as Array<{
          name: string;
        }>
      ).map((r) => r.name),
    };
  } finally {
    db.close();
  }
}

describe('SQLite migrations', () => {
  it('creates a new database at the latest version, with the sessions_by_user index', async () => {
    const dir = dataDir();
    await new SqliteStore(dir).close();
    const { version, indexes } = inspect(dir);
    expect(version).toBe(LATEST);
    expect(indexes).toEqual(expect.arrayContaining(['sessions_by_user', 'sessions_by_parent']));
    // Opening again runs nothing and changes nothing.
    await new SqliteStore(dir).close();
    expect(inspect(dir).version).toBe(LATEST);
  });

  it('migrates a database of the last unnumbered schema, keeping every account, session and entry', async () => {
    const dir = legacyDatabase('current');
    expect(inspect(dir)).toMatchObject({ version: 0 });
    const store = new SqliteStore(dir);
    try {
      expect(inspect(dir).version).toBe(LATEST);
      expect(inspect(dir).indexes).toContain('sessions_by_user');
      expect((await store.getUserByUsername('lan'))?.admin).toBe(true);
      expect(await store.getSession('s1')).toMatchObject({ userId: 'u1', parent: null });
      // At this schema tokens already had their parent column: nothing is deleted.
      expect(await store.getSession('t1')).toMatchObject({ kind: 'token' });
      expect((await store.listCasesOf('u1')).map((c) => c.title)).toEqual(['Vụ án']);
      expect(await store.verifyAudit()).toMatchObject({ ok: true, checked: 2 });
      // The trail is still append-only.
      expect(() =>
        store.database.prepare("UPDATE audit_events SET actor = 'x' WHERE seq = 1").run(),
      ).toThrow(/cannot be changed/);
      await store.recordAudit({
        caseId: 'c1',
        at: new Date().toISOString(),
        actor: 'lan',
        action: 'x',
      });
      expect(await store.verifyAudit()).toMatchObject({ ok: true, checked: 3 });
    } finally {
      await store.close();
    }
  });

  it('migrates an older database: chains its trail and ends sync tokens that name no session', async () => {
    const dir = legacyDatabase('base');
    const store = new SqliteStore(dir);
    try {
      expect(inspect(dir).version).toBe(LATEST);
      expect(await store.verifyAudit()).toMatchObject({ ok: true, checked: 2 });
      expect(await store.getSession('s1')).not.toBeNull();
      expect(await store.getSession('t1')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('refuses a database made by a newer server', () => {
    const dir = dataDir();
    const db = new Database(join(dir, 'caseboard.db'));
    db.pragma(`user_version = ${LATEST + 1}`);
    db.close();
    expect(() => new SqliteStore(dir)).toThrow(/newer than this server/);
  });
});

describe.skipIf(!DATABASE_URL)('PostgreSQL schema', () => {
  it('has the same sessions_by_user index as SQLite', async () => {
    const schema = freshSchema();
    const store = await PgStore.open(DATABASE_URL, { schema });
    try {
      const { rows } = await store.database.query<{ indexname: string }>(
        'SELECT indexname FROM pg_indexes WHERE schemaname = $1',
        [schema],
      );
      expect(rows.map((r) => r.indexname)).toEqual(
        expect.arrayContaining(['sessions_by_user', 'sessions_by_parent']),
      );
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });
});
