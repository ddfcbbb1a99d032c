import type pg from 'pg';
import { PAGE_TEXT_SCHEMA } from '../ocr/schema.ts';

/**
 * Migrations, in order; each runs once, in a transaction, under a lock so that several instances
 * starting together do not run one twice. Never edit one that has shipped: add the next.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
CREATE TABLE users (
  id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL, admin BOOLEAN NOT NULL DEFAULT FALSE, created_at TEXT NOT NULL);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, expires_at BIGINT NOT NULL);
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE TABLE cases (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, case_number TEXT NOT NULL DEFAULT '',
  offences TEXT NOT NULL DEFAULT '[]', classification TEXT NOT NULL DEFAULT 'none',
  archived BOOLEAN NOT NULL DEFAULT FALSE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE members (
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL, PRIMARY KEY (case_id, user_id));
CREATE INDEX members_by_user ON members(user_id);
CREATE TABLE doc_snapshots (
  case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  data BYTEA NOT NULL, upto_seq BIGINT NOT NULL);
CREATE TABLE doc_updates (
  seq BIGSERIAL PRIMARY KEY, case_id TEXT NOT NULL, data BYTEA NOT NULL);
CREATE INDEX doc_updates_by_case ON doc_updates(case_id, seq);
CREATE TABLE case_files (
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE, hash TEXT NOT NULL,
  name TEXT NOT NULL, mime TEXT NOT NULL, size BIGINT NOT NULL,
  uploaded_by TEXT NOT NULL, uploaded_at TEXT NOT NULL, PRIMARY KEY (case_id, hash));
CREATE TABLE hearing_links (
  id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE, label TEXT NOT NULL, created_by TEXT NOT NULL,
  created_at TEXT NOT NULL, expires_at TEXT NOT NULL, revoked_at TEXT);
CREATE INDEX hearing_links_by_case ON hearing_links(case_id);
CREATE TABLE hearing_link_uses (
  seq BIGSERIAL PRIMARY KEY, link_id TEXT NOT NULL REFERENCES hearing_links(id) ON DELETE CASCADE,
  at TEXT NOT NULL, what TEXT NOT NULL, address TEXT NOT NULL, agent TEXT NOT NULL);
CREATE INDEX hearing_link_uses_by_link ON hearing_link_uses(link_id, seq);
CREATE TABLE audit_events (
  seq BIGINT PRIMARY KEY, case_id TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL,
  action TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '{}', hash TEXT NOT NULL);
CREATE INDEX audit_events_by_case ON audit_events(case_id, seq);
CREATE FUNCTION audit_events_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' THEN RAISE EXCEPTION 'audit entries cannot be changed'; END IF;
    RAISE EXCEPTION 'audit entries cannot be deleted';
  END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse();
CREATE TABLE versions (
  id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, name TEXT NOT NULL, author TEXT NOT NULL, created_at TEXT NOT NULL,
  bytes BIGINT NOT NULL, state BYTEA NOT NULL);
CREATE INDEX versions_by_case ON versions(case_id, created_at);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`,
  // Case-file bytes (server/files/PgBlobStore.ts): a file's chunks, then its row once complete.
  `
CREATE TABLE blob_chunks (hash TEXT NOT NULL, n INTEGER NOT NULL, data BYTEA NOT NULL,
  PRIMARY KEY (hash, n));
CREATE TABLE blobs (hash TEXT PRIMARY KEY, size BIGINT NOT NULL, chunks INTEGER NOT NULL);
`,
  // Sync tokens name the session that minted them; older tokens cannot be tied to one and go.
  `
DELETE FROM sessions WHERE kind = 'token';
ALTER TABLE sessions ADD COLUMN parent TEXT;
CREATE INDEX sessions_by_parent ON sessions(parent);
`,
  // The read text of case-file pages and how far each file's reading got (server/ocr/).
  PAGE_TEXT_SCHEMA,
];

/** Advisory lock key of the migrations (any fixed number, distinct from the store's others). */
const MIGRATION_LOCK = 72_731_001;

/**
 * Runs the migrations `client` (in a transaction) has not run yet, recorded one row each in
 * `schema_migrations`.
 */
export async function migratePostgres(c: pg.PoolClient): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  await c.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const done = await c.query<{ version: number }>('SELECT version FROM schema_migrations');
  const applied = new Set(done.rows.map((r) => r.version));
  for (const [index, sql] of PG_MIGRATIONS.entries()) {
    if (applied.has(index + 1)) continue;
    await c.query(sql);
    await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
      index + 1,
      new Date().toISOString(),
    ]);
  }
}
