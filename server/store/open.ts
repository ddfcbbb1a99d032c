import type { ServerConfig } from '../config.ts';
import { FileBlobStore, type BlobStore } from '../files/BlobStore.ts';
import { PgBlobStore } from '../files/PgBlobStore.ts';
import { PgStore } from './postgres.ts';
import { SqliteStore } from './sqlite.ts';
import type { Store } from './Store.ts';

/**
 * The store the configuration asks for: PostgreSQL when `DATABASE_URL` is set (migrations run
 * now), else SQLite in `DATA_DIR`. Used by the server and by the command-line tools alike.
 */
export function openStore(
  config: Pick<ServerConfig, 'databaseUrl' | 'databaseSchema' | 'dataDir' | 'durableWrites'>,
): Promise<Store> {
  if (config.databaseUrl)
    return PgStore.open(config.databaseUrl, { schema: config.databaseSchema ?? undefined });
  return Promise.resolve(new SqliteStore(config.dataDir, config.durableWrites));
}

/**
 * Where the case-file bytes of that store live: in PostgreSQL beside everything else, so that no
 * instance needs a shared folder; with SQLite, under `DATA_DIR/files`.
 */
export function openBlobStore(store: Store, dataDir: string): BlobStore {
  return store instanceof PgStore
    ? new PgBlobStore(store.database, dataDir)
    : new FileBlobStore(dataDir);
}
