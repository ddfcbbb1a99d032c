import type pg from 'pg';
import type { Role } from '../../src/core/schema.ts';
import { auditQuery } from './auditQuery.ts';
import { verifyChain } from './chain.ts';
import { GroupCommit } from './groupCommit.ts';
import {
  bytesOf,
  CASE_FILE_SELECT,
  caseFileValues,
  casePatchColumns,
  caseValues,
  LINK_SELECT,
  LINK_USE_SELECT,
  linkUseValues,
  linkValues,
  MEMBER_SELECT,
  SESSION_SELECT,
  sessionValues,
  toAuditEvent,
  toCase,
  toCaseFile,
  toLink,
  toLinkUse,
  toMember,
  toSession,
  toUser,
  toVersion,
  USER_SELECT,
  userValues,
  VERSION_SELECT,
  versionValues,
  type CaseRow,
} from './rows.ts';
import { appendAuditEntry, auditPages } from './pgAudit.ts';
import { appendUpdates, compactDocument, readDocument } from './pgDocuments.ts';
import { migratePostgres } from './pgMigrations.ts';
import { insertInto, POSTGRES } from './sql.ts';
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
    // pg is loaded only here: a server on SQLite never carries it (with ioredis, 13 MiB of RSS).
    const { default: driver } = await import('pg');
    const pool = new driver.Pool({
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
      await store.transaction(migratePostgres);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return store;
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

  /** The rows of `sql` as records (the mappers of rows.ts). */
  private async list<Row, T>(map: (row: Row) => T, sql: string, params: unknown[] = []) {
    return (await this.rows<Row>(sql, params)).map(map);
  }

  /** The first row of `sql` as a record, or null. */
  private async one<Row, T>(map: (row: Row) => T, sql: string, params: unknown[] = []) {
    const [row] = await this.rows<Row>(sql, params);
    return row ? map(row) : null;
  }

  /** Runs a statement; returns how many rows it changed. */
  private async run(sql: string, params: unknown[], db: Queryable = this.pool): Promise<number> {
    return (await db.query(sql, params)).rowCount ?? 0;
  }

  /** Inserts one row (see rows.ts); returns how many rows changed. */
  private async insert(
    table: string,
    row: Record<string, unknown>,
    tail = '',
    db: Queryable = this.pool,
  ): Promise<number> {
    const { sql, params } = insertInto(table, row, POSTGRES, tail);
    return this.run(sql, params, db);
  }

  async createUser(u: NewUser): Promise<void> {
    await this.insert('users', userValues(u, Boolean));
  }

  async getUserByUsername(username: string): Promise<UserRecord | null> {
    return this.one(toUser, `${USER_SELECT} WHERE username = $1`, [username]);
  }

  async getUserById(id: string): Promise<UserRecord | null> {
    return this.one(toUser, `${USER_SELECT} WHERE id = $1`, [id]);
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.list(toUser, `${USER_SELECT} ORDER BY username`);
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.insert('sessions', sessionValues(s));
  }

  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    return this.one(toSession, `${SESSION_SELECT} WHERE token_hash = $1`, [tokenHash]);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.run('DELETE FROM sessions WHERE token_hash = $1 OR parent = $1', [tokenHash]);
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    return this.run('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  }

  async deleteSessionsOf(userId: string, keepTokenHash: string | null): Promise<number> {
    return this.run(
      `DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2
       AND ($2::text IS NULL OR parent IS DISTINCT FROM $2)`,
      [userId, keepTokenHash],
    );
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.run('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, userId]);
  }

  async createCase(c: CaseRecord, ownerId: string, snapshot: Uint8Array): Promise<void> {
    await this.transaction(async (db) => {
      await this.insert('cases', caseValues(c, Boolean), '', db);
      await this.insert('members', { case_id: c.id, user_id: ownerId, role: 'owner' }, '', db);
      const row = { case_id: c.id, data: Buffer.from(snapshot), upto_seq: 0 };
      await this.insert('doc_snapshots', row, '', db);
    });
  }

  async getCase(id: string): Promise<CaseRecord | null> {
    return this.one(toCase, 'SELECT * FROM cases WHERE id = $1', [id]);
  }

  async updateCase(
    id: string,
    patch: Partial<Omit<CaseRecord, 'id' | 'createdAt'>>,
  ): Promise<void> {
    const columns = casePatchColumns(patch, Boolean);
    const names = Object.keys(columns);
    await this.pool.query(
      `UPDATE cases SET ${names.map((n, i) => `${n} = $${i + 2}`).join(', ')} WHERE id = $1`,
      [id, ...names.map((n) => columns[n])],
    );
  }

  async listCasesOf(userId: string): Promise<Array<CaseRecord & { role: Role }>> {
    return this.list(
      (r: CaseRow & { role: Role }) => ({ ...toCase(r), role: r.role }),
      `SELECT c.*, m.role FROM cases c JOIN members m ON m.case_id = c.id
       WHERE m.user_id = $1 ORDER BY c.updated_at DESC`,
      [userId],
    );
  }

  async getRole(caseId: string, userId: string): Promise<Role | null> {
    const [row] = await this.rows<{ role: Role }>(
      'SELECT role FROM members WHERE case_id = $1 AND user_id = $2',
      [caseId, userId],
    );
    return row?.role ?? null;
  }

  async listMembers(caseId: string): Promise<MemberRecord[]> {
    return this.list(toMember, `${MEMBER_SELECT} WHERE m.case_id = $1 ORDER BY u.username`, [
      caseId,
    ]);
  }

  async setMember(caseId: string, userId: string, role: Role): Promise<boolean> {
    return this.transaction(async (db) => {
      if (role !== 'owner' && (await this.isLastOwner(db, caseId, userId))) return false;
      const tail = 'ON CONFLICT (case_id, user_id) DO UPDATE SET role = excluded.role';
      await this.insert('members', { case_id: caseId, user_id: userId, role }, tail, db);
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

  async loadDocument(caseId: string): Promise<StoredDocument> {
    return this.transaction((db) => readDocument(db, caseId));
  }

  /** Group commit, as in SQLite: appends of one event-loop turn go in one statement. */
  appendUpdate(caseId: string, update: Uint8Array): Promise<number> {
    return this.appends.append(caseId, update);
  }

  private readonly appends = new GroupCommit((batch) => appendUpdates(this.pool, batch));

  async compactDocument(caseId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    await this.transaction((db) => compactDocument(db, caseId, snapshot, uptoSeq));
  }

  async addCaseFile(f: CaseFileRecord): Promise<boolean> {
    const tail = 'ON CONFLICT (case_id, hash) DO NOTHING';
    return (await this.insert('case_files', caseFileValues(f), tail)) === 1;
  }

  async listCaseFiles(caseId: string): Promise<CaseFileRecord[]> {
    return this.list(
      toCaseFile,
      `${CASE_FILE_SELECT} WHERE case_id = $1 ORDER BY uploaded_at, name`,
      [caseId],
    );
  }

  async getCaseFile(caseId: string, hash: string): Promise<CaseFileRecord | null> {
    return this.one(toCaseFile, `${CASE_FILE_SELECT} WHERE case_id = $1 AND hash = $2`, [
      caseId,
      hash,
    ]);
  }

  async createLink(link: HearingLinkRecord, tokenHash: string): Promise<void> {
    await this.insert('hearing_links', linkValues(link, tokenHash));
  }

  async listLinks(caseId: string): Promise<HearingLinkRecord[]> {
    return this.list(
      toLink,
      `${LINK_SELECT} WHERE l.case_id = $1 GROUP BY l.id ORDER BY l.created_at DESC, l.id`,
      [caseId],
    );
  }

  async getLinkByHash(tokenHash: string): Promise<HearingLinkRecord | null> {
    return this.one(toLink, `${LINK_SELECT} WHERE l.token_hash = $1 GROUP BY l.id`, [tokenHash]);
  }

  async revokeLink(caseId: string, id: string, at: string): Promise<boolean> {
    const sql = `UPDATE hearing_links SET revoked_at = $1
      WHERE case_id = $2 AND id = $3 AND revoked_at IS NULL`;
    return (await this.run(sql, [at, caseId, id])) === 1;
  }

  async recordLinkUse(use: HearingLinkUse): Promise<void> {
    await this.insert('hearing_link_uses', linkUseValues(use));
  }

  async listLinkUses(linkId: string): Promise<HearingLinkUse[]> {
    return this.list(toLinkUse, `${LINK_USE_SELECT} WHERE link_id = $1 ORDER BY seq`, [linkId]);
  }

  async recordAudit(event: AuditEvent): Promise<void> {
    await this.transaction((db) => appendAuditEntry(db, event));
  }

  async listAudit(caseId: string): Promise<AuditEvent[]> {
    return this.queryAudit({ caseIds: [caseId], limit: 100_000 });
  }

  async queryAudit(filter: AuditFilter): Promise<AuditEvent[]> {
    const query = auditQuery(filter, POSTGRES);
    return query ? this.list(toAuditEvent, query.sql, query.params) : [];
  }

  async verifyAudit(): Promise<AuditCheck> {
    return verifyChain(auditPages(this.pool));
  }

  async createVersion(v: VersionRecord, state: Uint8Array): Promise<void> {
    await this.insert('versions', versionValues(v, state));
  }

  async listVersions(caseId: string): Promise<VersionRecord[]> {
    return this.list(
      toVersion,
      `${VERSION_SELECT} WHERE case_id = $1 ORDER BY created_at DESC, id`,
      [caseId],
    );
  }

  async getVersionState(caseId: string, id: string): Promise<Uint8Array | null> {
    const [row] = await this.rows<{ state: Buffer }>(
      'SELECT state FROM versions WHERE case_id = $1 AND id = $2',
      [caseId, id],
    );
    return row ? bytesOf(row.state) : null;
  }

  async deleteAutoVersions(before: string): Promise<number> {
    return this.run("DELETE FROM versions WHERE kind = 'auto' AND created_at < $1", [before]);
  }

  async getSetting(key: string): Promise<string | null> {
    const [row] = await this.rows<{ value: string }>('SELECT value FROM settings WHERE key = $1', [
      key,
    ]);
    return row?.value ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    const tail = 'ON CONFLICT (key) DO UPDATE SET value = excluded.value';
    await this.insert('settings', { key, value }, tail);
  }

  async close(): Promise<void> {
    await this.appends.flush();
    await this.pool.end();
  }
}
