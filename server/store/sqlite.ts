import type Database from 'better-sqlite3';
import type { Role } from '../../src/core/schema.ts';
import { auditQuery } from './auditQuery.ts';
import { insertInto, SQLITE } from './sql.ts';
import { chainHash, GENESIS, verifyChain, type AuditRow } from './chain.ts';
import { GroupCommit } from './groupCommit.ts';
import {
  auditRowOf,
  auditValues,
  CASE_FILE_SELECT,
  caseFileValues,
  casePatchColumns,
  caseValues,
  LINK_SELECT,
  LINK_USE_SELECT,
  SNAPSHOT_UPSERT,
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
import { openSqlite } from './sqliteMigrations.ts';
import type {
  AuditCheck,
  AuditFilter,
  CaseFileRecord,
  CaseRecord,
  AuditEvent,
  VersionRecord,
  HearingLinkRecord,
  HearingLinkUse,
  MemberRecord,
  NewUser,
  SessionRecord,
  Store,
  StoredDocument,
  UserRecord,
} from './Store.ts';

/** SQLite has no booleans: 1 and 0. */
const bool = (b: boolean) => (b ? 1 : 0);

/**
 * The embedded store: one SQLite database in `DATA_DIR/caseboard.db`, WAL mode, synchronous writes
 * (an update is on disk before `appendUpdate` resolves).
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;

  /**
   * @param durable  fsync every write (the default). Off only to measure what durability costs.
   */
  constructor(dataDir: string, durable = true) {
    this.db = openSqlite(dataDir, durable);
  }

  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.db.prepare(sql).get(...params) as T | undefined;
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.db.prepare(sql).all(...params) as T[];
  }

  /** The rows of `sql` as records (the mappers of rows.ts). */
  private list<Row, T>(map: (row: Row) => T, sql: string, ...params: unknown[]): T[] {
    return this.all<Row>(sql, ...params).map(map);
  }

  /** The first row of `sql` as a record, or null. */
  private one<Row, T>(map: (row: Row) => T, sql: string, ...params: unknown[]): T | null {
    const row = this.get<Row>(sql, ...params);
    return row ? map(row) : null;
  }

  /** Runs a statement; returns how many rows it changed. */
  private run(sql: string, ...params: unknown[]): number {
    return this.db.prepare(sql).run(...params).changes;
  }

  /** Inserts one row (see rows.ts); returns how many rows changed. */
  private insert(table: string, row: Record<string, unknown>, tail = ''): number {
    const { sql, params } = insertInto(table, row, SQLITE, tail);
    return this.run(sql, ...params);
  }

  private previousHash(seq: number): string {
    const row = this.get<{ hash: string | null }>(
      'SELECT hash FROM audit_events WHERE seq < ? ORDER BY seq DESC LIMIT 1',
      seq,
    );
    return row?.hash ?? GENESIS;
  }

  async createUser(u: NewUser): Promise<void> {
    this.insert('users', userValues(u, bool));
  }

  async getUserByUsername(username: string): Promise<UserRecord | null> {
    return this.one(toUser, `${USER_SELECT} WHERE username = ?`, username);
  }

  async getUserById(id: string): Promise<UserRecord | null> {
    return this.one(toUser, `${USER_SELECT} WHERE id = ?`, id);
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.list(toUser, `${USER_SELECT} ORDER BY username`);
  }

  async createSession(s: SessionRecord): Promise<void> {
    this.insert('sessions', sessionValues(s));
  }

  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    return this.one(toSession, `${SESSION_SELECT} WHERE token_hash = ?`, tokenHash);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.run('DELETE FROM sessions WHERE token_hash = ? OR parent = ?', tokenHash, tokenHash);
  }

  async deleteSessionsOf(userId: string, keepTokenHash: string | null): Promise<number> {
    return this.db
      .prepare(
        'DELETE FROM sessions WHERE user_id = @userId AND token_hash IS NOT @keep AND (@keep IS NULL OR parent IS NOT @keep)',
      )
      .run({ userId, keep: keepTokenHash }).changes;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    this.run('UPDATE users SET password_hash = ? WHERE id = ?', passwordHash, userId);
  }

  /** The database connection, for maintenance tools and for tests that simulate a full disk. */
  get database(): Database.Database {
    return this.db;
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    return this.run('DELETE FROM sessions WHERE expires_at <= ?', now);
  }

  async createCase(c: CaseRecord, ownerId: string, snapshot: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.insert('cases', caseValues(c, bool));
      this.insert('members', { case_id: c.id, user_id: ownerId, role: 'owner' });
      this.insert('doc_snapshots', { case_id: c.id, data: Buffer.from(snapshot), upto_seq: 0 });
    })();
  }

  async getCase(id: string): Promise<CaseRecord | null> {
    return this.one(toCase, 'SELECT * FROM cases WHERE id = ?', id);
  }

  async updateCase(
    id: string,
    patch: Partial<Omit<CaseRecord, 'id' | 'createdAt'>>,
  ): Promise<void> {
    const columns = casePatchColumns(patch, bool);
    const names = Object.keys(columns);
    this.db
      .prepare(`UPDATE cases SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`)
      .run({ ...columns, id });
  }

  async listCasesOf(userId: string): Promise<Array<CaseRecord & { role: Role }>> {
    return this.list(
      (r: CaseRow & { role: Role }) => ({ ...toCase(r), role: r.role }),
      'SELECT c.*, m.role FROM cases c JOIN members m ON m.case_id = c.id WHERE m.user_id = ? ORDER BY c.updated_at DESC',
      userId,
    );
  }

  async getRole(caseId: string, userId: string): Promise<Role | null> {
    const row = this.get<{ role: Role }>(
      'SELECT role FROM members WHERE case_id = ? AND user_id = ?',
      caseId,
      userId,
    );
    return row?.role ?? null;
  }

  async listMembers(caseId: string): Promise<MemberRecord[]> {
    return this.list(toMember, `${MEMBER_SELECT} WHERE m.case_id = ? ORDER BY u.username`, caseId);
  }

  async setMember(caseId: string, userId: string, role: Role): Promise<boolean> {
    return this.db.transaction(() => {
      if (role !== 'owner' && this.isLastOwner(caseId, userId)) return false;
      const member = { case_id: caseId, user_id: userId, role };
      this.insert(
        'members',
        member,
        'ON CONFLICT (case_id, user_id) DO UPDATE SET role = excluded.role',
      );
      return true;
    })();
  }

  async removeMember(caseId: string, userId: string): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.isLastOwner(caseId, userId)) return false;
      this.run('DELETE FROM members WHERE case_id = ? AND user_id = ?', caseId, userId);
      return true;
    })();
  }

  private isLastOwner(caseId: string, userId: string): boolean {
    const owners = this.all<{ user_id: string }>(
      "SELECT user_id FROM members WHERE case_id = ? AND role = 'owner'",
      caseId,
    );
    return owners.length === 1 && owners[0]?.user_id === userId;
  }

  async loadDocument(caseId: string): Promise<StoredDocument> {
    return this.db.transaction(() => {
      const snapshot = this.get<{ data: Buffer; upto_seq: number }>(
        'SELECT data, upto_seq FROM doc_snapshots WHERE case_id = ?',
        caseId,
      );
      const rows = this.db
        .prepare('SELECT seq, data FROM doc_updates WHERE case_id = ? AND seq > ? ORDER BY seq')
        .all(caseId, snapshot?.upto_seq ?? 0) as Array<{ seq: number; data: Buffer }>;
      const updates = [...(snapshot ? [snapshot.data] : []), ...rows.map((r) => r.data)].map(
        (b) => new Uint8Array(b),
      );
      return {
        updates,
        lastSeq: rows.at(-1)?.seq ?? snapshot?.upto_seq ?? 0,
        bytes: updates.reduce((sum, u) => sum + u.byteLength, 0),
        updatesSinceSnapshot: rows.length,
      };
    })();
  }

  /** Group commit: SQLite calls are synchronous, so an fsync per update would stall every room. */
  appendUpdate(caseId: string, update: Uint8Array): Promise<number> {
    return this.appends.append(caseId, update);
  }

  private readonly appends = new GroupCommit((batch) => {
    const insert = this.db.prepare('INSERT INTO doc_updates (case_id, data) VALUES (?, ?)');
    return this.db.transaction(() =>
      batch.map((item) =>
        Number(insert.run(item.caseId, Buffer.from(item.update)).lastInsertRowid),
      ),
    )();
  });

  async compactDocument(caseId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      const row = { case_id: caseId, data: Buffer.from(snapshot), upto_seq: uptoSeq };
      this.insert('doc_snapshots', row, SNAPSHOT_UPSERT);
      this.run('DELETE FROM doc_updates WHERE case_id = ? AND seq <= ?', caseId, uptoSeq);
    })();
  }

  async addCaseFile(f: CaseFileRecord): Promise<boolean> {
    return (
      this.insert('case_files', caseFileValues(f), 'ON CONFLICT (case_id, hash) DO NOTHING') === 1
    );
  }

  async listCaseFiles(caseId: string): Promise<CaseFileRecord[]> {
    return this.list(
      toCaseFile,
      `${CASE_FILE_SELECT} WHERE case_id = ? ORDER BY uploaded_at, name`,
      caseId,
    );
  }

  async getCaseFile(caseId: string, hash: string): Promise<CaseFileRecord | null> {
    return this.one(toCaseFile, `${CASE_FILE_SELECT} WHERE case_id = ? AND hash = ?`, caseId, hash);
  }

  async createLink(link: HearingLinkRecord, tokenHash: string): Promise<void> {
    this.insert('hearing_links', linkValues(link, tokenHash));
  }

  async listLinks(caseId: string): Promise<HearingLinkRecord[]> {
    return this.list(
      toLink,
      `${LINK_SELECT} WHERE l.case_id = ? GROUP BY l.id ORDER BY l.created_at DESC, l.id`,
      caseId,
    );
  }

  async getLinkByHash(tokenHash: string): Promise<HearingLinkRecord | null> {
    return this.one(toLink, `${LINK_SELECT} WHERE l.token_hash = ? GROUP BY l.id`, tokenHash);
  }

  async revokeLink(caseId: string, id: string, at: string): Promise<boolean> {
    const sql = `UPDATE hearing_links SET revoked_at = ?
      WHERE case_id = ? AND id = ? AND revoked_at IS NULL`;
    return this.run(sql, at, caseId, id) === 1;
  }

  async recordLinkUse(use: HearingLinkUse): Promise<void> {
    this.insert('hearing_link_uses', linkUseValues(use));
  }

  async listLinkUses(linkId: string): Promise<HearingLinkUse[]> {
    return this.list(toLinkUse, `${LINK_USE_SELECT} WHERE link_id = ? ORDER BY seq`, linkId);
  }

  async recordAudit(event: AuditEvent): Promise<void> {
    // One transaction: the new entry's hash covers the newest one, so entries chain in order.
    this.db.transaction(() => {
      const last = this.db
        .prepare(
          `SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_events'), 0),
             COALESCE((SELECT MAX(seq) FROM audit_events), 0)) AS seq`,
        )
        .get() as { seq: number };
      const row = auditRowOf(last.seq + 1, event);
      this.insert('audit_events', auditValues(row, chainHash(this.previousHash(row.seq), row)));
    })();
  }

  async listAudit(caseId: string): Promise<AuditEvent[]> {
    return this.queryAudit({ caseIds: [caseId], limit: 100_000 });
  }

  async queryAudit(filter: AuditFilter): Promise<AuditEvent[]> {
    const query = auditQuery(filter, SQLITE);
    if (!query) return [];
    return (this.db.prepare(query.sql).all(...query.params) as AuditRow[]).map(toAuditEvent);
  }

  async verifyAudit(): Promise<AuditCheck> {
    return verifyChain(
      this.db.prepare('SELECT * FROM audit_events ORDER BY seq').iterate() as Iterable<AuditRow>,
    );
  }

  async createVersion(v: VersionRecord, state: Uint8Array): Promise<void> {
    this.insert('versions', versionValues(v, state));
  }

  async listVersions(caseId: string): Promise<VersionRecord[]> {
    return this.list(
      toVersion,
      `${VERSION_SELECT} WHERE case_id = ? ORDER BY created_at DESC, id`,
      caseId,
    );
  }

  async getVersionState(caseId: string, id: string): Promise<Uint8Array | null> {
    const row = this.get<{ state: Buffer }>(
      'SELECT state FROM versions WHERE case_id = ? AND id = ?',
      caseId,
      id,
    );
    return row ? new Uint8Array(row.state) : null;
  }

  async deleteAutoVersions(before: string): Promise<number> {
    return this.db
      .prepare("DELETE FROM versions WHERE kind = 'auto' AND created_at < ?")
      .run(before).changes;
  }

  async getSetting(key: string): Promise<string | null> {
    const row = this.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', key);
    return row?.value ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.insert(
      'settings',
      { key, value },
      'ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  async close(): Promise<void> {
    await this.appends.flush();
    this.db.close();
  }
}
