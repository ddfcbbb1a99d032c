import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listBoards } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import {
  boardTitles,
  expectConsoleErrors,
  launchBrowser,
  logIn,
  newContext,
  until,
} from './browser.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  await admin.newUser('ksv.hung', 'Lê Văn Hùng');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const status = (page: Page) => page.getByTestId('connection-status').getAttribute('data-status');

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function addBoard(page: Page, title: string): Promise<void> {
  await page.getByTestId('board-add').click();
  await page.locator('[data-testid=board-dialog] input[name=title]').fill(title);
  await page.getByTestId('board-create').click();
  await page.getByTestId('board-tab').filter({ hasText: title }).waitFor();
}

it('keeps what is typed offline, across a reload with the server gone, and merges it when back', async () => {
  // The test takes the page and then the server off the network on purpose.
  expectConsoleErrors(/net::ERR_(INTERNET_DISCONNECTED|FAILED|CONNECTION_REFUSED)/);
  const lanApi = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lanApi.request('POST', '/api/cases', { title: 'Vụ án ngoại tuyến' })).body
    .id as string;
  await lanApi.request('PUT', `/api/cases/${caseId}/members/ksv.hung`, { role: 'editor' });

  const lanContext = await newContext(browser);
  const lan = await lanContext.newPage();
  await logIn(lan, server.url, 'ksv.lan', 'ksv.lan-password');
  await lan.goto(`${server.url}/cases/${caseId}`);
  await until(async () => (await status(lan)) === 'online', 10_000, 'Lan online');
  // The service worker keeps the app shell for an offline reload.
  await lan.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  const hung = await (await newContext(browser)).newPage();
  await logIn(hung, server.url, 'ksv.hung', 'ksv.hung-password');
  await hung.goto(`${server.url}/cases/${caseId}`);
  await until(async () => (await status(hung)) === 'online', 10_000, 'Hùng online');

  await lanContext.setOffline(true);
  await until(async () => (await status(lan)) === 'offline', 5000, 'Lan to show offline');
  await addBoard(lan, 'Ghi khi mất mạng');
  await addBoard(hung, 'Hùng ghi trong lúc đó');
  // Nothing crosses while Lan is offline. The marker: Hùng's board, made after Lan's, has reached
  // another member through the server; had Lan's crossed, it would be there too.
  const observer = connectClient(server.url, caseId, await lanApi.token());
  await synced(observer);
  const observed = () => listBoards(observer.doc).map((b) => b.title);
  await until(
    async () => observed().includes('Hùng ghi trong lúc đó'),
    5000,
    'Hùng’s board observed',
  );
  expect(observed()).toEqual(['Hùng ghi trong lúc đó']);
  observer.destroy();
  expect(await boardTitles(hung)).toEqual(['Hùng ghi trong lúc đó']);
  expect(await boardTitles(lan)).toEqual(['Ghi khi mất mạng']);

  // The server goes away too: the reload can only come from the browser's own storage.
  await server.close();
  await lan.reload();
  await lan.getByTestId('case-page').waitFor({ timeout: 10_000 });
  await until(
    async () => (await boardTitles(lan)).includes('Ghi khi mất mạng'),
    10_000,
    'the offline board after the reload',
  );
  await addBoard(lan, 'Ghi sau khi tải lại');
  // Exports work with no network and no server: the fonts a PDF embeds came with the page (the
  // service worker keeps them with the app shell), and the board is drawn from the document.
  await lan.getByTestId('template-blank').click();
  const menu = lan.getByTestId('export-menu').filter({ visible: true });
  await menu.locator('summary').click();
  const waiting = lan.waitForEvent('download', { timeout: 30_000 });
  await menu.getByTestId('export-pdf').click();
  const pdfPath = (await (await waiting).path())!;
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  if (hasPoppler) {
    expect(execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' })).toMatch(/BeVietnamPro/);
    expect(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })).toContain(
      'Vụ án ngoại tuyến',
    );
  }
  await menu.locator('summary').click();

  server = await server.restart();
  await lanContext.setOffline(false);
  await until(
    async () => (await boardTitles(hung)).length === 3,
    15_000,
    'both offline boards at Hùng',
  );
  await until(async () => (await boardTitles(lan)).length === 3, 15_000, 'Hùng’s board at Lan');
  expect([...(await boardTitles(lan))].sort()).toEqual([
    'Ghi khi mất mạng',
    'Ghi sau khi tải lại',
    'Hùng ghi trong lúc đó',
  ]);
  expect(await boardTitles(lan)).toEqual(await boardTitles(hung));
  await lanContext.close();
  await hung.context().close();
});
