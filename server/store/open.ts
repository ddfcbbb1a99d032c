import type { ServerConfig } from '../config.ts';
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
