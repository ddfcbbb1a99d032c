import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { expectConsoleErrors, launchBrowser, newContext } from './browser.ts';
import { contrastProblems } from './look.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('vien-truong', 'Viện trưởng');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

it('tells the owner of the wrong passwords given for their account, then lets them in', async () => {
  // Someone guesses three times; the account stays open to its owner.
  for (let i = 0; i < 3; i++)
    await new ApiClient(server.url).request('POST', '/api/auth/login', {
      username: 'vien-truong',
      password: `đoán-${i}`,
    });
  for (const [locale, text, next] of [
    ['vi-VN', /có 3 lần nhập sai mật khẩu .* từ địa chỉ 127\.0\.0\.1\./, 'Tiếp tục'],
    ['en-GB', /since your last log-in: 3\. The last at .*, from 127\.0\.0\.1\./, 'Continue'],
  ] as const) {
    const page = await (await newContext(browser, locale)).newPage();
    expectConsoleErrors(/status of 401 .*\/api\/me$/); // the first look before logging in
    await page.goto(server.url + '/');
    await page.locator('input[name=username]').fill('vien-truong');
    await page.locator('input[name=password]').fill('vien-truong-password');
    await page.getByTestId('login-submit').click();
    const notice = page.getByTestId('failed-logins');
    expect(await notice.innerText()).toMatch(text);
    expect(await contrastProblems(page, '[data-testid=failed-logins]', 4.5)).toEqual([]);
    expect(await page.getByTestId('failed-logins-continue').innerText()).toBe(next);
    await page.getByTestId('failed-logins-continue').click();
    await page.getByTestId('current-user').waitFor();
    await page.context().close();
    // Told once: three new guesses, for the English round to be told of.
    if (locale === 'vi-VN')
      for (let i = 0; i < 3; i++)
        await new ApiClient(server.url).request('POST', '/api/auth/login', {
          username: 'vien-truong',
          password: `đoán-lại-${i}`,
        });
  }
});
