import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { ADMIN } from './server.ts';

/** A port nobody listens on right now (asked of the system with port 0, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Whether this process runs on glibc (whose malloc `scripts/run-server.sh` tunes). */
export const onGlibc = Boolean(
  (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header
    ?.glibcVersionRuntime,
);

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** Everything the process wrote, for a failing test's message. */
  output(): string;
}

/**
 * The real server (`server/main.ts`) in its own process, so a test can SIGKILL it. Resolves once it
 * listens. The same data directory and port can be started again after a kill. `launcher`: started
 * as `npm start` starts it, through `scripts/run-server.sh` (which execs Node: the same process).
 */
export async function startServerProcess(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
  { launcher = false } = {},
): Promise<ServerProcess> {
  const args = ['--import', 'tsx', 'server/main.ts'];
  const child = spawn(
    launcher ? 'sh' : process.execPath,
    launcher ? ['scripts/run-server.sh', ...args] : args,
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ADMIN_USERNAME: ADMIN.username,
        ADMIN_PASSWORD: ADMIN.password,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = () => {
      if (!output.includes('CaseBoard is running at')) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve();
    };
    child.stdout!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited while starting:\n${output}`));
    });
  });
  return { child, url: `http://127.0.0.1:${port}`, exited, output: () => output };
}
