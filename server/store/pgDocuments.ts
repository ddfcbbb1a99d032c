import type pg from 'pg';
import * as Y from 'yjs';
import type { PendingAppend } from './groupCommit.ts';
import { bytesOf, SNAPSHOT_UPSERT } from './rows.ts';
import type { StoredDocument } from './Store.ts';

/*
 * The case documents in PostgreSQL: a snapshot per case and the updates appended since. Several
 * instances append and compact the same case, which is what makes this differ from SQLite.
 */

/**
 * The snapshot and every update stored beside it, read in `db`'s transaction. With several
 * instances appending, sequence numbers may commit out of order, so every remaining update is
 * loaded, not only those above the snapshot's: compaction removes exactly the updates it merged.
 */
export async function readDocument(db: pg.PoolClient, caseId: string): Promise<StoredDocument> {
  await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
  const snapshot = (
    await db.query<{ data: Buffer; upto_seq: string }>(
      'SELECT data, upto_seq FROM doc_snapshots WHERE case_id = $1',
      [caseId],
    )
  ).rows[0];
  const { rows } = await db.query<{ seq: string; data: Buffer }>(
    'SELECT seq, data FROM doc_updates WHERE case_id = $1 ORDER BY seq',
    [caseId],
  );
  const updates = [...(snapshot ? [snapshot.data] : []), ...rows.map((r) => r.data)].map(bytesOf);
  return {
    updates,
    lastSeq: Number(rows.at(-1)?.seq ?? snapshot?.upto_seq ?? 0),
    bytes: updates.reduce((sum, u) => sum + u.byteLength, 0),
    updatesSinceSnapshot: rows.length,
  };
}

/** Appends a batch of updates in one statement; resolves to their sequence numbers, in order. */
export async function appendUpdates(
  pool: pg.Pool,
  batch: readonly PendingAppend[],
): Promise<number[]> {
  const result = await pool.query<{ seq: string }>(
    `INSERT INTO doc_updates (case_id, data)
     SELECT t.case_id, t.data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(case_id, data, n)
     ORDER BY n RETURNING seq`,
    [batch.map((b) => b.caseId), batch.map((b) => Buffer.from(b.update))],
  );
  return result.rows.map((r) => Number(r.seq)).sort((x, y) => x - y);
}

/**
 * Compaction in `db`'s transaction, safe with several instances: under a per-case lock (so two
 * never run at once), the stored snapshot, every stored update and the caller's `snapshot` are
 * merged into one document; the updates merged are deleted and nothing else. An update another
 * instance stores meanwhile stays beside the new snapshot. `uptoSeq` is recorded for information.
 */
export async function compactDocument(
  db: pg.PoolClient,
  caseId: string,
  snapshot: Uint8Array,
  uptoSeq: number,
): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtext('compact:' || $1))", [caseId]);
  const stored = (
    await db.query<{ data: Buffer }>(
      'SELECT data FROM doc_snapshots WHERE case_id = $1 FOR UPDATE',
      [caseId],
    )
  ).rows[0];
  const { rows } = await db.query<{ seq: string; data: Buffer }>(
    'SELECT seq, data FROM doc_updates WHERE case_id = $1 ORDER BY seq FOR UPDATE',
    [caseId],
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
    `INSERT INTO doc_snapshots (case_id, data, upto_seq) VALUES ($1, $2, $3) ${SNAPSHOT_UPSERT}`,
    [caseId, Buffer.from(merged), upto],
  );
  if (rows.length > 0)
    await db.query('DELETE FROM doc_updates WHERE seq = ANY($1::bigint[])', [
      rows.map((r) => r.seq),
    ]);
}
