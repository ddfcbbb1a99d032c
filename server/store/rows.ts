import { migrateOffences } from '../../src/core/offences.ts';
import type { Role } from '../../src/core/schema.ts';
import type { AuditRow } from './chain.ts';
import type {
  AuditEvent,
  CaseFileRecord,
  CaseRecord,
  HearingLinkRecord,
  HearingLinkUse,
  MemberRecord,
  NewUser,
  SessionRecord,
  UserRecord,
  VersionRecord,
} from './Store.ts';

/**
 * The one translation between table rows and records, for SQLite and PostgreSQL alike. Rows are
 * read with their column names (`SELECT` below); the drivers differ only in how they return
 * numbers and booleans (SQLite: integers for booleans; PostgreSQL: strings for BIGINT and COUNT),
 * and the mappers accept both.
 *
 * @example
 * const [row] = await rows<CaseRow>(`${CASE_SELECT} WHERE id = $1`, [id]);
 * return row ? toCase(row) : null;
 */

/** A number as either driver returns it (PostgreSQL gives BIGINT and COUNT as strings). */
type Num = number | string;
/** A boolean as either driver returns it (SQLite stores 0 and 1). */
type Bool = boolean | number;

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  admin: Bool;
  created_at: string;
}

export interface CaseRow {
  id: string;
  title: string;
  case_number: string;
  offences: string;
  classification: string;
  archived: Bool;
  created_at: string;
  updated_at: string;
}

export interface SessionRow {
  token_hash: string;
  user_id: string;
  kind: SessionRecord['kind'];
  expires_at: Num;
  parent: string | null;
}

export interface MemberRow {
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
}

export interface CaseFileRow {
  case_id: string;
  hash: string;
  name: string;
  mime: string;
  size: Num;
  uploaded_by: string;
  uploaded_at: string;
}

export interface LinkRow {
  id: string;
  case_id: string;
  label: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  uses: Num;
}

export interface LinkUseRow {
  link_id: string;
  at: string;
  what: HearingLinkUse['what'];
  address: string;
  agent: string;
}

export interface VersionRow {
  id: string;
  case_id: string;
  kind: VersionRecord['kind'];
  name: string;
  author: string;
  created_at: string;
  bytes: Num;
}

export const USER_SELECT = 'SELECT * FROM users';
export const SESSION_SELECT = 'SELECT token_hash, user_id, kind, expires_at, parent FROM sessions';
export const MEMBER_SELECT = `SELECT u.id AS user_id, u.username, u.display_name, m.role FROM members m
  JOIN users u ON u.id = m.user_id`;
export const CASE_FILE_SELECT = `SELECT case_id, hash, name, mime, size, uploaded_by, uploaded_at
  FROM case_files`;
/** Followed by a WHERE on `l` and `GROUP BY l.id`. */
export const LINK_SELECT = `SELECT l.id, l.case_id, l.label, l.created_by, l.created_at, l.expires_at,
  l.revoked_at, COUNT(u.seq) AS uses FROM hearing_links l
  LEFT JOIN hearing_link_uses u ON u.link_id = l.id`;
export const LINK_USE_SELECT = 'SELECT link_id, at, what, address, agent FROM hearing_link_uses';
/** After an INSERT into doc_snapshots: a case has one snapshot, replaced by compaction. */
export const SNAPSHOT_UPSERT =
  'ON CONFLICT (case_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq';
export const VERSION_SELECT =
  'SELECT id, case_id, kind, name, author, created_at, bytes FROM versions';

export const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  admin: Boolean(r.admin),
  createdAt: r.created_at,
});

export const toCase = (r: CaseRow): CaseRecord => ({
  id: r.id,
  title: r.title,
  caseNumber: r.case_number,
  offences: migrateOffences(JSON.parse(r.offences) as string[]),
  classification: r.classification as CaseRecord['classification'],
  archived: Boolean(r.archived),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toSession = (r: SessionRow): SessionRecord => ({
  tokenHash: r.token_hash,
  userId: r.user_id,
  kind: r.kind,
  expiresAt: Number(r.expires_at),
  parent: r.parent,
});

export const toMember = (r: MemberRow): MemberRecord => ({
  userId: r.user_id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
});

export const toCaseFile = (r: CaseFileRow): CaseFileRecord => ({
  caseId: r.case_id,
  hash: r.hash,
  name: r.name,
  mime: r.mime,
  size: Number(r.size),
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
});

export const toLink = (r: LinkRow): HearingLinkRecord => ({
  id: r.id,
  caseId: r.case_id,
  label: r.label,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  uses: Number(r.uses),
});

export const toLinkUse = (r: LinkUseRow): HearingLinkUse => ({
  linkId: r.link_id,
  at: r.at,
  what: r.what,
  address: r.address,
  agent: r.agent,
});

export const toVersion = (r: VersionRow): VersionRecord => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind,
  name: r.name,
  author: r.author,
  createdAt: r.created_at,
  bytes: Number(r.bytes),
});

export const toAuditEvent = (r: AuditRow | (Omit<AuditRow, 'seq'> & { seq: Num })): AuditEvent => ({
  seq: Number(r.seq),
  caseId: r.case_id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
});

/** The audit row a new event becomes (its hash is computed by the store, in its transaction). */
export const auditRowOf = (seq: number, event: AuditEvent): AuditRow => ({
  seq,
  case_id: event.caseId,
  at: event.at,
  actor: event.actor,
  action: event.action,
  detail: JSON.stringify(event.detail ?? {}),
  hash: null,
});

/*
 * Row writers: a new record as the row it becomes (column name to value), for `insertInto`.
 * `bool` writes a boolean as the driver wants it.
 */

export const userValues = (u: NewUser, bool: (b: boolean) => Bool) => ({
  id: u.id,
  username: u.username,
  display_name: u.displayName,
  password_hash: u.passwordHash,
  admin: bool(u.admin),
  created_at: new Date().toISOString(),
});

export const sessionValues = (s: SessionRecord) => ({
  token_hash: s.tokenHash,
  user_id: s.userId,
  kind: s.kind,
  expires_at: s.expiresAt,
  parent: s.parent,
});

export const caseValues = (c: CaseRecord, bool: (b: boolean) => Bool) => ({
  id: c.id,
  title: c.title,
  case_number: c.caseNumber,
  offences: JSON.stringify(c.offences),
  classification: c.classification,
  archived: bool(c.archived),
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

export const caseFileValues = (f: CaseFileRecord) => ({
  case_id: f.caseId,
  hash: f.hash,
  name: f.name,
  mime: f.mime,
  size: f.size,
  uploaded_by: f.uploadedBy,
  uploaded_at: f.uploadedAt,
});

export const linkValues = (link: HearingLinkRecord, tokenHash: string) => ({
  id: link.id,
  case_id: link.caseId,
  token_hash: tokenHash,
  label: link.label,
  created_by: link.createdBy,
  created_at: link.createdAt,
  expires_at: link.expiresAt,
});

export const linkUseValues = (use: HearingLinkUse) => ({
  link_id: use.linkId,
  at: use.at,
  what: use.what,
  address: use.address,
  agent: use.agent,
});

export const versionValues = (v: VersionRecord, state: Uint8Array) => ({
  id: v.id,
  case_id: v.caseId,
  kind: v.kind,
  name: v.name,
  author: v.author,
  created_at: v.createdAt,
  bytes: state.byteLength,
  state: Buffer.from(state),
});

/** An audit entry with the hash that chains it. */
export const auditValues = (row: AuditRow, hash: string) => ({
  seq: row.seq,
  case_id: row.case_id,
  at: row.at,
  actor: row.actor,
  action: row.action,
  detail: row.detail,
  hash,
});

/** The columns a case patch sets (always `updated_at`), by column name. */
export function casePatchColumns(
  patch: Partial<Omit<CaseRecord, 'id' | 'createdAt'>>,
  bool: (b: boolean) => Bool,
): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (patch.title !== undefined) columns.title = patch.title;
  if (patch.caseNumber !== undefined) columns.case_number = patch.caseNumber;
  if (patch.offences !== undefined) columns.offences = JSON.stringify(patch.offences);
  if (patch.classification !== undefined) columns.classification = patch.classification;
  if (patch.archived !== undefined) columns.archived = bool(patch.archived);
  columns.updated_at = patch.updatedAt ?? new Date().toISOString();
  return columns;
}

/** A byte column as a `Uint8Array` over the same memory. */
export const bytesOf = (b: Buffer): Uint8Array =>
  new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
