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

/**
 * What went wrong in any page of the current test: uncaught errors and console errors. The e2e
 * setup (`tests/e2e/setup.ts`) fails every test that leaves something here that it did not expect
 * with `expectConsoleErrors`.
 */
const problems: string[] = [];
const expected: RegExp[] = [];
/**
 * Expected in every test: the page asks who is logged in (`GET /api/me`) before the log-in form,
 * and Chromium logs the 401 answer as a console error.
 */
const alwaysExpected = [/status of 401 .*\/api\/me$/];

/** Called by the e2e setup before each test. */
export function resetPageProblems(): void {
  problems.length = 0;
  expected.length = 0;
}

/** The page errors and unexpected console errors of the current test so far. */
export function pageProblems(): string[] {
  return problems.filter(
    (text) => ![...alwaysExpected, ...expected].some((pattern) => pattern.test(text)),
  );
}

/**
 * Declares console errors the current test provokes on purpose (a refused request, a server that
 * was stopped): they do not fail it. Uncaught page errors always do. A console error reads
 * `console error: TEXT at URL`, the URL being the resource's for a failed load.
 */
export function expectConsoleErrors(...patterns: RegExp[]): void {
  expected.push(...patterns);
}

export function watchPage(page: Page): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    problems.push(`console error: ${message.text()}${url ? ` at ${url}` : ''}`);
  });
}

export async function newContext(
  browser: Browser,
  locale = 'vi-VN',
  options: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale,
    viewport: { width: 1400, height: 900 },
    ...options,
  });
  context.on('page', watchPage);
  return context;
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
  // After failed attempts on this account (a test's wrong password), the page tells of them first.
  await page.locator('[data-testid=current-user], [data-testid=failed-logins]').first().waitFor();
  if (await page.getByTestId('failed-logins').isVisible())
    await page.getByTestId('failed-logins-continue').click();
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
