import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELF_EXECUTABLE, makePdf, makePng } from '../helpers/files.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let admin: ApiClient;
let owner: ApiClient;
let viewer: ApiClient;
let outsider: ApiClient;
let caseId: string;

async function upload(client: ApiClient, id: string, name: string, bytes: Buffer) {
  const res = await fetch(`${server.url}/api/cases/${id}/files?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: {
      cookie: client.cookie,
      'content-type': 'application/octet-stream',
      'accept-language': 'vi',
    },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: await res.json() };
}

function blobFiles(): string[] {
  const root = join(server.dataDir, 'files');
  return readdirSync(root).flatMap((dir) => readdirSync(join(root, dir)));
}

beforeAll(async () => {
  server = await startTestServer({ maxUploadBytes: 1024 * 1024 });
  admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  owner = await admin.newUser('file-owner');
  viewer = await admin.newUser('file-viewer');
  outsider = await admin.newUser('file-outsider');
  caseId = (await owner.request('POST', '/api/cases', { title: 'Hồ sơ có tệp' })).body.id;
  await owner.request('PUT', `/api/cases/${caseId}/members/file-viewer`, { role: 'viewer' });
});
afterAll(() => server.dispose());

describe('case file uploads', () => {
  it('stores a PDF and shows the same SHA-256 as sha256sum', async () => {
    const pdf = await makePdf(3);
    const path = join(tmpdir(), `caseboard-${Date.now()}.pdf`);
    writeFileSync(path, pdf);
    const expected = execFileSync('sha256sum', [path]).toString().split(' ')[0];
    const res = await upload(owner, caseId, 'Biên bản khám nghiệm hiện trường.pdf', pdf);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      hash: expected,
      mime: 'application/pdf',
      size: pdf.length,
      name: 'Biên bản khám nghiệm hiện trường.pdf',
      uploadedBy: 'file-owner',
      deduplicated: false,
    });
    const back = await fetch(`${server.url}/api/cases/${caseId}/files/${expected}`, {
      headers: { cookie: owner.cookie },
    });
    expect(back.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await back.arrayBuffer()).equals(pdf)).toBe(true);
    const verify = await owner.request('POST', `/api/cases/${caseId}/files/${expected}/verify`);
    expect(verify.body).toMatchObject({ ok: true, sha256: expected });
  });

  it('stores the same bytes once, across names and cases', async () => {
    const png = makePng(8, 8, [10, 120, 200]);
    const first = await upload(owner, caseId, 'ảnh 1.png', png);
    const again = await upload(owner, caseId, 'ảnh 1 (bản sao).png', png);
    const otherCase = (await owner.request('POST', '/api/cases', { title: 'Vụ khác' })).body.id;
    const elsewhere = await upload(owner, otherCase, 'ảnh.png', png);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      hash: first.body.hash,
      deduplicated: true,
      name: 'ảnh 1.png',
    });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.deduplicated).toBe(true);
    expect(blobFiles().filter((f) => f === first.body.hash)).toHaveLength(1);
  });

  it('checks the type by content, not by name', async () => {
    const png = makePng(3, 3, [1, 2, 3]);
    const renamed = await upload(owner, caseId, 'not really.pdf', png);
    expect(renamed.status).toBe(201);
    expect(renamed.body.mime).toBe('image/png');
    const before = blobFiles().length;
    const exe = await upload(owner, caseId, 'holiday.jpg', ELF_EXECUTABLE);
    expect(exe.status).toBe(415);
    expect(exe.body.error).toBe('files.badType');
    expect(exe.body.message).toMatch(/JPEG/);
    expect(blobFiles().length).toBe(before);
    expect(readdirSync(join(server.dataDir, 'tmp'))).toEqual([]);
  });

  it('refuses a file over the size limit with a clear error and keeps nothing of it', async () => {
    const big = makePng(2, 2, [0, 0, 0], 2 * 1024 * 1024);
    const res = await upload(owner, caseId, 'quá lớn.png', big);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      error: 'files.tooLarge',
      message: 'Tệp quá lớn: tối đa 1 MB mỗi tệp.',
    });
    expect(readdirSync(join(server.dataDir, 'tmp'))).toEqual([]);
    // Without a Content-Length (a chunked stream) the limit is enforced while reading.
    const chunked = await fetch(`${server.url}/api/cases/${caseId}/files?name=stream.png`, {
      method: 'POST',
      headers: {
        cookie: owner.cookie,
        'content-type': 'application/octet-stream',
        'accept-language': 'en',
      },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 32; i++)
            controller.enqueue(i === 0 ? big.subarray(0, 64 * 1024) : new Uint8Array(64 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).message).toBe('The file is too large: at most 1 MB per file.');
    expect(readdirSync(join(server.dataDir, 'tmp'))).toEqual([]);
    // The server goes on serving.
    expect((await owner.request('GET', `/api/cases/${caseId}/files`)).status).toBe(200);
  });

  it('lets viewers read but not upload, and non-members nothing', async () => {
    const png = makePng(5, 5, [9, 9, 9]);
    const { hash } = (await upload(owner, caseId, 'xem.png', png)).body;
    const list = await viewer.request('GET', `/api/cases/${caseId}/files`);
    expect(list.body.files.map((f: { hash: string }) => f.hash)).toContain(hash);
    const read = await fetch(`${server.url}/api/cases/${caseId}/files/${hash}`, {
      headers: { cookie: viewer.cookie },
    });
    expect(read.status).toBe(200);
    expect((await upload(viewer, caseId, 'viewer.png', makePng(6, 6))).status).toBe(403);
    expect((await upload(outsider, caseId, 'outsider.png', makePng(7, 7))).status).toBe(404);
    expect((await outsider.request('GET', `/api/cases/${caseId}/files`)).status).toBe(404);
    const stolen = await fetch(`${server.url}/api/cases/${caseId}/files/${hash}`, {
      headers: { cookie: outsider.cookie },
    });
    expect(stolen.status).toBe(404);
    // A member of another case cannot read this file through their own case either.
    const theirCase = (await outsider.request('POST', '/api/cases', { title: 'Của người khác' }))
      .body.id;
    const sideways = await fetch(`${server.url}/api/cases/${theirCase}/files/${hash}`, {
      headers: { cookie: outsider.cookie },
    });
    expect(sideways.status).toBe(404);
  });

  it('reports a file whose stored bytes no longer match its hash', async () => {
    const png = makePng(9, 9, [50, 60, 70]);
    const { hash } = (await upload(owner, caseId, 'sẽ hỏng.png', png)).body;
    const path = join(server.dataDir, 'files', hash.slice(0, 2), hash);
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 20) ^ 0xff, bytes.length - 20);
    writeFileSync(path, bytes);
    const verify = await owner.request('POST', `/api/cases/${caseId}/files/${hash}/verify`);
    expect(verify.body.ok).toBe(false);
    expect(verify.body.sha256).not.toBe(hash);
  });
});
