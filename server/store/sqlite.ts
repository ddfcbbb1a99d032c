import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrateOffences } from '../../src/core/offences.ts';
import type { Role } from '../../src/core/schema.ts';
import { chainHash, GENESIS, type AuditRow } from './chain.ts';
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

const schema = `
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

const linkSelect = `SELECT l.id, l.case_id AS caseId, l.label, l.created_by AS createdBy,
  l.created_at AS createdAt, l.expires_at AS expiresAt, l.revoked_at AS revokedAt,
  COUNT(u.seq) AS uses FROM hearing_links l LEFT JOIN hearing_link_uses u ON u.link_id = l.id`;
const caseFileSelect = `SELECT case_id AS caseId, hash, name, mime, size, uploaded_by AS uploadedBy,
  uploaded_at AS uploadedAt FROM case_files`;

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  admin: number;
  created_at: string;
}
interface CaseRow {
  id: string;
  title: string;
  case_number: string;
  offences: string;
  classification: string;
  archived: number;
  created_at: string;
  updated_at: string;
}

const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  admin: r.admin === 1,
  createdAt: r.created_at,
});

const toCase = (r: CaseRow): CaseRecord => ({
  id: r.id,
  title: r.title,
  caseNumber: r.case_number,
  offences: migrateOffences(JSON.parse(r.offences) as string[]),
  classification: r.classification as CaseRecord['classification'],
  archived: r.archived === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

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
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'caseboard.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(durable ? 'synchronous = FULL' : 'synchronous = OFF');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(schema);
    this.migrateAudit();
    this.migrateSessions();
  }

  /** Sync tokens name the session that minted them (added after the table). */
  private migrateSessions(): void {
    const columns = this.db.prepare('PRAGMA table_info(sessions)').all() as Array<{
      name: string;
    }>;
    if (!columns.some((c) => c.name === 'parent')) {
      // Tokens from before cannot be tied to a session: they go (they last ten minutes anyway).
      this.db.exec(`DELETE FROM sessions WHERE kind = 'token';
        ALTER TABLE sessions ADD COLUMN parent TEXT;`);
    }
    this.db.exec('CREATE INDEX IF NOT EXISTS sessions_by_parent ON sessions(parent)');
  }

  /**
   * The audit trail's hash chain (added after the table): a `hash` column, entries made before it
   * chained in order, and triggers that refuse UPDATE and DELETE (the product only appends).
   */
  private migrateAudit(): void {
    const columns = this.db.prepare('PRAGMA table_info(audit_events)').all() as Array<{
      name: string;
    }>;
    const chained = columns.some((c) => c.name === 'hash');
    if (!chained) this.db.exec('ALTER TABLE audit_events ADD COLUMN hash TEXT');
    this.db.exec(`
      CREATE TRIGGER IF NOT EXISTS audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
      CREATE TRIGGER IF NOT EXISTS audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END;`);
    // Only entries written before the chain existed are chained here, once. In a chained trail an
    // entry without a hash was tampered with, and stays a break for `verifyAudit` to report.
    if (chained) return;
    const unchained = this.db
      .prepare('SELECT * FROM audit_events WHERE hash IS NULL ORDER BY seq')
      .all() as AuditRow[];
    if (unchained.length === 0) return;
    this.db.transaction(() => {
      this.db.exec('DROP TRIGGER audit_events_no_update');
      const set = this.db.prepare('UPDATE audit_events SET hash = ? WHERE seq = ?');
      for (const row of unchained) set.run(chainHash(this.previousHash(row.seq), row), row.seq);
      this.db.exec(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;`);
    })();
  }

  private previousHash(seq: number): string {
    const row = this.db
      .prepare('SELECT hash FROM audit_events WHERE seq < ? ORDER BY seq DESC LIMIT 1')
      .get(seq) as { hash: string | null } | undefined;
    return row?.hash ?? GENESIS;
  }

  async createUser(u: NewUser): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO users (id, username, display_name, password_hash, admin, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        u.id,
        u.username,
        u.displayName,
        u.passwordHash,
        u.admin ? 1 : 0,
        new Date().toISOString(),
      );
  }

  async getUserByUsername(username: string): Promise<UserRecord | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as
      UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async getUserById(id: string): Promise<UserRecord | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(
      toUser,
    );
  }

  async createSession(s: SessionRecord): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO sessions (token_hash, user_id, kind, expires_at, parent) VALUES (?, ?, ?, ?, ?)',
      )
      .run(s.tokenHash, s.userId, s.kind, s.expiresAt, s.parent);
  }

  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    const row = this.db
      .prepare(
        'SELECT token_hash AS tokenHash, user_id AS userId, kind, expires_at AS expiresAt, parent FROM sessions WHERE token_hash = ?',
      )
      .get(tokenHash) as SessionRecord | undefined;
    return row ?? null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db
      .prepare('DELETE FROM sessions WHERE token_hash = ? OR parent = ?')
      .run(tokenHash, tokenHash);
  }

  async deleteSessionsOf(userId: string, keepTokenHash: string | null): Promise<number> {
    return this.db
      .prepare(
        'DELETE FROM sessions WHERE user_id = @userId AND token_hash IS NOT @keep AND (@keep IS NULL OR parent IS NOT @keep)',
      )
      .run({ userId, keep: keepTokenHash }).changes;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
  }

  /** The database connection, for maintenance tools and for tests that simulate a full disk. */
  get database(): Database.Database {
    return this.db;
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
  }

  async createCase(c: CaseRecord, ownerId: string, snapshot: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO cases (id, title, case_number, offences, classification, archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          c.id,
          c.title,
          c.caseNumber,
          JSON.stringify(c.offences),
          c.classification,
          c.archived ? 1 : 0,
          c.createdAt,
          c.updatedAt,
        );
      this.db
        .prepare('INSERT INTO members (case_id, user_id, role) VALUES (?, ?, ?)')
        .run(c.id, ownerId, 'owner');
      this.db
        .prepare('INSERT INTO doc_snapshots (case_id, data, upto_seq) VALUES (?, ?, 0)')
        .run(c.id, Buffer.from(snapshot));
    })();
  }

  async getCase(id: string): Promise<CaseRecord | null> {
    const row = this.db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
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
    if (patch.archived !== undefined) columns.archived = patch.archived ? 1 : 0;
    columns.updated_at = patch.updatedAt ?? new Date().toISOString();
    const names = Object.keys(columns);
    this.db
      .prepare(`UPDATE cases SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`)
      .run({ ...columns, id });
  }

  async listCasesOf(userId: string): Promise<Array<CaseRecord & { role: Role }>> {
    const rows = this.db
      .prepare(
        'SELECT c.*, m.role FROM cases c JOIN members m ON m.case_id = c.id WHERE m.user_id = ? ORDER BY c.updated_at DESC',
      )
      .all(userId) as Array<CaseRow & { role: Role }>;
    return rows.map((r) => ({ ...toCase(r), role: r.role }));
  }

  async getRole(caseId: string, userId: string): Promise<Role | null> {
    const row = this.db
      .prepare('SELECT role FROM members WHERE case_id = ? AND user_id = ?')
      .get(caseId, userId) as { role: Role } | undefined;
    return row?.role ?? null;
  }

  async listMembers(caseId: string): Promise<MemberRecord[]> {
    return this.db
      .prepare(
        `SELECT u.id AS userId, u.username, u.display_name AS displayName, m.role FROM members m
         JOIN users u ON u.id = m.user_id WHERE m.case_id = ? ORDER BY u.username`,
      )
      .all(caseId) as MemberRecord[];
  }

  async setMember(caseId: string, userId: string, role: Role): Promise<boolean> {
    return this.db.transaction(() => {
      if (role !== 'owner' && this.isLastOwner(caseId, userId)) return false;
      this.db
        .prepare(
          'INSERT INTO members (case_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT (case_id, user_id) DO UPDATE SET role = excluded.role',
        )
        .run(caseId, userId, role);
      return true;
    })();
  }

  async removeMember(caseId: string, userId: string): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.isLastOwner(caseId, userId)) return false;
      this.db.prepare('DELETE FROM members WHERE case_id = ? AND user_id = ?').run(caseId, userId);
      return true;
    })();
  }

  private isLastOwner(caseId: string, userId: string): boolean {
    const owners = this.db
      .prepare("SELECT user_id FROM members WHERE case_id = ? AND role = 'owner'")
      .all(caseId) as Array<{
      user_id: string;
    }>;
    return owners.length === 1 && owners[0]?.user_id === userId;
  }

  async loadDocument(caseId: string): Promise<StoredDocument> {
    return this.db.transaction(() => {
      const snapshot = this.db
        .prepare('SELECT data, upto_seq FROM doc_snapshots WHERE case_id = ?')
        .get(caseId) as { data: Buffer; upto_seq: number } | undefined;
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

  /**
   * Group commit: updates appended in the same turn of the event loop (from any room) are written in
   * one transaction, so one fsync makes all of them durable; each promise resolves only after that
   * commit. SQLite calls are synchronous, so an fsync per update would stall every room in turn.
   */
  appendUpdate(caseId: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ caseId, update, resolve, reject });
      if (this.pendingAppends.length === 1) setImmediate(() => this.flushAppends());
    });
  }

  private readonly pendingAppends: Array<{
    caseId: string;
    update: Uint8Array;
    resolve(seq: number): void;
    reject(err: unknown): void;
  }> = [];

  private flushAppends(): void {
    const batch = this.pendingAppends.splice(0);
    if (batch.length === 0) return;
    try {
      const insert = this.db.prepare('INSERT INTO doc_updates (case_id, data) VALUES (?, ?)');
      const seqs = this.db.transaction(() =>
        batch.map((item) =>
          Number(insert.run(item.caseId, Buffer.from(item.update)).lastInsertRowid),
        ),
      )();
      batch.forEach((item, i) => item.resolve(seqs[i]!));
    } catch (err) {
      for (const item of batch) item.reject(err);
    }
  }

  async compactDocument(caseId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO doc_snapshots (case_id, data, upto_seq) VALUES (?, ?, ?) ON CONFLICT (case_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq',
        )
        .run(caseId, Buffer.from(snapshot), uptoSeq);
      this.db
        .prepare('DELETE FROM doc_updates WHERE case_id = ? AND seq <= ?')
        .run(caseId, uptoSeq);
    })();
  }

  async addCaseFile(f: CaseFileRecord): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT INTO case_files (case_id, hash, name, mime, size, uploaded_by, uploaded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, hash) DO NOTHING`,
      )
      .run(f.caseId, f.hash, f.name, f.mime, f.size, f.uploadedBy, f.uploadedAt);
    return result.changes === 1;
  }

  async listCaseFiles(caseId: string): Promise<CaseFileRecord[]> {
    return this.db
      .prepare(`${caseFileSelect} WHERE case_id = ? ORDER BY uploaded_at, name`)
      .all(caseId) as CaseFileRecord[];
  }

  async getCaseFile(caseId: string, hash: string): Promise<CaseFileRecord | null> {
    return (
      (this.db.prepare(`${caseFileSelect} WHERE case_id = ? AND hash = ?`).get(caseId, hash) as
        CaseFileRecord | undefined) ?? null
    );
  }

  async createLink(link: HearingLinkRecord, tokenHash: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO hearing_links (id, case_id, token_hash, label, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        link.id,
        link.caseId,
        tokenHash,
        link.label,
        link.createdBy,
        link.createdAt,
        link.expiresAt,
      );
  }

  async listLinks(caseId: string): Promise<HearingLinkRecord[]> {
    return this.db
      .prepare(`${linkSelect} WHERE l.case_id = ? GROUP BY l.id ORDER BY l.created_at DESC, l.id`)
      .all(caseId) as HearingLinkRecord[];
  }

  async getLinkByHash(tokenHash: string): Promise<HearingLinkRecord | null> {
    return (
      (this.db.prepare(`${linkSelect} WHERE l.token_hash = ? GROUP BY l.id`).get(tokenHash) as
        HearingLinkRecord | undefined) ?? null
    );
  }

  async revokeLink(caseId: string, id: string, at: string): Promise<boolean> {
    const result = this.db
      .prepare(
        'UPDATE hearing_links SET revoked_at = ? WHERE case_id = ? AND id = ? AND revoked_at IS NULL',
      )
      .run(at, caseId, id);
    return result.changes === 1;
  }

  async recordLinkUse(use: HearingLinkUse): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO hearing_link_uses (link_id, at, what, address, agent) VALUES (?, ?, ?, ?, ?)',
      )
      .run(use.linkId, use.at, use.what, use.address, use.agent);
  }

  async listLinkUses(linkId: string): Promise<HearingLinkUse[]> {
    return this.db
      .prepare(
        'SELECT link_id AS linkId, at, what, address, agent FROM hearing_link_uses WHERE link_id = ? ORDER BY seq',
      )
      .all(linkId) as HearingLinkUse[];
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
      const row: AuditRow = {
        seq: last.seq + 1,
        case_id: event.caseId,
        at: event.at,
        actor: event.actor,
        action: event.action,
        detail: JSON.stringify(event.detail ?? {}),
        hash: null,
      };
      this.db
        .prepare(
          'INSERT INTO audit_events (seq, case_id, at, actor, action, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          row.seq,
          row.case_id,
          row.at,
          row.actor,
          row.action,
          row.detail,
          chainHash(this.previousHash(row.seq), row),
        );
    })();
  }

  async listAudit(caseId: string): Promise<AuditEvent[]> {
    return this.queryAudit({ caseIds: [caseId], limit: 100_000 });
  }

  async queryAudit(filter: AuditFilter): Promise<AuditEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.caseIds) {
      if (filter.caseIds.length === 0) return [];
      where.push(`case_id IN (${filter.caseIds.map(() => '?').join(', ')})`);
      params.push(...filter.caseIds);
    }
    if (filter.actor) {
      where.push('actor = ?');
      params.push(filter.actor);
    }
    if (filter.action) {
      if (filter.action.endsWith('.')) {
        where.push('substr(action, 1, ?) = ?');
        params.push(filter.action.length, filter.action);
      } else {
        where.push('action = ?');
        params.push(filter.action);
      }
    }
    if (filter.from) {
      where.push('at >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      where.push('at <= ?');
      params.push(filter.to);
    }
    const rows = this.db
      .prepare(
        `SELECT * FROM (SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY seq DESC LIMIT ?) ORDER BY seq`,
      )
      .all(...params, filter.limit ?? 10_000) as AuditRow[];
    return rows.map((r) => ({
      seq: r.seq,
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
    for (const row of this.db
      .prepare('SELECT * FROM audit_events ORDER BY seq')
      .iterate() as IterableIterator<AuditRow>) {
      const expected = chainHash(previous, row);
      if (row.hash !== expected) return { ok: false, checked, brokenAt: row.seq, head: previous };
      previous = expected;
      checked++;
    }
    return { ok: true, checked, head: previous };
  }

  async createVersion(v: VersionRecord, state: Uint8Array): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO versions (id, case_id, kind, name, author, created_at, bytes, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        v.id,
        v.caseId,
        v.kind,
        v.name,
        v.author,
        v.createdAt,
        state.byteLength,
        Buffer.from(state),
      );
  }

  async listVersions(caseId: string): Promise<VersionRecord[]> {
    return this.db
      .prepare(
        `SELECT id, case_id AS caseId, kind, name, author, created_at AS createdAt, bytes
         FROM versions WHERE case_id = ? ORDER BY created_at DESC, id`,
      )
      .all(caseId) as VersionRecord[];
  }

  async getVersionState(caseId: string, id: string): Promise<Uint8Array | null> {
    const row = this.db
      .prepare('SELECT state FROM versions WHERE case_id = ? AND id = ?')
      .get(caseId, id) as { state: Buffer } | undefined;
    return row ? new Uint8Array(row.state) : null;
  }

  async deleteAutoVersions(before: string): Promise<number> {
    return this.db
      .prepare("DELETE FROM versions WHERE kind = 'auto' AND created_at < ?")
      .run(before).changes;
  }

  async getSetting(key: string): Promise<string | null> {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  async close(): Promise<void> {
    this.flushAppends();
    this.db.close();
  }
}
