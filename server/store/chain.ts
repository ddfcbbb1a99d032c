import { createHash } from 'node:crypto';
import type { AuditCheck } from './Store.ts';

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

/**
 * Recomputes the chain over `rows` (oldest first): `ok`, how many entries were checked, the first
 * whose hash does not match, and the newest hash.
 */
export async function verifyChain(
  rows: Iterable<AuditRow> | AsyncIterable<AuditRow>,
): Promise<AuditCheck> {
  let previous = GENESIS;
  let checked = 0;
  for await (const row of rows) {
    const expected = chainHash(previous, row);
    if (row.hash !== expected) return { ok: false, checked, brokenAt: row.seq, head: previous };
    previous = expected;
    checked++;
  }
  return { ok: true, checked, head: previous };
}
