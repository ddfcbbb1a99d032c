import { createHash } from 'node:crypto';

/** The audit trail's hash chain, the same in every store (and so across a migration). */

export interface AuditRow {
  seq: number;
  case_id: string;
  at: string;
  actor: string;
  action: string;
  detail: string;
  hash: string | null;
}

export const GENESIS = '0'.repeat(64);

/** An entry's hash: SHA-256 of the previous entry's hash and every field of this one. */
export function chainHash(previous: string, row: AuditRow): string {
  return createHash('sha256')
    .update(previous)
    .update('\n')
    .update(JSON.stringify([row.seq, row.case_id, row.at, row.actor, row.action, row.detail]))
    .digest('hex');
}
