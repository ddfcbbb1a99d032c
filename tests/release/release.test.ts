/**
 * `npm run release` for real: the archive is unpacked into an empty folder and started with only
 * PATH from the environment and every way to the network closed (the npm registry, npm's offline
 * switch and the HTTP(S) proxies all point at a closed port). It must start, serve the page and the
 * API, keep its data in its own folder, and stop cleanly on SIGTERM.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, onGlibc } from '../helpers/process.ts';
import { ApiClient } from '../helpers/server.ts';
import { eventually } from '../helpers/sync.ts';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const archive = join('release', `caseboard-${version}-linux-x64.tar.gz`);
const place = mkdtempSync(join(tmpdir(), 'caseboard-offline-'));
const folder = join(place, `caseboard-${version}`);
let made: ReturnType<typeof spawnSync>;

beforeAll(() => {
  made = spawnSync(process.execPath, ['scripts/release.mjs'], {
    encoding: 'utf8',
    timeout: 540_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}, 560_000);
afterAll(() => rmSync(place, { recursive: true, force: true }));

it('makes one archive that installs and starts with no network at all', async () => {
  expect(made.status, `${made.stdout}\n${made.stderr}`).toBe(0);
  expect(existsSync(archive)).toBe(true);
  const unpacked = spawnSync('tar', ['xzf', join(process.cwd(), archive)], { cwd: place });
  expect(unpacked.status, String(unpacked.stderr)).toBe(0);

  // The native part is there, built for this platform; nothing only the developers need is.
  expect(
    existsSync(join(folder, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')),
  ).toBe(true);
  for (const devOnly of ['vitest', 'eslint', 'typescript', 'prettier', 'playwright-core'])
    expect(existsSync(join(folder, 'node_modules', devOnly)), devOnly).toBe(false);
  for (const file of [
    'start.sh',
    'run-server.sh',
    'INSTALL.txt',
    'dist/index.html',
    'dist-server/main.js',
    'dist-server/exportWorker.js',
    'dist-server/pdfTextWorker.js',
  ])
    expect(existsSync(join(folder, file)), file).toBe(true);

  const port = await freePort();
  const closed = 'http://127.0.0.1:9';
  const child = spawn(join(folder, 'start.sh'), [], {
    cwd: place,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: place,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_USERNAME: 'quantri',
      ADMIN_PASSWORD: 'mật khẩu quản trị dài',
      npm_config_registry: `${closed}/`,
      NPM_CONFIG_OFFLINE: 'true',
      HTTP_PROXY: closed,
      HTTPS_PROXY: closed,
      http_proxy: closed,
      https_proxy: closed,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  try {
    const url = `http://127.0.0.1:${port}`;
    await eventually(
      async () => (await fetch(`${url}/api/health`).catch(() => null))?.ok === true,
      30_000,
      `the unpacked server to answer:\n${output}`,
    );
    // start.sh execs Node through run-server.sh: the server process has glibc's setting.
    if (onGlibc)
      expect(readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0')).toContain(
        'MALLOC_MMAP_THRESHOLD_=131072',
      );
    const admin = await ApiClient.login(url, 'quantri', 'mật khẩu quản trị dài');
    const created = await admin.request('POST', '/api/cases', {
      title: 'Vụ án trên máy không mạng',
    });
    expect(created.status).toBe(201);
    const cases = (await admin.request('GET', '/api/cases')).body.cases as Array<{ title: string }>;
    expect(cases.map((c) => c.title)).toEqual(['Vụ án trên máy không mạng']);

    // The page, a page route and the page's script come from the archive's dist/.
    const page = await fetch(`${url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect((await fetch(`${url}/cases/${created.body.id}`)).status).toBe(200);
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const js = await fetch(`${url}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');

    // Exports are drawn by the bundled worker with the fonts from the archive's node_modules.
    const deck = await fetch(`${url}/api/cases/${created.body.id}/deck.pdf`, {
      headers: { cookie: admin.cookie },
    });
    expect(deck.status, output).toBe(200);
    const pdf = Buffer.from(await deck.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pdfFile = join(place, 'deck.pdf');
    writeFileSync(pdfFile, pdf);
    if (spawnSync('pdffonts', ['-v']).status === 0)
      expect(spawnSync('pdffonts', [pdfFile], { encoding: 'utf8' }).stdout).toMatch(/BeVietnamPro/);

    // Its data is in its own folder.
    expect(existsSync(join(folder, 'data', 'caseboard.db'))).toBe(true);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited, output).toBe(0);
});
