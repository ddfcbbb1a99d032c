import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addEntity, insertOutline } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext } from './browser.ts';
import { contrastProblems } from './look.ts';

/**
 * Every text and button of the main UI is readable: a contrast of at least 4.5:1 (WCAG AA),
 * computed from the colours Chromium actually draws, in both languages.
 */

let server: TestServer;
let browser: Browser;
let caseId: string;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  await admin.newUser('ksv.hung', 'Lê Văn Hùng');
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  caseId = (
    await lan.request('POST', '/api/cases', {
      title: 'Vụ trộm cắp tài sản',
      caseNumber: '12/2026/HS',
      offences: ['BLHS-173'],
      classification: 'mat',
    })
  ).body.id as string;
  await lan.request('PUT', `/api/cases/${caseId}/members/ksv.hung`, { role: 'editor' });
  await lan.request('POST', `/api/cases/${caseId}/versions`, { name: 'Trước báo cáo án' });
  const writer = connectClient(server.url, caseId, await lan.token());
  await synced(writer);
  const boardId = addBoard(writer.doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, 'test');
  insertOutline(
    writer.doc,
    { boardId, parent: null, nodes: [{ label: 'Vụ trộm', children: [] }] },
    'test',
  );
  addEntity(
    writer.doc,
    { kind: 'person', fields: { name: 'Nguyễn Văn An', role: 'suspect', birthDate: '1990-05-12' } },
    'test',
  );
  // The longest role, which squeezes the other columns of the table.
  addEntity(
    writer.doc,
    { kind: 'person', fields: { name: 'Trần Văn Bình', role: 'related' } },
    'test',
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  writer.destroy();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The low-contrast texts under each root, labelled by where they are. */
async function problemsIn(page: Page, where: string, roots: string[]) {
  const found: string[] = [];
  for (const root of roots)
    for (const p of await contrastProblems(page, root, 4.5))
      found.push(`${where} ${root}: “${p.text}” ${p.ratio}:1 (${p.color} on ${p.background})`);
  return found;
}

/** Texts under `root` that look like an i18n key shown raw (“audit.open”, “mindmap:keys.child”). */
function rawKeys(page: Page, root: string) {
  return page.$$eval(`${root} *`, (els) =>
    els
      .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE))
      .map((n) => (n.textContent ?? '').trim())
      .filter((text) => /^([a-z]+:)?[a-z][a-zA-Z]*(\.[a-zA-Z]+)+$/.test(text)),
  );
}

for (const locale of ['vi-VN', 'en-GB'])
  it(`draws every text of the main UI with a contrast of 4.5:1 or more (${locale})`, async () => {
    const page = await (await newContext(browser, locale)).newPage();
    await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
    await page.getByTestId('case-card').first().waitFor();
    const found = await problemsIn(page, 'case list', ['.app-header', '.case-list-page']);
    // Every button of the list is translated before any case is opened.
    expect(await rawKeys(page, '.case-list-page')).toEqual([]);
    expect(await page.getByTestId('open-audit-all').innerText()).toBe(
      locale === 'vi-VN' ? 'Nhật ký' : 'Audit',
    );

    await page.getByTestId('new-case').click();
    await page.locator('.dialog').waitFor();
    found.push(...(await problemsIn(page, 'new case', ['.dialog'])));
    await page.keyboard.press('Escape');
    await page.getByTestId('case-members').first().click();
    await page.getByTestId('member-row').first().waitFor();
    found.push(...(await problemsIn(page, 'members', ['.dialog'])));
    await page.keyboard.press('Escape');
    await page.getByTestId('change-password').click();
    await page.locator('.dialog').waitFor();
    found.push(...(await problemsIn(page, 'password', ['.dialog'])));
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByTestId('topic').first().waitFor();
    await page.getByTestId('register-tab-person').click();
    await page.getByTestId('register-row').first().click();
    await page.getByTestId('entity-detail').waitFor();
    found.push(
      ...(await problemsIn(page, 'case', ['.app-header', '.case-page__bar', '.register-panel'])),
    );
    // A heading of the register's tables never breaks inside a word ("Bút lục"), even narrow.
    await page.setViewportSize({ width: 1000, height: 800 });
    const headingLines = await page.$$eval('.register-table th', (cells) =>
      cells.map((cell) => {
        const tops = new Set<number>();
        const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let text = texts.nextNode(); text; text = texts.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(text);
          for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
        }
        return tops.size;
      }),
    );
    expect(headingLines.length).toBeGreaterThan(0);
    expect(headingLines.every((lines) => lines === 1)).toBe(true);
    await page.setViewportSize({ width: 1400, height: 900 });
    // The upload button of the case file keeps its label on one line beside the drop hint.
    await page.getByTestId('register-tab-files').click();
    const uploadLines = await page.getByTestId('files-upload').evaluate((button) => {
      const text = [...button.childNodes].find(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim(),
      );
      const range = document.createRange();
      range.selectNodeContents(text!);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(uploadLines).toBe(1);
    await page.getByTestId('toggle-history').click();
    await page.getByTestId('version-item').first().waitFor();
    found.push(...(await problemsIn(page, 'history', ['[data-testid=history-panel]'])));
    await page.getByTestId('open-audit').click();
    await page.getByTestId('audit-row').first().waitFor();
    found.push(...(await problemsIn(page, 'audit', ['.dialog'])));
    expect(found).toEqual([]);
    await page.context().close();
  });
