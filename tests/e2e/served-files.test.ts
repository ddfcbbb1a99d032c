import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PDF_HTML_POLYGLOT, PDF_WITH_SCRIPT } from '../helpers/files.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, logIn, newContext } from './browser.ts';

/** Issue 19, point 9, as found: a case file's raw address opened in Chromium runs nothing. */

let server: TestServer;
let browser: Browser;
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
  return ((await res.json()) as { hash: string }).hash;
}

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  owner = await admin.newUser('ksv.lan', 'Trần Thị Lan');
  caseId = (await owner.request('POST', '/api/cases', { title: 'Tệp độc hại' })).body.id;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

it('downloads a scripted PDF and a polyglot named x.html as .pdf files, and runs no script', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  const dialogs: string[] = [];
  context.on('page', (p) =>
    p.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message()))),
  );
  page.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
  for (const [name, bytes, expected] of [
    ['Biên bản.pdf', PDF_WITH_SCRIPT, 'Biên bản.pdf'],
    ['x.html', PDF_HTML_POLYGLOT, 'x.pdf'],
  ] as const) {
    const hash = await upload(name, bytes);
    const opened = await context.newPage();
    const download = opened.waitForEvent('download');
    // Chromium answers a download with an aborted navigation, which is what is expected here.
    await opened.goto(`${server.url}/api/cases/${caseId}/files/${hash}`).catch(() => undefined);
    expect((await download).suggestedFilename()).toBe(expected);
    await opened.close();
  }
  expect(dialogs).toEqual([]);
  await context.close();
});
