import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePng, PDF_HTML_POLYGLOT, PDF_WITH_SCRIPT } from '../helpers/files.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';

/**
 * Issue 19, point 9: a case file opened by its raw address must not run in the browser. A polyglot
 * ("%PDF-" then `<script>`) uploaded as "x.html" was served inline under that name, and a PDF's
 * JavaScript ran in Chromium's viewer.
 */

let server: TestServer;
let owner: ApiClient;
let caseId: string;

async function upload(name: string, bytes: Buffer): Promise<string> {
  const res = await fetch(
    `${server.url}/api/cases/${caseId}/files?name=${encodeURIComponent(name)}`,
    {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    },
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { hash: string }).hash;
}

async function served(hash: string) {
  const res = await fetch(`${server.url}/api/cases/${caseId}/files/${hash}`, {
    headers: { cookie: owner.cookie },
  });
  await res.arrayBuffer();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition') ?? '',
    nosniff: res.headers.get('x-content-type-options'),
    csp: res.headers.get('content-security-policy') ?? '',
  };
}

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  owner = await admin.newUser('served-owner');
  caseId = (await owner.request('POST', '/api/cases', { title: 'Tệp độc hại' })).body.id;
});
afterAll(async () => {
  await server?.dispose();
});

it('serves a polyglot named x.html as an attachment x.pdf of type PDF, never as HTML', async () => {
  const got = await served(await upload('x.html', PDF_HTML_POLYGLOT));
  expect(got.status).toBe(200);
  expect(got.type).toBe('application/pdf');
  expect(got.disposition).toBe("attachment; filename*=UTF-8''x.pdf");
  expect(got.nosniff).toBe('nosniff');
  expect(got.csp).toContain('sandbox');
});

it('hands a PDF with JavaScript to the browser as a download, its Vietnamese name kept', async () => {
  const got = await served(await upload('Biên bản khám nghiệm.PDF', PDF_WITH_SCRIPT));
  expect(got.disposition).toBe(
    `attachment; filename*=UTF-8''${encodeURIComponent('Biên bản khám nghiệm.pdf')}`,
  );
});

it('shows a picture inline, under the extension of what it is', async () => {
  const got = await served(await upload('ảnh hiện trường.svg', makePng()));
  expect(got.type).toBe('image/png');
  expect(got.disposition).toBe(
    `inline; filename*=UTF-8''${encodeURIComponent('ảnh hiện trường.png')}`,
  );
});
