import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
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
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  await admin.newUser('ksv.hung', 'Lê Văn Hùng');
  await admin.newUser('thu.ky', 'Đỗ Thị Lập');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function openAs(username: string, locale = 'vi-VN'): Promise<Page> {
  const context = await newContext(browser, locale);
  const page = await context.newPage();
  await logIn(page, server.url, username, `${username}-password`);
  return page;
}

async function createCase(page: Page, title: string, classification = 'none'): Promise<string> {
  await page.getByTestId('new-case').click();
  await page.locator('input[name=title]').fill(title);
  await page.getByTestId('offence-search').fill('trom cap');
  await page.getByTestId('offence-option').filter({ hasText: 'Điều 173' }).click();
  await page.locator('select[name=classification]').selectOption(classification);
  await page.getByTestId('case-save').click();
  await page.getByTestId('case-page').waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function addBoard(page: Page, title: string): Promise<void> {
  await page.getByTestId('board-add').click();
  await page.locator('[data-testid=board-dialog] input[name=title]').fill(title);
  await page.getByTestId('board-create').click();
  await page.getByTestId('board-tab').filter({ hasText: title }).waitFor();
}

async function share(caseId: string, owner: string, username: string, role: string): Promise<void> {
  const client = await ApiClient.login(server.url, owner, `${owner}-password`);
  const res = await client.request('PUT', `/api/cases/${caseId}/members/${username}`, { role });
  expect(res.status).toBe(200);
}

async function openCase(page: Page, caseId: string): Promise<void> {
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('case-page').waitFor();
  await until(
    async () =>
      (await page.getByTestId('connection-status').getAttribute('data-status')) === 'online',
    10_000,
    'the case to sync',
  );
}

describe('a case, edited together', () => {
  it('shows a board added and renamed in one browser in the other', async () => {
    const lan = await openAs('ksv.lan');
    const caseId = await createCase(lan, 'Vụ trộm cắp tài sản tại chợ Đồng Xuân');
    await share(caseId, 'ksv.lan', 'ksv.hung', 'editor');
    const hung = await openAs('ksv.hung');
    await openCase(hung, caseId);
    await until(
      async () => (await lan.getByTestId('avatar').count()) === 2,
      5000,
      'both people to be shown here',
    );

    await addBoard(lan, 'Nội dung vụ án');
    await until(
      async () => (await boardTitles(hung)).includes('Nội dung vụ án'),
      5000,
      'the new board in the second browser',
    );

    await lan.getByTestId('board-tab').filter({ hasText: 'Nội dung vụ án' }).dblclick();
    await lan.getByTestId('board-rename-input').fill('Diễn biến hành vi phạm tội');
    await lan.getByTestId('board-rename-input').press('Enter');
    await until(
      async () => (await boardTitles(hung)).includes('Diễn biến hành vi phạm tội'),
      5000,
      'the rename in the second browser',
    );
    expect(await boardTitles(hung)).toEqual(['Diễn biến hành vi phạm tội']);
    await lan.context().close();
    await hung.context().close();
  });

  it('undoes only one’s own changes', async () => {
    const lan = await openAs('ksv.lan');
    const caseId = await createCase(lan, 'Vụ cố ý gây thương tích');
    await share(caseId, 'ksv.lan', 'ksv.hung', 'editor');
    const hung = await openAs('ksv.hung');
    await openCase(hung, caseId);
    await addBoard(lan, 'Của Lan');
    await until(
      async () => (await boardTitles(hung)).includes('Của Lan'),
      5000,
      'Lan’s board at Hùng',
    );
    await addBoard(hung, 'Của Hùng');
    await until(
      async () => (await boardTitles(lan)).includes('Của Hùng'),
      5000,
      'Hùng’s board at Lan',
    );

    await lan.locator('body').click({ position: { x: 5, y: 300 } });
    await lan.keyboard.press('Control+z');
    await until(
      async () => !(await boardTitles(lan)).includes('Của Lan'),
      5000,
      'Lan’s board undone',
    );
    expect(await boardTitles(lan)).toEqual(['Của Hùng']);
    await until(async () => (await boardTitles(hung)).length === 1, 5000, 'the undo at Hùng');
    expect(await boardTitles(hung)).toEqual(['Của Hùng']);

    await lan.keyboard.press('Control+Shift+z');
    await until(
      async () => (await boardTitles(hung)).includes('Của Lan'),
      5000,
      'the redo at Hùng',
    );
    await lan.context().close();
    await hung.context().close();
  });

  it('shows a viewer the case read-only, and the classification on a classified case', async () => {
    const lan = await openAs('ksv.lan');
    const caseId = await createCase(lan, 'Vụ án mật', 'mat');
    await addBoard(lan, 'Sơ đồ hiện trường');
    await expect(lan.getByTestId('classification-banner').innerText()).resolves.toBe('MẬT');
    await share(caseId, 'ksv.lan', 'thu.ky', 'viewer');
    const viewer = await openAs('thu.ky');
    await expect(viewer.getByTestId('classification-badge').first().innerText()).resolves.toBe(
      'MẬT',
    );
    await openCase(viewer, caseId);
    expect(await viewer.getByTestId('classification-banner').innerText()).toBe('MẬT');
    expect(await viewer.getByTestId('read-only').isVisible()).toBe(true);
    expect(await viewer.getByTestId('board-add').count()).toBe(0);
    expect(await viewer.getByTestId('register-add').count()).toBe(0);
    expect(await boardTitles(viewer)).toEqual(['Sơ đồ hiện trường']);
    await lan.context().close();
    await viewer.context().close();
  });
});

describe('the page itself', () => {
  it('speaks the browser language first and switches language on demand', async () => {
    for (const [locale, text] of [
      ['vi-VN', 'Đăng nhập'],
      ['en-US', 'Log in'],
    ] as const) {
      const context = await newContext(browser, locale);
      const page = await context.newPage();
      await page.goto(server.url + '/');
      expect(await page.getByTestId('login-submit').innerText()).toBe(text);
      await context.close();
    }
    const context = await newContext(browser, 'vi-VN');
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await page.getByTestId('language-switch').selectOption('en');
    expect(await page.getByTestId('login-submit').innerText()).toBe('Log in');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The server answers in the chosen language too.
    await page.locator('input[name=username]').fill('ksv.lan');
    expectConsoleErrors(/status of 401 .*\/api\/auth\/login$/); // the wrong password, on purpose
    await page.locator('input[name=password]').fill('wrong password');
    await page.getByTestId('login-submit').click();
    expect(await page.getByTestId('login-error').innerText()).toBe('Wrong user name or password.');
    await page.reload();
    expect(await page.getByTestId('login-submit').innerText()).toBe('Log in');
    await page.getByTestId('language-switch').selectOption('vi');
    expect(await page.getByTestId('login-submit').innerText()).toBe('Đăng nhập');
    await context.close();
  });

  it('asks no host but its own', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
    const caseId = await createCase(page, 'Vụ kiểm tra mạng');
    await addBoard(page, 'Bảng');
    await openCase(page, caseId);
    await page.waitForLoadState('networkidle');
    const origin = new URL(server.url).origin;
    const wsOrigin = origin.replace(/^http/, 'ws');
    const foreign = requests.filter(
      (url) =>
        !url.startsWith(origin) &&
        !url.startsWith(wsOrigin) &&
        !url.startsWith('data:') &&
        !url.startsWith('blob:'),
    );
    expect(requests.length).toBeGreaterThan(5);
    expect(foreign).toEqual([]);
    // The bundled font is what the page uses.
    const faces = await page.evaluate(async () =>
      (await document.fonts.load('16px "Be Vietnam Pro"', 'Việt người')).map((f) => f.status),
    );
    expect(faces.length).toBeGreaterThan(0);
    expect(faces.every((status) => status === 'loaded')).toBe(true);
    await context.close();
  });
});
