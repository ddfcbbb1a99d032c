import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chainHash, GENESIS, type AuditRow } from './chain.ts';
import { PAGE_TEXT_SCHEMA } from '../ocr/schema.ts';

/**
 * The SQLite schema as numbered migrations, like `PG_MIGRATIONS`: the database's
 * `PRAGMA user_version` is the number of migrations it has run. Each runs once, in a transaction
 * that also sets the new version. Never edit one that has shipped: add the next.
 *
 * Databases made before the numbering have user_version 0 and tables already there: their
 * version is told by their columns (`unnumberedVersion`) and they go on from it. Migrations 1 to 3
 * are also written to change only what a database lacks, as the code before them did at each start.
 */
export const SQLITE_MIGRATIONS: ReadonlyArray<(db: Database.Database) => void> = [
  (db) => db.exec(baseSchema),
  (db) => chainAudit(db),
  (db) => sessionParents(db),
  // The index PostgreSQL had from the start: a user's sessions, ended at log-out everywhere.
  (db) => db.exec('CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions(user_id)'),
  // The read text of case-file pages and how far each file's reading got (server/ocr/).
  (db) => db.exec(PAGE_TEXT_SCHEMA),
];

/**
 * Opens (or creates) `DATA_DIR/caseboard.db` in WAL mode, migrated to the latest version. With
 * `durable`, every commit is fsynced (synchronous = FULL).
 */
export function openSqlite(dataDir: string, durable: boolean): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'caseboard.db'));
  db.pragma('journal_mode = WAL');
  db.pragma(durable ? 'synchronous = FULL' : 'synchronous = OFF');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db);
  return db;
}

/** Runs the migrations `db` has not run yet; returns the version it is at afterwards. */
export function migrateSqlite(db: Database.Database): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  if (version === 0) version = unnumberedVersion(db);
  if (version > SQLITE_MIGRATIONS.length)
    throw new Error(
      `The database is at schema version ${version}, newer than this server (${SQLITE_MIGRATIONS.length}).`,
    );
  for (; version < SQLITE_MIGRATIONS.length; version++) {
    const migration = SQLITE_MIGRATIONS[version]!;
    db.transaction(() => {
      migration(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return version;
}

const baseSchema = `
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

/**
 * The version of a database made before the migrations were numbered (user_version 0), told by
 * its columns: 0 for an empty file. Such a database ran the base schema at every start, so it may
 * lack a table added late; those are created here (IF NOT EXISTS) and it counts as migrated to 1.
 */
function unnumberedVersion(db: Database.Database): number {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'users'")
    .all();
  if (tables.length === 0) return 0;
  db.exec(baseSchema);
  if (!columnsOf(db, 'audit_events').includes('hash')) return 1;
  return columnsOf(db, 'sessions').includes('parent') ? 3 : 2;
}

const columnsOf = (db: Database.Database, table: string): string[] =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);

/**
 * The audit trail's hash chain (added after the table): a `hash` column, entries made before it
 * chained in order, and triggers that refuse UPDATE and DELETE (the product only appends).
 */
function chainAudit(db: Database.Database): void {
  const chained = columnsOf(db, 'audit_events').includes('hash');
  if (!chained) db.exec('ALTER TABLE audit_events ADD COLUMN hash TEXT');
  db.exec(`
    CREATE TRIGGER IF NOT EXISTS audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
    CREATE TRIGGER IF NOT EXISTS audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END;`);
  // Only entries written before the chain existed are chained here, once. In a chained trail an
  // entry without a hash was tampered with, and stays a break for `verifyAudit` to report.
  if (chained) return;
  const unchained = db
    .prepare('SELECT * FROM audit_events WHERE hash IS NULL ORDER BY seq')
    .all() as AuditRow[];
  if (unchained.length === 0) return;
  db.exec('DROP TRIGGER audit_events_no_update');
  const set = db.prepare('UPDATE audit_events SET hash = ? WHERE seq = ?');
  let previous = GENESIS;
  for (const row of unchained) {
    previous = chainHash(previous, row);
    set.run(previous, row.seq);
  }
  db.exec(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;`);
}

/** Sync tokens name the session that minted them (added after the table). */
function sessionParents(db: Database.Database): void {
  if (!columnsOf(db, 'sessions').includes('parent')) {
    // Tokens from before cannot be tied to a session: they go (they last ten minutes anyway).
    db.exec(`DELETE FROM sessions WHERE kind = 'token';
      ALTER TABLE sessions ADD COLUMN parent TEXT;`);
  }
  db.exec('CREATE INDEX IF NOT EXISTS sessions_by_parent ON sessions(parent)');
}
