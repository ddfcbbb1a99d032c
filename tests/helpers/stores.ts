import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PgStore } from '../../server/store/postgres.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';
import type { Store } from '../../server/store/Store.ts';

/** PostgreSQL for the tests that need it; unset means they are skipped, and say so. */
export const DATABASE_URL =
  process.env.CASEBOARD_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? '';
export const REDIS_URL = process.env.CASEBOARD_TEST_REDIS_URL ?? process.env.REDIS_URL ?? '';

export const PG_SKIP_REASON =
  'DATABASE_URL is not set: the PostgreSQL tests were skipped (.ci/run sets it; see docs/deploy.md)';

/** A fresh, empty schema name for one test run. */
export function freshSchema(): string {
  return `cb_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A store backend under test: opens a store on the same data each time, and cleans up. */
export interface Backend {
  name: 'sqlite' | 'postgres';
  /** The data folder (temporary files of uploads; the case-file bytes too with SQLite). */
  dir: string;
  open(): Promise<Store>;
  dispose(): Promise<void>;
  /** Changes an audit entry the way someone with the database would: guard removed, row edited. */
  tamper(store: Store, seq: number, actor: string): Promise<void>;
  /** The same edit with the guard in place (it must be refused). */
  tryUpdate(store: Store, seq: number): Promise<void>;
}

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-store-'));
  return {
    name: 'sqlite',
    dir,
    open: async () => new SqliteStore(dir),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
    tamper: async (store, seq, actor) => {
      const db = (store as SqliteStore).database;
      db.exec('DROP TRIGGER audit_events_no_update');
      db.prepare('UPDATE audit_events SET actor = ? WHERE seq = ?').run(actor, seq);
    },
    tryUpdate: async (store, seq) => {
      (store as SqliteStore).database
        .prepare("UPDATE audit_events SET actor = 'x' WHERE seq = ?")
        .run(seq);
    },
  };
}

export function postgresBackend(): Backend {
  const schema = freshSchema();
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-store-'));
  return {
    name: 'postgres',
    dir,
    open: () => PgStore.open(DATABASE_URL, { schema }),
    dispose: async () => {
      rmSync(dir, { recursive: true, force: true });
      await dropSchema(schema);
    },
    tamper: async (store, seq, actor) => {
      const db = (store as PgStore).database;
      await db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await db.query('UPDATE audit_events SET actor = $1 WHERE seq = $2', [actor, seq]);
    },
    tryUpdate: async (store, seq) => {
      await (store as PgStore).database.query(
        "UPDATE audit_events SET actor = 'x' WHERE seq = $1",
        [seq],
      );
    },
  };
}
