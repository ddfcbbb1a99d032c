/**
 * How the server process is started (`npm start` through scripts/start-server.mjs, the release's
 * start.sh through scripts/run-server.sh): glibc's mmap threshold is fixed, so the 16 MiB each password check
 * (scrypt) allocates goes back to the system instead of staying in a malloc arena per thread.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, onGlibc, startServerProcess, type ServerProcess } from '../helpers/process.ts';
import { ADMIN, ApiClient } from '../helpers/server.ts';

const MiB = 1024 * 1024;

/** The resident memory of another process, from /proc (Linux). */
function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kib) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kib) * 1024;
}

/** The environment a process started with, from /proc (Linux). */
function environmentOf(pid: number): string[] {
  return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
}

describe.skipIf(!onGlibc)('the server started through scripts/run-server.sh (glibc)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'caseboard-start-'));
  let server: ServerProcess | null = null;
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sets the threshold only where the machine has not chosen one', () => {
    const { MALLOC_MMAP_THRESHOLD_: _, ...inherited } = process.env;
    const read = (env: NodeJS.ProcessEnv) =>
      spawnSync(
        'sh',
        ['scripts/run-server.sh', '-e', 'console.log(process.env.MALLOC_MMAP_THRESHOLD_)'],
        { env, encoding: 'utf8' },
      ).stdout.trim();
    expect(read(inherited)).toBe('131072');
    expect(read({ ...inherited, MALLOC_MMAP_THRESHOLD_: '65536' })).toBe('65536');
  });

  it('npm start’s launcher gives the server the threshold, its arguments and its exit code', () => {
    const { MALLOC_MMAP_THRESHOLD_: _, ...inherited } = process.env;
    const dir = mkdtempSync(join(tmpdir(), 'caseboard-launch-'));
    const entry = join(dir, 'entry.mjs');
    writeFileSync(
      entry,
      'console.log(process.env.MALLOC_MMAP_THRESHOLD_, process.argv.slice(2).join(" ")); process.exit(3)',
    );
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['scripts/start-server.mjs', entry, 'a', 'b'], {
        env,
        encoding: 'utf8',
      });
    const started = run(inherited);
    expect(started.stdout.trim()).toBe('131072 a b');
    expect(started.status).toBe(3);
    expect(run({ ...inherited, MALLOC_MMAP_THRESHOLD_: '65536' }).stdout.trim()).toBe('65536 a b');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps no password check’s 16 MiB after many log-ins', { timeout: 120_000 }, async () => {
    const { MALLOC_MMAP_THRESHOLD_: _, ...inherited } = process.env;
    const env = Object.fromEntries(
      Object.entries(inherited).filter((e): e is [string, string] => e[1] !== undefined),
    );
    server = await startServerProcess(dataDir, await freePort(), env, { launcher: true });
    const pid = server.child.pid!;
    // sh execs Node: the process listening is the one spawned, with the setting.
    expect(environmentOf(pid)).toContain('MALLOC_MMAP_THRESHOLD_=131072');

    const logIn = () => ApiClient.login(server!.url, ADMIN.username, ADMIN.password);
    await logIn();
    const before = residentBytes(pid);
    // Four at a time: libuv's four threads each check one, each in its own malloc arena.
    const rounds = 6;
    for (let i = 0; i < rounds; i++) await Promise.all([logIn(), logIn(), logIn(), logIn()]);
    const grown = residentBytes(pid) - before;
    // Without the setting this grows by about 16 MiB per thread that has checked a password
    // (48 MiB and more here); with it, by what V8 and the sessions take.
    expect(grown / MiB, server.output()).toBeLessThan(24);
  });
});
