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

/**
 * Started on glibc without scripts/run-server.sh (`npm start` and start.sh use it): every password
 * check's 16 MiB would stay in a malloc arena of its thread (docs/deploy.md, "Memory"), so say what to set.
 */
function mallocHint(): string | null {
  const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
  if (!report.header?.glibcVersionRuntime || process.env.MALLOC_MMAP_THRESHOLD_ !== undefined)
    return null;
  return 'Started without MALLOC_MMAP_THRESHOLD_=131072 in the environment: glibc will keep 16 MiB for each thread that has checked a password (see docs/deploy.md, "Memory"; `npm start` and start.sh set it).';
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startServer(config);
  console.log(`CaseBoard is running at ${server.url} (data in ${whereData(config)})`);
  const hint = mallocHint();
  if (hint) console.warn(hint);
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
