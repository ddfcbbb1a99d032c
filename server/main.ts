import { startServer } from './app.ts';
import { loadConfig } from './config.ts';

/** `npm start`: reads the environment once and runs the server until SIGINT or SIGTERM. */
/** Where the data is, for the start message: never the password of the database. */
function whereData(config: ReturnType<typeof loadConfig>): string {
  if (!config.databaseUrl) return config.dataDir;
  let place = 'PostgreSQL';
  try {
    const url = new URL(config.databaseUrl);
    place = `PostgreSQL at ${url.host}${url.pathname}`;
  } catch {
    // Not a URL (a connection string of another form): named without its details.
  }
  const schema = config.databaseSchema ? `, schema ${config.databaseSchema}` : '';
  return `${place}${schema}${config.redisUrl ? ', shared with other instances through Redis' : ''}`;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startServer(config);
  console.log(`CaseBoard is running at ${server.url} (data in ${whereData(config)})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: storing every open case and stopping…`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
