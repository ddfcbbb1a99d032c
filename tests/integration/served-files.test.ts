import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePng } from '../helpers/files.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';

/**
 * Issue 19, point 9: a case file opened by its raw address must not run in the browser. A polyglot
 * ("%PDF-" then `<script>`) uploaded as "x.html" was served inline under that name, and a PDF's
 * JavaScript ran in Chromium's viewer.
 */

let server: TestServer;
let owner: ApiClient;
let caseId: string;

/** A PDF whose opening runs `app.alert` three times, as the attack used. */
const PDF_WITH_SCRIPT = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    "4 0 obj << /S /JavaScript /JS (app.alert('1'); app.alert('2'); app.alert('3');) >> endobj",
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n'),
);
const POLYGLOT = Buffer.from('%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n');

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
  const got = await served(await upload('x.html', POLYGLOT));
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
