import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, logIn, newContext } from './browser.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

it('changes the password in the page, and the other computer is logged out of its open case', async () => {
  const api = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await api.request('POST', '/api/cases', { title: 'Vụ án bảo mật' })).body.id;

  // "Another computer" with the case open.
  const other = await (await newContext(browser, 'en-GB')).newPage();
  await logIn(other, server.url, 'ksv.lan', 'ksv.lan-password');
  await other.goto(`${server.url}/cases/${caseId}`);
  await other.getByTestId('case-page').waitFor();

  const page = await (await newContext(browser, 'vi-VN')).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.getByTestId('change-password').click();
  const dialog = page.getByTestId('password-dialog');
  await dialog.locator('input[name=current]').fill('ksv.lan-password');
  await dialog.locator('input[name=next]').fill('mật khẩu mới 2026');
  await dialog.locator('input[name=again]').fill('mật khẩu khác');
  await page.getByTestId('password-save').click();
  expect(await page.getByTestId('password-message').innerText()).toBe(
    'Hai lần nhập mật khẩu mới không khớp.',
  );
  await dialog.locator('input[name=again]').fill('mật khẩu mới 2026');
  await page.getByTestId('password-save').click();
  await page.getByTestId('password-message').filter({ hasText: 'Đã đổi mật khẩu' }).waitFor();

  // The other computer's open case says why it stopped, and it cannot do anything more.
  await other.getByTestId('sync-error').waitFor({ timeout: 10_000 });
  expect(await other.getByTestId('sync-error').innerText()).toBe(
    'Your session has ended (logged out or password changed). Please log in again.',
  );
  expect(await other.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
  // This one goes on, and the new password is the one that works.
  expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(200);
  await ApiClient.login(server.url, 'ksv.lan', 'mật khẩu mới 2026');
  await other.context().close();
  await page.context().close();
});
