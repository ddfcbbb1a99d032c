// Starts the built server (`node scripts/start-server.mjs dist-server/main.js`), as `npm start`
// does, on every platform. On glibc the server needs one C library setting in its environment from
// the moment its process starts (MALLOC_MMAP_THRESHOLD_, explained in scripts/run-server.sh, which
// the release's start.sh uses): there this script starts the server as a child with the setting,
// passing signals on and ending with its exit code. Elsewhere (Windows, macOS, musl), or when the
// setting is already there, the server runs in this process.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry = 'dist-server/main.js', ...rest] = process.argv.slice(2);
const glibc =
  process.platform === 'linux' && Boolean(process.report?.getReport?.().header?.glibcVersionRuntime);

if (glibc && process.env.MALLOC_MMAP_THRESHOLD_ === undefined) {
  const child = spawn(process.execPath, [...process.execArgv, entry, ...rest], {
    env: { ...process.env, MALLOC_MMAP_THRESHOLD_: '131072' },
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
} else {
  process.argv = [process.argv[0], resolve(entry), ...rest];
  await import(pathToFileURL(resolve(entry)).href);
}
