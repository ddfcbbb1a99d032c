import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium through playwright-core (browser downloads cannot work here). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function newContext(browser: Browser, locale = 'vi-VN'): Promise<BrowserContext> {
  return browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
}

/** Logs in through the login form, as a person would. */
export async function logIn(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function until(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await check()) return Date.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  expect.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export async function boardTitles(page: Page): Promise<string[]> {
  return page.getByTestId('board-tab').allInnerTexts();
}
