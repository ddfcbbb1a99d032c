import type pg from 'pg';
import { chainHash, GENESIS, type AuditRow } from './chain.ts';
import { auditRowOf, auditValues } from './rows.ts';
import { insertInto, POSTGRES } from './sql.ts';
import type { AuditEvent } from './Store.ts';

/** Advisory lock key of the audit trail (any fixed number, distinct from the migrations'). */
const AUDIT_LOCK = 72_731_002;

/**
 * Appends one entry in `db`'s transaction, under a global lock: entries from every instance chain
 * in one order.
 */
export async function appendAuditEntry(db: pg.PoolClient, event: AuditEvent): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const last = (
    await db.query<{ seq: string; hash: string }>(
      'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    )
  ).rows[0];
  const row = auditRowOf(Number(last?.seq ?? 0) + 1, event);
  const insert = insertInto(
    'audit_events',
    auditValues(row, chainHash(last?.hash ?? GENESIS, row)),
    POSTGRES,
  );
  await db.query(insert.sql, insert.params);
}

/** The whole trail, oldest first, read in pages so that a long one is not held in memory. */
export async function* auditPages(pool: pg.Pool): AsyncGenerator<AuditRow> {
  for (let after = 0; ;) {
    const { rows } = await pool.query<AuditRow & { seq: string }>(
      'SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT 5000',
      [after],
    );
    if (rows.length === 0) return;
    for (const raw of rows) {
      after = Number(raw.seq);
      yield { ...raw, seq: after };
    }
  }
}
