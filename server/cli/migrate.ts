import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { FileBlobStore } from '../files/BlobStore.ts';
import { PgBlobStore } from '../files/PgBlobStore.ts';
import { PgStore } from '../store/postgres.ts';
import { SqliteStore } from '../store/sqlite.ts';

const usage = `Usage:
  DATA_DIR=/srv/caseboard/data DATABASE_URL=postgresql://… npm run migrate-to-postgres

Copies every table of the SQLite deployment in DATA_DIR (accounts, sessions, cases, members,
documents, case files, hearing links, audit trail, versions, settings) into the PostgreSQL
database of DATABASE_URL (DATABASE_SCHEMA, if set), in one transaction, then checks the copy.
The PostgreSQL database must hold no CaseBoard data yet. Stop the server first. The case-file
bytes in DATA_DIR/files are copied too, each checked against its SHA-256 once copied; the folder
is left as it was (keep it until the new deployment has been checked).`;

/** Tables in the order their references need, with the columns that are booleans in PostgreSQL. */
const TABLES: ReadonlyArray<{ name: string; booleans?: string[]; serial?: string }> = [
  { name: 'users', booleans: ['admin'] },
  { name: 'sessions' },
  { name: 'cases', booleans: ['archived'] },
  { name: 'members' },
  { name: 'doc_snapshots' },
  { name: 'doc_updates', serial: 'seq' },
  { name: 'case_files' },
  { name: 'hearing_links' },
  { name: 'hearing_link_uses', serial: 'seq' },
  { name: 'audit_events' },
  { name: 'versions' },
  { name: 'settings' },
];

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  if (!config.databaseUrl) {
    console.error(`DATABASE_URL is not set.\n\n${usage}`);
    return 2;
  }
  if (!existsSync(join(config.dataDir, 'caseboard.db'))) {
    console.error(`There is no CaseBoard database in ${config.dataDir}.\n\n${usage}`);
    return 2;
  }
  const source = new SqliteStore(config.dataDir);
  const target = await PgStore.open(config.databaseUrl, {
    schema: config.databaseSchema ?? undefined,
  });
  try {
    const db = source.database;
    const before = await source.verifyAudit();
    if (!before.ok)
      console.warn(
        `Warning: the SQLite audit trail is already broken at entry ${before.brokenAt}; it is copied as it is.`,
      );
    const counts = new Map<string, number>();
    await target.transaction(async (pg) => {
      const existing = await pg.query<{ n: string }>(
        'SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM cases) AS n',
      );
      if (Number(existing.rows[0]?.n) > 0)
        throw new Error(
          'The PostgreSQL database already holds CaseBoard accounts or cases; nothing was copied.',
        );
      for (const table of TABLES) {
        const rows = db.prepare(`SELECT * FROM ${table.name}`).all() as Array<
          Record<string, unknown>
        >;
        counts.set(table.name, rows.length);
        if (rows.length === 0) continue;
        const columns = Object.keys(rows[0]!);
        // In batches, so that no statement has more parameters than PostgreSQL takes.
        const perBatch = Math.max(1, Math.floor(30_000 / columns.length));
        for (let start = 0; start < rows.length; start += perBatch) {
          const batch = rows.slice(start, start + perBatch);
          const values: unknown[] = [];
          const tuples = batch.map((row) => {
            const placeholders = columns.map((column) => {
              let value = row[column];
              if (table.booleans?.includes(column)) value = Boolean(value);
              values.push(value);
              return `$${values.length}`;
            });
            return `(${placeholders.join(', ')})`;
          });
          await pg.query(
            `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
            values,
          );
        }
        if (table.serial)
          await pg.query(
            `SELECT setval(pg_get_serial_sequence('${table.name}', '${table.serial}'),
               (SELECT max(${table.serial}) FROM ${table.name}))`,
          );
        console.log(`${table.name}: ${rows.length}`);
      }
    });
    // The copy is checked: the same rows, and an audit trail whose chain still holds.
    for (const [name, count] of counts) {
      const copied = await target.database.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${name}`,
      );
      if (Number(copied.rows[0]?.n) !== count)
        throw new Error(`${name}: ${count} rows in SQLite but ${copied.rows[0]?.n} copied`);
    }
    const after = await target.verifyAudit();
    if (after.ok !== before.ok || after.head !== before.head || after.checked !== before.checked)
      throw new Error('The audit trail does not check the same after the copy.');
    console.log(
      `Copied into PostgreSQL; the audit trail checks the same (${after.checked} entries, newest hash ${after.head}).`,
    );

    // The case-file bytes, one file at a time (each in its own transaction), each checked.
    const disk = new FileBlobStore(config.dataDir);
    const blobs = new PgBlobStore(target.database, config.dataDir);
    const hashes = (
      db.prepare('SELECT DISTINCT hash FROM case_files ORDER BY hash').all() as Array<{
        hash: string;
      }>
    ).map((row) => row.hash);
    const missing: string[] = [];
    let bytes = 0;
    for (const hash of hashes) {
      if (!(await disk.has(hash))) {
        missing.push(hash);
        continue;
      }
      await blobs.import(disk.pathOf(hash), hash);
      if ((await blobs.rehash(hash)) !== hash)
        throw new Error(`The copy of case file ${hash} does not match its SHA-256.`);
      bytes += await blobs.size(hash);
    }
    console.log(
      `case files: ${hashes.length - missing.length} copied and checked (${(bytes / 1024 / 1024).toFixed(1)} MiB)`,
    );
    if (missing.length > 0)
      console.warn(
        `Warning: ${missing.length} case file(s) listed in SQLite were not in ${join(config.dataDir, 'files')} and could not be copied: ${missing.join(', ')}`,
      );
    console.log('Start the server with DATABASE_URL set.');
    return missing.length > 0 ? 1 : 0;
  } finally {
    await source.close();
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
