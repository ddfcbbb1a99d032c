import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, insertOutline } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';

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

/** The topics of the case page's own board (not of an open version), sorted. */
const mainLabels = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=topic-label]')]
      .filter((el) => !el.closest('[data-testid=version-view]'))
      .map((el) => (el as HTMLElement).innerText)
      .sort(),
  );

/** The outline colour of the node showing `text` in a pane of the version view. */
const outlineIn = (page: Page, pane: string, text: string) =>
  page
    .getByTestId(pane)
    .locator('.react-flow__node', { hasText: text })
    .first()
    .evaluate((el) => getComputedStyle(el).outlineColor);

it('makes a version, shows what changed since, restores it for everyone, and undoes the restore', async () => {
  const api = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await api.request('POST', '/api/cases', { title: 'Vụ trộm cắp tài sản' })).body
    .id as string;
  await api.request('PUT', `/api/cases/${caseId}/members/ksv.hung`, { role: 'editor' });
  const writer = connectClient(server.url, caseId, await api.token());
  await synced(writer);
  const boardId = addBoard(writer.doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, 'test');
  insertOutline(
    writer.doc,
    {
      boardId,
      parent: null,
      nodes: [
        {
          label: 'Vụ trộm',
          children: [
            { label: 'Bị can', children: [] },
            { label: 'Người bị hại', children: [] },
          ],
        },
      ],
    },
    'test',
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  writer.destroy();

  const page = await (await newContext(browser, 'vi-VN')).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await until(async () => (await mainLabels(page)).length === 3, 10_000, 'the map');
  const other = await (await newContext(browser, 'en-GB')).newPage();
  await logIn(other, server.url, 'ksv.hung', 'ksv.hung-password');
  await other.goto(`${server.url}/cases/${caseId}`);
  await until(async () => (await mainLabels(other)).length === 3, 10_000, 'the map, other');

  // A named version.
  await page.getByTestId('toggle-history').click();
  await page.getByTestId('version-name').fill('Trước báo cáo án ngày 12/3');
  await page.getByTestId('version-make').click();
  const item = page.locator('[data-testid=version-item][data-name="Trước báo cáo án ngày 12/3"]');
  await item.waitFor();
  expect(await item.innerText()).toContain('ksv.lan');

  // Change the map: one topic deleted, one added.
  // Each key once the click shows as a selection, as a person would see it.
  await page.getByTestId('topic').filter({ hasText: 'Bị can' }).click();
  await page.locator('.topic.is-selected').filter({ hasText: 'Bị can' }).waitFor();
  await page.keyboard.press('Delete');
  await page.getByTestId('topic').filter({ hasText: 'Người bị hại' }).click();
  await page.locator('.topic.is-selected').filter({ hasText: 'Người bị hại' }).waitFor();
  await page.keyboard.press('Tab');
  await page.getByTestId('topic-editor').waitFor();
  await page.keyboard.type('Nhân chứng');
  await page.keyboard.press('Enter');
  await until(
    async () => (await mainLabels(other)).join('|') === 'Người bị hại|Nhân chứng|Vụ trộm',
    10_000,
    'the change at the other',
  );

  // The version beside the current state: what went is red on the left, what came green on the right.
  await item.getByTestId('version-compare').click();
  await page.getByTestId('version-view').waitFor();
  await page.getByTestId('version-pane-then').getByText('Bị can').waitFor();
  await page.getByTestId('version-pane-now').getByText('Nhân chứng').waitFor();
  await until(
    async () => (await outlineIn(page, 'version-pane-then', 'Bị can')) === 'rgb(220, 38, 38)',
    5000,
    'removed topic outlined red',
  );
  expect(await outlineIn(page, 'version-pane-now', 'Nhân chứng')).toBe('rgb(22, 163, 74)');
  expect(await outlineIn(page, 'version-pane-now', 'Vụ trộm')).not.toBe('rgb(22, 163, 74)');
  // The panes are views to read: no toolbar, every topic inside its pane.
  for (const pane of ['version-pane-then', 'version-pane-now']) {
    const view = page.getByTestId(pane);
    expect(await view.locator('button, select').count()).toBe(0);
    await until(
      async () => {
        const box = (await view.boundingBox())!;
        const topics = await view.getByTestId('topic').all();
        const boxes = await Promise.all(topics.map((topic) => topic.boundingBox()));
        return boxes.every(
          (b) =>
            !!b &&
            b.x >= box.x &&
            b.y >= box.y &&
            b.x + b.width <= box.x + box.width &&
            b.y + b.height <= box.y + box.height,
        );
      },
      5000,
      `every topic inside ${pane}`,
    );
  }
  const diff = await page.getByTestId('version-diff').innerText();
  expect(diff).toContain('Thêm: Nhân chứng');
  expect(diff).toContain('Xoá: Bị can');
  // Read-only: the version's topics cannot be edited.
  await page.getByTestId('version-pane-then').getByText('Vụ trộm').dblclick();
  expect(await page.getByTestId('version-view').getByTestId('topic-editor').count()).toBe(0);
  await page.getByTestId('version-close').click();
  await page.getByTestId('version-view').waitFor({ state: 'detached' });

  // Alone: only the version, still marked.
  await item.getByTestId('version-open').click();
  await page.getByTestId('version-pane-then').getByText('Bị can').waitFor();
  expect(await page.getByTestId('version-pane-now').count()).toBe(0);
  await page.keyboard.press('Escape');
  await page.getByTestId('version-view').waitFor({ state: 'detached' });

  // Restore: a new change both see; nobody's session breaks.
  page.once('dialog', (dialog) => void dialog.accept());
  await item.getByTestId('version-restore').click();
  await until(
    async () => (await mainLabels(page)).join('|') === 'Bị can|Người bị hại|Vụ trộm',
    10_000,
    'restored here',
  );
  await until(
    async () => (await mainLabels(other)).join('|') === 'Bị can|Người bị hại|Vụ trộm',
    10_000,
    'restored at the other',
  );
  expect(await page.getByTestId('history-message').innerText()).toContain('Đã khôi phục');
  await page
    .locator('[data-testid=version-item][data-name="auto:before-restore"]')
    .waitFor({ timeout: 5000 });
  expect(await other.getByTestId('sync-error').count()).toBe(0);

  // Restoring is one step of the restorer's undo.
  await page.getByTestId('undo').click();
  await until(
    async () => (await mainLabels(other)).join('|') === 'Người bị hại|Nhân chứng|Vụ trộm',
    10_000,
    'undone at the other',
  );

  // The owner reads it all in the audit trail.
  await page.getByTestId('open-audit').click();
  await page.getByTestId('audit').waitFor();
  await until(
    async () =>
      (await page.locator('[data-testid=audit-row][data-action="version.restored"]').count()) === 1,
    5000,
    'the restore in the trail',
  );
  expect(
    await page.locator('[data-testid=audit-row][data-action="version.created"]').count(),
  ).toBeGreaterThanOrEqual(2);
  await page.getByTestId('audit-action').selectOption('version.restored');
  await page.getByTestId('audit-filter').click();
  await until(
    async () => (await page.getByTestId('audit-row').count()) === 1,
    5000,
    'filtered to one kind',
  );
  expect(await page.getByTestId('audit-row').innerText()).toContain(
    'Trần Thị Lan đã khôi phục phiên bản “Trước báo cáo án ngày 12/3”',
  );
  await page.context().close();
  await other.context().close();
});

it('shows an administrator the trail of every case, narrowed to one, and lets them set the retention', async () => {
  const api = await ApiClient.login(server.url, 'ksv.hung', 'ksv.hung-password');
  const first = (await api.request('POST', '/api/cases', { title: 'Vụ án thứ nhất' })).body.id;
  await api.request('POST', '/api/cases', { title: 'Vụ án thứ hai' });
  await api.request('PUT', `/api/cases/${first}/members/admin`, { role: 'viewer' });

  const page = await (await newContext(browser, 'en-GB')).newPage();
  await logIn(page, server.url, ADMIN.username, ADMIN.password);
  await page.getByTestId('open-audit-all').click();
  await page.getByTestId('audit').waitFor();
  // Everything: log-ins (no case) and both cases, though the administrator is a member of one.
  await until(
    async () => (await page.locator('[data-testid=audit-row][data-action=login]').count()) > 0,
    5000,
    'log-ins listed',
  );
  const all = await page.getByTestId('audit').innerText();
  expect(all).toContain('Vụ án thứ hai');
  await page.getByTestId('audit-case').selectOption({ label: 'Vụ án thứ nhất' });
  await page.getByTestId('audit-filter').click();
  await until(
    async () =>
      !(await page.getByTestId('audit').innerText()).includes('Vụ án thứ hai') &&
      (await page.getByTestId('audit-row').count()) > 0,
    5000,
    'one case only',
  );
  expect(await page.locator('[data-testid=audit-row][data-action=login]').count()).toBe(0);

  await page.getByTestId('retention-days').fill('30');
  await page.getByTestId('retention-save').click();
  await page.getByText('Saved; 0 expired automatic versions deleted.').waitFor();
  expect(
    (
      await (
        await ApiClient.login(server.url, ADMIN.username, ADMIN.password)
      ).request('GET', '/api/admin/settings')
    ).body,
  ).toEqual({ autoVersionDays: 30 });
  await page.context().close();
});
