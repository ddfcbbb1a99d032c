import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PgStore } from '../../server/store/postgres.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';
import type { Store } from '../../server/store/Store.ts';

/** PostgreSQL for the tests that need it; unset means they are skipped, and say so. */
export const DATABASE_URL =
  process.env.CASEBOARD_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? '';
export const REDIS_URL = process.env.CASEBOARD_TEST_REDIS_URL ?? process.env.REDIS_URL ?? '';

export const PG_SKIP_REASON =
  'DATABASE_URL is not set: the PostgreSQL tests were skipped (.ci/run sets it; see docs/deploy.md)';

/** A fresh, empty schema name for one test run. */
export function freshSchema(): string {
  return `cb_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A store backend under test: opens a store on the same data each time, and cleans up. */
export interface Backend {
  name: 'sqlite' | 'postgres';
  /** The data folder (temporary files of uploads; the case-file bytes too with SQLite). */
  dir: string;
  open(): Promise<Store>;
  dispose(): Promise<void>;
  /** Changes an audit entry the way someone with the database would: guard removed, row edited. */
  tamper(store: Store, seq: number, actor: string): Promise<void>;
  /** The same edit with the guard in place (it must be refused). */
  tryUpdate(store: Store, seq: number): Promise<void>;
}

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-store-'));
  return {
    name: 'sqlite',
    dir,
    open: async () => new SqliteStore(dir),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
    tamper: async (store, seq, actor) => {
      const db = (store as SqliteStore).database;
      db.exec('DROP TRIGGER audit_events_no_update');
      db.prepare('UPDATE audit_events SET actor = ? WHERE seq = ?').run(actor, seq);
    },
    tryUpdate: async (store, seq) => {
      (store as SqliteStore).database
        .prepare("UPDATE audit_events SET actor = 'x' WHERE seq = ?")
        .run(seq);
    },
  };
}

export function postgresBackend(): Backend {
  const schema = freshSchema();
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-store-'));
  return {
    name: 'postgres',
    dir,
    open: () => PgStore.open(DATABASE_URL, { schema }),
    dispose: async () => {
      rmSync(dir, { recursive: true, force: true });
      await dropSchema(schema);
    },
    tamper: async (store, seq, actor) => {
      const db = (store as PgStore).database;
      await db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await db.query('UPDATE audit_events SET actor = $1 WHERE seq = $2', [actor, seq]);
    },
    tryUpdate: async (store, seq) => {
      await (store as PgStore).database.query(
        "UPDATE audit_events SET actor = 'x' WHERE seq = $1",
        [seq],
      );
    },
  };
}

/**
 * The SQLite schema as servers made it before migrations were numbered (user_version 0), at the
 * stage given: `base` (the tables), `chained` (+ the audit trail's hash and guards), `current`
 * (+ sync tokens' parent session: the last schema before numbering). A fixture: never edit.
 */
export function legacySqliteSchema(stage: 'base' | 'chained' | 'current'): string {
  const chained = `ALTER TABLE audit_events ADD COLUMN hash TEXT;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END;`;
  const current = `ALTER TABLE sessions ADD COLUMN parent TEXT;
CREATE INDEX sessions_by_parent ON sessions(parent);`;
  if (stage === 'base') return LEGACY_BASE;
  if (stage === 'chained') return `${LEGACY_BASE}${chained}`;
  return `${LEGACY_BASE}${chained}\n${current}`;
}

const LEGACY_BASE = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL, admin INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS cases (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, case_number TEXT NOT NULL DEFAULT '',
  offences TEXT NOT NULL DEFAULT '[]', classification TEXT NOT NULL DEFAULT 'none',
  archived INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS members (
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL, PRIMARY KEY (case_id, user_id));
CREATE INDEX IF NOT EXISTS members_by_user ON members(user_id);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  data BLOB NOT NULL, upto_seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, case_id TEXT NOT NULL, data BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS doc_updates_by_case ON doc_updates(case_id, seq);
CREATE TABLE IF NOT EXISTS case_files (
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE, hash TEXT NOT NULL,
  name TEXT NOT NULL, mime TEXT NOT NULL, size INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL, uploaded_at TEXT NOT NULL, PRIMARY KEY (case_id, hash));
CREATE TABLE IF NOT EXISTS hearing_links (
  id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE, label TEXT NOT NULL, created_by TEXT NOT NULL,
  created_at TEXT NOT NULL, expires_at TEXT NOT NULL, revoked_at TEXT);
CREATE INDEX IF NOT EXISTS hearing_links_by_case ON hearing_links(case_id);
CREATE TABLE IF NOT EXISTS hearing_link_uses (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  link_id TEXT NOT NULL REFERENCES hearing_links(id) ON DELETE CASCADE,
  at TEXT NOT NULL, what TEXT NOT NULL, address TEXT NOT NULL, agent TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS hearing_link_uses_by_link ON hearing_link_uses(link_id, seq);
CREATE TABLE IF NOT EXISTS audit_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, case_id TEXT NOT NULL, at TEXT NOT NULL,
  actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '{}');
CREATE INDEX IF NOT EXISTS audit_events_by_case ON audit_events(case_id, seq);
CREATE TABLE IF NOT EXISTS versions (
  id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, name TEXT NOT NULL, author TEXT NOT NULL, created_at TEXT NOT NULL,
  bytes INTEGER NOT NULL, state BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS versions_by_case ON versions(case_id, created_at);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
