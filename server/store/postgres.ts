import pg from 'pg';
import * as Y from 'yjs';
import { migrateOffences } from '../../src/core/offences.ts';
import type { Role } from '../../src/core/schema.ts';
import { chainHash, GENESIS, type AuditRow } from './chain.ts';
import type {
  AuditCheck,
  AuditEvent,
  AuditFilter,
  CaseFileRecord,
  CaseRecord,
  HearingLinkRecord,
  HearingLinkUse,
  MemberRecord,
  NewUser,
  SessionRecord,
  Store,
  StoredDocument,
  UserRecord,
  VersionRecord,
} from './Store.ts';

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
];

/** Advisory lock keys (any fixed numbers; they only need to differ from each other). */
const MIGRATION_LOCK = 72_731_001;
const AUDIT_LOCK = 72_731_002;

type Queryable = pg.Pool | pg.PoolClient;

/**
 * The store in PostgreSQL, for several server instances sharing cases (`DATABASE_URL`). The same
 * interface and behaviour as `SqliteStore`, checked by the same tests. `schema` puts every table in
 * that schema (the tests give each run its own).
 */
export class PgStore implements Store {
  private readonly pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  /** Connects, creates the schema if asked, and runs the migrations not yet run. */
  static async open(url: string, options: { schema?: string; max?: number } = {}) {
    const { schema } = options;
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
    const pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // A connection that breaks while idle is dropped by the pool; without a listener it would
    // crash the process.
    pool.on('error', () => undefined);
    const store = new PgStore(pool);
    try {
      if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await store.migrate();
    } catch (err) {
      await pool.end();
      throw err;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (c) => {
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
    });
  }

  /** Runs `work` in one transaction on one connection; rolled back if it throws. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** The connection pool, for maintenance tools and tests. */
  get database(): pg.Pool {
    return this.pool;
  }

  private async rows<T>(sql: string, params: unknown[] = [], db: Queryable = this.pool) {
    return (await db.query(sql, params)).rows as T[];
  }

  async createUser(u: NewUser): Promise<void> {
    await this.pool.query(
      'INSERT INTO users (id, username, display_name, password_hash, admin, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [u.id, u.username, u.displayName, u.passwordHash, u.admin, new Date().toISOString()],
    );
  }

  async getUserByUsername(username: string): Promise<UserRecord | null> {
    const [row] = await this.rows<UserRow>(`${userSelect} WHERE username = $1`, [username]);
    return row ?? null;
  }

  async getUserById(id: string): Promise<UserRecord | null> {
    const [row] = await this.rows<UserRow>(`${userSelect} WHERE id = $1`, [id]);
    return row ?? null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.rows<UserRow>(`${userSelect} ORDER BY username`);
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO sessions (token_hash, user_id, kind, expires_at, parent) VALUES ($1, $2, $3, $4, $5)',
      [s.tokenHash, s.userId, s.kind, s.expiresAt, s.parent],
    );
  }

  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    const [row] = await this.rows<SessionRecord>(
      `SELECT token_hash AS "tokenHash", user_id AS "userId", kind, expires_at::float8 AS "expiresAt",
       parent FROM sessions WHERE token_hash = $1`,
      [tokenHash],
    );
    return row ?? null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_hash = $1 OR parent = $1', [tokenHash]);
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    return (await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now])).rowCount!;
  }

  async deleteSessionsOf(userId: string, keepTokenHash: string | null): Promise<number> {
    const result = await this.pool.query(
      `DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2
       AND ($2::text IS NULL OR parent IS DISTINCT FROM $2)`,
      [userId, keepTokenHash],
    );
    return result.rowCount!;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.pool.query('UPDATE users SET password_hash = $1 WHERE id = $2', [
      passwordHash,
      userId,
    ]);
  }

  async createCase(c: CaseRecord, ownerId: string, snapshot: Uint8Array): Promise<void> {
    await this.transaction(async (db) => {
      await db.query(
        `INSERT INTO cases (id, title, case_number, offences, classification, archived, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          c.id,
          c.title,
          c.caseNumber,
          JSON.stringify(c.offences),
          c.classification,
          c.archived,
          c.createdAt,
          c.updatedAt,
        ],
      );
      await db.query("INSERT INTO members (case_id, user_id, role) VALUES ($1, $2, 'owner')", [
        c.id,
        ownerId,
      ]);
      await db.query('INSERT INTO doc_snapshots (case_id, data, upto_seq) VALUES ($1, $2, 0)', [
        c.id,
        Buffer.from(snapshot),
      ]);
    });
  }

  async getCase(id: string): Promise<CaseRecord | null> {
    const [row] = await this.rows<CaseRow>('SELECT * FROM cases WHERE id = $1', [id]);
    return row ? toCase(row) : null;
  }

  async updateCase(
    id: string,
    patch: Partial<Omit<CaseRecord, 'id' | 'createdAt'>>,
  ): Promise<void> {
    const columns: Record<string, unknown> = {};
    if (patch.title !== undefined) columns.title = patch.title;
    if (patch.caseNumber !== undefined) columns.case_number = patch.caseNumber;
    if (patch.offences !== undefined) columns.offences = JSON.stringify(patch.offences);
    if (patch.classification !== undefined) columns.classification = patch.classification;
    if (patch.archived !== undefined) columns.archived = patch.archived;
    columns.updated_at = patch.updatedAt ?? new Date().toISOString();
    const names = Object.keys(columns);
    await this.pool.query(
      `UPDATE cases SET ${names.map((n, i) => `${n} = $${i + 2}`).join(', ')} WHERE id = $1`,
      [id, ...names.map((n) => columns[n])],
    );
  }

  async listCasesOf(userId: string): Promise<Array<CaseRecord & { role: Role }>> {
    const rows = await this.rows<CaseRow & { role: Role }>(
      `SELECT c.*, m.role FROM cases c JOIN members m ON m.case_id = c.id
       WHERE m.user_id = $1 ORDER BY c.updated_at DESC`,
      [userId],
    );
    return rows.map((r) => ({ ...toCase(r), role: r.role }));
  }

  async getRole(caseId: string, userId: string): Promise<Role | null> {
    const [row] = await this.rows<{ role: Role }>(
      'SELECT role FROM members WHERE case_id = $1 AND user_id = $2',
      [caseId, userId],
    );
    return row?.role ?? null;
  }

  async listMembers(caseId: string): Promise<MemberRecord[]> {
    return this.rows<MemberRecord>(
      `SELECT u.id AS "userId", u.username, u.display_name AS "displayName", m.role FROM members m
       JOIN users u ON u.id = m.user_id WHERE m.case_id = $1 ORDER BY u.username`,
      [caseId],
    );
  }

  async setMember(caseId: string, userId: string, role: Role): Promise<boolean> {
    return this.transaction(async (db) => {
      if (role !== 'owner' && (await this.isLastOwner(db, caseId, userId))) return false;
      await db.query(
        `INSERT INTO members (case_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (case_id, user_id) DO UPDATE SET role = excluded.role`,
        [caseId, userId, role],
      );
      return true;
    });
  }

  async removeMember(caseId: string, userId: string): Promise<boolean> {
    return this.transaction(async (db) => {
      if (await this.isLastOwner(db, caseId, userId)) return false;
      await db.query('DELETE FROM members WHERE case_id = $1 AND user_id = $2', [caseId, userId]);
      return true;
    });
  }

  /** Locks the case's owners (two removals at once cannot both pass) and checks. */
  private async isLastOwner(db: Queryable, caseId: string, userId: string): Promise<boolean> {
    const owners = await this.rows<{ user_id: string }>(
      "SELECT user_id FROM members WHERE case_id = $1 AND role = 'owner' FOR UPDATE",
      [caseId],
      db,
    );
    return owners.length === 1 && owners[0]?.user_id === userId;
  }

  /**
   * The snapshot and every update stored beside it. With several instances appending, sequence
   * numbers may commit out of order, so every remaining update is loaded, not only those above
   * the snapshot's: compaction removes exactly the updates it merged.
   */
  async loadDocument(caseId: string): Promise<StoredDocument> {
    return this.transaction(async (db) => {
      await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const [snapshot] = await this.rows<{ data: Buffer; upto_seq: string }>(
        'SELECT data, upto_seq FROM doc_snapshots WHERE case_id = $1',
        [caseId],
        db,
      );
      const rows = await this.rows<{ seq: string; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE case_id = $1 ORDER BY seq',
        [caseId],
        db,
      );
      const updates = [...(snapshot ? [snapshot.data] : []), ...rows.map((r) => r.data)].map(
        (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
      );
      return {
        updates,
        lastSeq: Number(rows.at(-1)?.seq ?? snapshot?.upto_seq ?? 0),
        bytes: updates.reduce((sum, u) => sum + u.byteLength, 0),
        updatesSinceSnapshot: rows.length,
      };
    });
  }

  /**
   * Group commit, as in SQLite: appends of one event-loop turn go in one transaction, and each
   * promise resolves once that transaction committed.
   */
  appendUpdate(caseId: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ caseId, update, resolve, reject });
      if (this.pendingAppends.length === 1) setImmediate(() => void this.flushAppends());
    });
  }

  private readonly pendingAppends: Array<{
    caseId: string;
    update: Uint8Array;
    resolve(seq: number): void;
    reject(err: unknown): void;
  }> = [];
  private flushing: Promise<void> = Promise.resolve();

  private flushAppends(): Promise<void> {
    const batch = this.pendingAppends.splice(0);
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      try {
        const result = await this.pool.query<{ seq: string }>(
          `INSERT INTO doc_updates (case_id, data)
           SELECT t.case_id, t.data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(case_id, data, n)
           ORDER BY n RETURNING seq`,
          [batch.map((b) => b.caseId), batch.map((b) => Buffer.from(b.update))],
        );
        const seqs = result.rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
        batch.forEach((item, i) => item.resolve(seqs[i]!));
      } catch (err) {
        for (const item of batch) item.reject(err);
      }
    });
    return this.flushing;
  }

  /**
   * Compaction, safe with several instances: under a per-case lock (so two never run at once),
   * the stored snapshot, every stored update and the caller's `snapshot` are merged into one
   * document; the updates merged are deleted and nothing else. An update another instance stores
   * meanwhile stays beside the new snapshot. `uptoSeq` is recorded for information only.
   */
  async compactDocument(caseId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    await this.transaction(async (db) => {
      await db.query("SELECT pg_advisory_xact_lock(hashtext('compact:' || $1))", [caseId]);
      const [stored] = await this.rows<{ data: Buffer }>(
        'SELECT data FROM doc_snapshots WHERE case_id = $1 FOR UPDATE',
        [caseId],
        db,
      );
      const rows = await this.rows<{ seq: string; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE case_id = $1 ORDER BY seq FOR UPDATE',
        [caseId],
        db,
      );
      const doc = new Y.Doc();
      doc.transact(() => {
        if (stored) Y.applyUpdate(doc, stored.data);
        for (const row of rows) Y.applyUpdate(doc, row.data);
        Y.applyUpdate(doc, snapshot);
      });
      const merged = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const upto = Math.max(uptoSeq, ...rows.map((r) => Number(r.seq)));
      await db.query(
        `INSERT INTO doc_snapshots (case_id, data, upto_seq) VALUES ($1, $2, $3)
         ON CONFLICT (case_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq`,
        [caseId, Buffer.from(merged), upto],
      );
      if (rows.length > 0)
        await db.query('DELETE FROM doc_updates WHERE seq = ANY($1::bigint[])', [
          rows.map((r) => r.seq),
        ]);
    });
  }

  async addCaseFile(f: CaseFileRecord): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO case_files (case_id, hash, name, mime, size, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (case_id, hash) DO NOTHING`,
      [f.caseId, f.hash, f.name, f.mime, f.size, f.uploadedBy, f.uploadedAt],
    );
    return result.rowCount === 1;
  }

  async listCaseFiles(caseId: string): Promise<CaseFileRecord[]> {
    return this.rows<CaseFileRecord>(
      `${caseFileSelect} WHERE case_id = $1 ORDER BY uploaded_at, name`,
      [caseId],
    );
  }

  async getCaseFile(caseId: string, hash: string): Promise<CaseFileRecord | null> {
    const [row] = await this.rows<CaseFileRecord>(
      `${caseFileSelect} WHERE case_id = $1 AND hash = $2`,
      [caseId, hash],
    );
    return row ?? null;
  }

  async createLink(link: HearingLinkRecord, tokenHash: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO hearing_links (id, case_id, token_hash, label, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [link.id, link.caseId, tokenHash, link.label, link.createdBy, link.createdAt, link.expiresAt],
    );
  }

  async listLinks(caseId: string): Promise<HearingLinkRecord[]> {
    return this.rows<HearingLinkRecord>(
      `${linkSelect} WHERE l.case_id = $1 GROUP BY l.id ORDER BY l.created_at DESC, l.id`,
      [caseId],
    );
  }

  async getLinkByHash(tokenHash: string): Promise<HearingLinkRecord | null> {
    const [row] = await this.rows<HearingLinkRecord>(
      `${linkSelect} WHERE l.token_hash = $1 GROUP BY l.id`,
      [tokenHash],
    );
    return row ?? null;
  }

  async revokeLink(caseId: string, id: string, at: string): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE hearing_links SET revoked_at = $1 WHERE case_id = $2 AND id = $3 AND revoked_at IS NULL',
      [at, caseId, id],
    );
    return result.rowCount === 1;
  }

  async recordLinkUse(use: HearingLinkUse): Promise<void> {
    await this.pool.query(
      'INSERT INTO hearing_link_uses (link_id, at, what, address, agent) VALUES ($1, $2, $3, $4, $5)',
      [use.linkId, use.at, use.what, use.address, use.agent],
    );
  }

  async listLinkUses(linkId: string): Promise<HearingLinkUse[]> {
    return this.rows<HearingLinkUse>(
      `SELECT link_id AS "linkId", at, what, address, agent FROM hearing_link_uses
       WHERE link_id = $1 ORDER BY seq`,
      [linkId],
    );
  }

  /** One transaction under a global lock: entries from every instance chain in one order. */
  async recordAudit(event: AuditEvent): Promise<void> {
    await this.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
      const [last] = await this.rows<{ seq: string; hash: string }>(
        'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
        [],
        db,
      );
      const row: AuditRow = {
        seq: Number(last?.seq ?? 0) + 1,
        case_id: event.caseId,
        at: event.at,
        actor: event.actor,
        action: event.action,
        detail: JSON.stringify(event.detail ?? {}),
        hash: null,
      };
      await db.query(
        'INSERT INTO audit_events (seq, case_id, at, actor, action, detail, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [
          row.seq,
          row.case_id,
          row.at,
          row.actor,
          row.action,
          row.detail,
          chainHash(last?.hash ?? GENESIS, row),
        ],
      );
    });
  }

  async listAudit(caseId: string): Promise<AuditEvent[]> {
    return this.queryAudit({ caseIds: [caseId], limit: 100_000 });
  }

  async queryAudit(filter: AuditFilter): Promise<AuditEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.caseIds) {
      if (filter.caseIds.length === 0) return [];
      where.push(`case_id = ANY(${param([...filter.caseIds])}::text[])`);
    }
    if (filter.actor) where.push(`actor = ${param(filter.actor)}`);
    if (filter.action) {
      if (filter.action.endsWith('.'))
        where.push(`left(action, ${param(filter.action.length)}) = ${param(filter.action)}`);
      else where.push(`action = ${param(filter.action)}`);
    }
    if (filter.from) where.push(`at >= ${param(filter.from)}`);
    if (filter.to) where.push(`at <= ${param(filter.to)}`);
    const limit = param(Math.min(filter.limit ?? 10_000, Number.MAX_SAFE_INTEGER));
    const rows = await this.rows<AuditRow & { seq: string }>(
      `SELECT * FROM (SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY seq DESC LIMIT ${limit}) AS newest ORDER BY seq`,
      params,
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      caseId: r.case_id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }

  async verifyAudit(): Promise<AuditCheck> {
    let previous = GENESIS;
    let checked = 0;
    // In pages, so that a long trail is not held in memory at once.
    for (let after = 0; ;) {
      const rows = await this.rows<AuditRow & { seq: string }>(
        'SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT 5000',
        [after],
      );
      if (rows.length === 0) return { ok: true, checked, head: previous };
      for (const raw of rows) {
        const row = { ...raw, seq: Number(raw.seq) };
        const expected = chainHash(previous, row);
        if (row.hash !== expected) return { ok: false, checked, brokenAt: row.seq, head: previous };
        previous = expected;
        checked++;
        after = row.seq;
      }
    }
  }

  async createVersion(v: VersionRecord, state: Uint8Array): Promise<void> {
    await this.pool.query(
      `INSERT INTO versions (id, case_id, kind, name, author, created_at, bytes, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [v.id, v.caseId, v.kind, v.name, v.author, v.createdAt, state.byteLength, Buffer.from(state)],
    );
  }

  async listVersions(caseId: string): Promise<VersionRecord[]> {
    return this.rows<VersionRecord>(
      `SELECT id, case_id AS "caseId", kind, name, author, created_at AS "createdAt",
       bytes::float8 AS bytes FROM versions WHERE case_id = $1 ORDER BY created_at DESC, id`,
      [caseId],
    );
  }

  async getVersionState(caseId: string, id: string): Promise<Uint8Array | null> {
    const [row] = await this.rows<{ state: Buffer }>(
      'SELECT state FROM versions WHERE case_id = $1 AND id = $2',
      [caseId, id],
    );
    return row
      ? new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength)
      : null;
  }

  async deleteAutoVersions(before: string): Promise<number> {
    const result = await this.pool.query(
      "DELETE FROM versions WHERE kind = 'auto' AND created_at < $1",
      [before],
    );
    return result.rowCount!;
  }

  async getSetting(key: string): Promise<string | null> {
    const [row] = await this.rows<{ value: string }>('SELECT value FROM settings WHERE key = $1', [
      key,
    ]);
    return row?.value ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO settings (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [key, value],
    );
  }

  async close(): Promise<void> {
    await this.flushAppends();
    await this.pool.end();
  }
}

type UserRow = UserRecord;
const userSelect = `SELECT id, username, display_name AS "displayName", password_hash AS "passwordHash",
  admin, created_at AS "createdAt" FROM users`;

interface CaseRow {
  id: string;
  title: string;
  case_number: string;
  offences: string;
  classification: CaseRecord['classification'];
  archived: boolean;
  created_at: string;
  updated_at: string;
}

function toCase(r: CaseRow): CaseRecord {
  return {
    id: r.id,
    title: r.title,
    caseNumber: r.case_number,
    offences: migrateOffences(JSON.parse(r.offences) as string[]),
    classification: r.classification,
    archived: r.archived,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const linkSelect = `SELECT l.id, l.case_id AS "caseId", l.label, l.created_by AS "createdBy",
  l.created_at AS "createdAt", l.expires_at AS "expiresAt", l.revoked_at AS "revokedAt",
  COUNT(u.seq)::int AS uses FROM hearing_links l LEFT JOIN hearing_link_uses u ON u.link_id = l.id`;
const caseFileSelect = `SELECT case_id AS "caseId", hash, name, mime, size::float8 AS size,
  uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt" FROM case_files`;
