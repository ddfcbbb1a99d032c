import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { makePng } from '../helpers/files.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced, type SyncClient } from '../helpers/sync.ts';
import { bombEntry, handMadeZip, smallEntry, type ZipEntry } from '../helpers/zipbomb.ts';

/**
 * Issue 19, point 2: a 1 MB backup whose `files/<sha256>` entry inflates to hundreds of MiB of
 * zeros with the right hash. `npm run test:stress` inflates the full 1,000 MiB of the report.
 */
const BOMB_MIB = process.env.STRESS ? 1000 : 200;

let server: TestServer;
let owner: ApiClient;
let restorer: ApiClient;
let neighbourCase: string;
let neighbours: SyncClient[] = [];
let bomb: Awaited<ReturnType<typeof bombEntry>>;
let base: { manifest: Record<string, unknown>; entries: Record<string, Uint8Array> };

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  owner = await admin.newUser('bomb-neighbour');
  restorer = await admin.newUser('bomb-restorer');
  neighbourCase = (await owner.request('POST', '/api/cases', { title: 'Vụ bên cạnh' })).body
    .id as string;
  neighbours = [
    connectClient(server.url, neighbourCase, await owner.token()),
    connectClient(server.url, neighbourCase, await owner.token()),
  ];
  await Promise.all(neighbours.map((c) => synced(c)));
  const backup = await fetch(`${server.url}/api/cases/${neighbourCase}/backup`, {
    headers: { cookie: owner.cookie },
  });
  const entries = unzipSync(new Uint8Array(await backup.arrayBuffer()));
  base = {
    entries,
    manifest: JSON.parse(new TextDecoder().decode(entries['manifest.json'])),
  };
  bomb = await bombEntry(makePng().subarray(0, 16), BOMB_MIB);
}, 120_000);

afterAll(async () => {
  for (const c of neighbours) c.destroy();
  await server?.dispose();
});

/** The neighbour's backup with one more case file: the bomb, named by its true hash. */
function bombZip(declared?: number): Buffer {
  const manifest = {
    ...base.manifest,
    files: [{ hash: bomb.hash, name: 'scan.png', mime: 'image/png', size: 1000 }],
  };
  const entries: ZipEntry[] = [
    smallEntry('manifest.json', new TextEncoder().encode(JSON.stringify(manifest))),
    smallEntry('document.yjs', base.entries['document.yjs']!),
    bomb.entry(`files/${bomb.hash}`, declared),
  ];
  return handMadeZip(entries);
}

async function restore(body: Uint8Array, lang = 'en') {
  const res = await fetch(`${server.url}/api/cases/restore`, {
    method: 'POST',
    headers: {
      cookie: restorer.cookie,
      'content-type': 'application/zip',
      'accept-language': lang,
    },
    body: body as BodyInit,
  });
  return { status: res.status, body: (await res.json()) as { error: string; message: string } };
}

const stored = () => {
  const files = join(server.dataDir, 'files');
  return existsSync(files) ? readdirSync(files, { recursive: true }).length : 0;
};
const temporary = () => readdirSync(join(server.dataDir, 'tmp'));
const cases = async () => (await restorer.request('GET', '/api/cases')).body.cases.length as number;

/** One edit by one neighbour, until the other sees it: the round trip through the server, in ms. */
function roundTrip(n: number): Promise<number> {
  const [from, to] = neighbours as [SyncClient, SyncClient];
  const started = performance.now();
  return new Promise((resolve) => {
    const map = to.doc.getMap('bench');
    const seen = () => {
      if (map.get('n') !== n) return;
      map.unobserve(seen);
      resolve(performance.now() - started);
    };
    map.observe(seen);
    from.doc.getMap('bench').set('n', n);
  });
}

const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
};

it(`refuses a 1 MB backup whose case file inflates to ${BOMB_MIB} MiB, in both languages, and keeps nothing`, async () => {
  const zip = bombZip(1000);
  expect(zip.length).toBeLessThan((BOMB_MIB / 1000 + 0.1) * 1024 * 1024);
  const [casesBefore, filesBefore] = [await cases(), stored()];

  // Headers that lie about the size: caught while inflating, at the 50 MB upload limit.
  const lying = await restore(zip);
  expect(lying.status).toBe(413);
  expect(lying.body.error).toBe('backup.entryTooLarge');
  expect(lying.body.message).toBe(
    `The backup file is not valid: entry files/${bomb.hash.slice(0, 12)}… inflates past 50 MB (the limit per file). Nothing was kept.`,
  );
  const vi = await restore(zip, 'vi');
  expect(vi.body.message).toContain('giải nén ra quá 50 MB');

  // Honest headers: refused from the directory before inflating anything.
  expect((await restore(bombZip())).body.error).toBe('backup.entryTooLarge');

  expect(await cases()).toBe(casesBefore);
  expect(stored()).toBe(filesBefore);
  expect(temporary()).toEqual([]);
});

it('keeps a neighbour case’s edits quick while bombs are being refused', async () => {
  const zip = bombZip(1000);
  for (let i = 0; i < 5; i++) await roundTrip(-i - 1);
  const quiet: number[] = [];
  for (let i = 0; i < 20; i++) quiet.push(await roundTrip(i));

  let restoring = true;
  const restores = (async () => {
    for (let i = 0; i < 4; i++) expect((await restore(zip)).status).toBe(413);
    restoring = false;
  })();
  const busy: number[] = [];
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  let n = 1000;
  while (restoring) {
    busy.push(await roundTrip(n++));
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }
  await restores;
  console.log(
    `neighbour round trip: quiet p95 ${p95(quiet).toFixed(1)} ms, during ${busy.length} edits of 4 restores of a ${BOMB_MIB} MiB bomb p95 ${p95(busy).toFixed(1)} ms, max ${Math.max(...busy).toFixed(1)} ms; process memory +${((rssPeak - rssBefore) / 1024 / 1024).toFixed(0)} MiB at most`,
  );
  expect(busy.length).toBeGreaterThan(0);
  // Generous: the machine is shared; before the fix the figure was seconds.
  expect(p95(busy)).toBeLessThan(500);
}, 60_000);

it('lets one account restore one backup at a time: a second at once answers 429, clearly', async () => {
  const zip = bombZip(1000);
  // The first restore is still sending its body…
  const request = httpRequest(`${server.url}/api/cases/restore`, {
    method: 'POST',
    headers: {
      cookie: restorer.cookie,
      'content-type': 'application/zip',
      'accept-language': 'en',
    },
  });
  const first = new Promise<number>((resolve, reject) => {
    request.once('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    request.once('error', reject);
  });
  request.write(zip.subarray(0, 1000));
  await eventually(
    () => temporary().some((name) => name.startsWith('restore-')),
    5000,
    'the first restore to start',
  );
  // …so a second from the same account is told to wait for it.
  const second = await restore(new Uint8Array(0), 'vi');
  expect(second.status).toBe(429);
  expect(second.body.error).toBe('backup.busy');
  expect(second.body.message).toBe(
    'Bạn đang khôi phục một bản sao lưu khác. Hãy đợi việc đó xong rồi thử lại.',
  );
  request.end(zip.subarray(1000));
  expect(await first).toBe(413);
  // Once it is over, the account may restore again.
  expect((await restore(zip)).status).toBe(413);
  expect(temporary()).toEqual([]);
});

it('still restores a real backup of several megabytes, its file byte for byte', async () => {
  const caseId = (await restorer.request('POST', '/api/cases', { title: 'Vụ có ảnh lớn' })).body
    .id as string;
  const png = Buffer.concat([makePng(), randomBytes(8 * 1024 * 1024)]);
  const upload = await fetch(`${server.url}/api/cases/${caseId}/files?name=anh.png`, {
    method: 'POST',
    headers: { cookie: restorer.cookie, 'content-type': 'application/octet-stream' },
    body: png,
  });
  const { hash } = (await upload.json()) as { hash: string };
  const backup = await fetch(`${server.url}/api/cases/${caseId}/backup`, {
    headers: { cookie: restorer.cookie },
  });
  const zip = new Uint8Array(await backup.arrayBuffer());
  expect(zip.length).toBeGreaterThan(8 * 1024 * 1024);
  const restored = await fetch(`${server.url}/api/cases/restore`, {
    method: 'POST',
    headers: { cookie: restorer.cookie, 'content-type': 'application/zip' },
    body: zip,
  });
  expect(restored.status).toBe(201);
  const { id } = (await restored.json()) as { id: string };
  const file = await fetch(`${server.url}/api/cases/${id}/files/${hash}`, {
    headers: { cookie: restorer.cookie },
  });
  expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
  expect(temporary()).toEqual([]);
});

it('removes what a restore cut short by a crash left behind, when the server starts again', async () => {
  const left = join(server.dataDir, 'tmp', 'restore-crashed');
  mkdirSync(left, { recursive: true });
  writeFileSync(join(left, 'backup.zip'), bombZip(1000));
  server = await server.restart();
  expect(temporary()).toEqual([]);
});
