import type { Classification, Role } from '../../src/core/schema.ts';

/**
 * Storage behind the server: accounts, sessions, cases, members and the case documents.
 * Implementations: `SqliteStore` (embedded default); PostgreSQL comes with the scale-out issue.
 * Every method is async so that a networked database fits the same interface.
 */
export interface Store {
  createUser(user: NewUser): Promise<void>;
  getUserByUsername(username: string): Promise<UserRecord | null>;
  getUserById(id: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | null>;
  /** Deletes a session and the sync tokens it minted. */
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: number): Promise<number>;
  /**
   * Deletes every session and sync token of a user but the session stored as `keepTokenHash` and
   * the sync tokens it minted.
   */
  deleteSessionsOf(userId: string, keepTokenHash: string | null): Promise<number>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;

  /** Creates a case, its owner membership and its first document snapshot in one transaction. */
  createCase(record: CaseRecord, ownerId: string, snapshot: Uint8Array): Promise<void>;
  getCase(id: string): Promise<CaseRecord | null>;
  updateCase(id: string, patch: Partial<Omit<CaseRecord, 'id' | 'createdAt'>>): Promise<void>;
  listCasesOf(userId: string): Promise<Array<CaseRecord & { role: Role }>>;

  getRole(caseId: string, userId: string): Promise<Role | null>;
  listMembers(caseId: string): Promise<MemberRecord[]>;
  /** Sets a member's role; refuses (returns false) when it would leave the case without an owner. */
  setMember(caseId: string, userId: string, role: Role): Promise<boolean>;
  /** Removes a member; refuses (returns false) when it would leave the case without an owner. */
  removeMember(caseId: string, userId: string): Promise<boolean>;

  /** The snapshot and the updates stored after it, in order, with the sequence of the last one. */
  loadDocument(caseId: string): Promise<StoredDocument>;
  /** Appends one update; resolves once it is durable. Returns its sequence number. */
  appendUpdate(caseId: string, update: Uint8Array): Promise<number>;
  /** Replaces the snapshot and every update up to `uptoSeq` by `snapshot`, atomically. */
  compactDocument(caseId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;

  /** Records that `file` belongs to a case; false when the case already had these bytes. */
  addCaseFile(file: CaseFileRecord): Promise<boolean>;
  listCaseFiles(caseId: string): Promise<CaseFileRecord[]>;
  getCaseFile(caseId: string, hash: string): Promise<CaseFileRecord | null>;

  /** Read-only links for a hearing: created by an owner, stored by the hash of their token. */
  createLink(link: HearingLinkRecord, tokenHash: string): Promise<void>;
  listLinks(caseId: string): Promise<HearingLinkRecord[]>;
  getLinkByHash(tokenHash: string): Promise<HearingLinkRecord | null>;
  /** False when there was no such unrevoked link. */
  revokeLink(caseId: string, id: string, at: string): Promise<boolean>;
  recordLinkUse(use: HearingLinkUse): Promise<void>;
  listLinkUses(linkId: string): Promise<HearingLinkUse[]>;

  /**
   * The audit trail: append-only and hash-chained (each entry's hash covers the previous one), so
   * an entry altered or removed in storage breaks the chain from there on.
   */
  recordAudit(event: AuditEvent): Promise<void>;
  listAudit(caseId: string): Promise<AuditEvent[]>;
  /** Entries matching every given filter, oldest first, at most `limit` (newest kept). */
  queryAudit(filter: AuditFilter): Promise<AuditEvent[]>;
  /** Recomputes the chain: `ok`, how many entries were checked, and the first broken one. */
  verifyAudit(): Promise<AuditCheck>;

  /** Versions of a case document (named or automatic), stored as encoded Yjs states. */
  createVersion(version: VersionRecord, state: Uint8Array): Promise<void>;
  listVersions(caseId: string): Promise<VersionRecord[]>;
  getVersionState(caseId: string, id: string): Promise<Uint8Array | null>;
  /** Deletes automatic versions made before `before` (ISO time); named versions stay. */
  deleteAutoVersions(before: string): Promise<number>;

  /** Server-wide settings an administrator sets (e.g. how long automatic versions are kept). */
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;

  close(): Promise<void>;
}

/** A file of a case's digitised case file; the bytes are in the blob store under `hash`. */
export interface CaseFileRecord {
  caseId: string;
  hash: string;
  name: string;
  mime: string;
  size: number;
  /** User name of who uploaded it first to this case. */
  uploadedBy: string;
  uploadedAt: string;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  admin: boolean;
}

export interface UserRecord extends NewUser {
  createdAt: string;
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  /** `session` for a browser login, `token` for a short-lived sync token. */
  kind: 'session' | 'token';
  expiresAt: number;
  /** For a sync token: the hash of the session that minted it (it ends with that session). */
  parent: string | null;
}

export interface CaseRecord {
  id: string;
  title: string;
  caseNumber: string;
  offences: string[];
  classification: Classification;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MemberRecord {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface StoredDocument {
  /** The snapshot (if any) first, then every later update. */
  updates: Uint8Array[];
  /** Sequence of the last update included; 0 when there is none. */
  lastSeq: number;
  /** Bytes of everything stored for this document. */
  bytes: number;
  /** Updates stored after the snapshot. */
  updatesSinceSnapshot: number;
}

export interface HearingLinkRecord {
  id: string;
  caseId: string;
  label: string;
  createdBy: string;
  createdAt: string;
  /** ISO time after which the link is refused. */
  expiresAt: string;
  revokedAt: string | null;
  /** How many times it was used (read only). */
  uses?: number;
}

export interface HearingLinkUse {
  linkId: string;
  at: string;
  /** `open` (the page asked for the presentation) or `follow` (a live stream began). */
  what: 'open' | 'follow';
  address: string;
  agent: string;
}

export interface VersionRecord {
  id: string;
  caseId: string;
  /** `named` by a person, `auto` by the server (hourly while a case changes, and when all leave). */
  kind: 'named' | 'auto';
  name: string;
  author: string;
  createdAt: string;
  bytes: number;
}

export interface AuditFilter {
  caseIds?: readonly string[];
  actor?: string;
  /** An action, or a prefix ending in '.' (e.g. `version.`). */
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface AuditCheck {
  ok: boolean;
  checked: number;
  /** The sequence number of the first entry whose hash does not match. */
  brokenAt?: number;
  /** The hash of the newest entry: written down elsewhere, it also detects removed newest entries. */
  head: string;
}

export interface AuditEvent {
  /** Sequence in the trail (set when read). */
  seq?: number;
  /** The case, or '' for events of no case (log-ins). */
  caseId: string;
  at: string;
  /** The username who acted. */
  actor: string;
  action: string;
  detail?: Record<string, unknown>;
}
