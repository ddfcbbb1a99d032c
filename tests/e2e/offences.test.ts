import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { metaOf } from '../../src/core/doc.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';
import { contrastProblems } from './look.ts';

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

async function addEvidenceChart(page: Page): Promise<void> {
  await page.getByTestId('board-add').click();
  await page.locator('[data-testid=board-dialog] select[name=kind]').selectOption('evidence');
  await page.locator('[data-testid=board-dialog] input[name=title]').fill('Sơ đồ chứng cứ');
  await page.getByTestId('board-create').click();
  await page.getByTestId('evidence-start').waitFor();
}

const optionTexts = (page: Page) => page.getByTestId('offence-option').allInnerTexts();

it('picks offences from the Penal Code, typed without diacritics, and shows them by article', async () => {
  const page = await (await newContext(browser)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.getByTestId('new-case').click();
  await page.locator('input[name=title]').fill('Vụ trộm cắp tài sản tại chợ Bến Thành');

  await page.getByTestId('offence-search').fill('trom cap');
  expect(await optionTexts(page)).toEqual(['Điều 173 Tội trộm cắp tài sản']);
  // The list is readable and shown whole inside the dialog, not cut off by its edge.
  expect(await contrastProblems(page, '[data-testid=case-dialog]', 4.5)).toEqual([]);
  await page.getByTestId('offence-search').fill('tai san');
  const list = (await page.locator('.offence-picker__results').boundingBox())!;
  const dialog = (await page.getByTestId('case-dialog').boundingBox())!;
  expect(await page.getByTestId('offence-option').count()).toBe(8);
  expect(list.height).toBeGreaterThan(100);
  expect(list.y + list.height).toBeLessThanOrEqual(dialog.y + dialog.height);
  expect(list.x + list.width).toBeLessThanOrEqual(dialog.x + dialog.width);
  await page.getByTestId('offence-search').fill('trom cap');
  await page.getByTestId('offence-option').first().click();

  // A second offence by its number, picked with the keyboard.
  await page.getByTestId('offence-search').fill('Điều 174');
  expect((await optionTexts(page))[0]).toBe('Điều 174 Tội lừa đảo chiếm đoạt tài sản');
  await page.getByTestId('offence-search').press('Enter');
  expect(await page.getByTestId('offence-chip').allInnerTexts()).toEqual([
    'Điều 173 BLHS — Tội trộm cắp tài sản',
    'Điều 174 BLHS — Tội lừa đảo chiếm đoạt tài sản',
  ]);
  // Enter picked the offence; it did not submit the form.
  expect(await page.getByTestId('case-dialog').count()).toBe(1);
  await page.getByTestId('case-save').click();
  await page.getByTestId('case-page').waitFor();
  const caseId = new URL(page.url()).pathname.split('/').pop()!;

  const api = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  expect((await api.request('GET', `/api/cases/${caseId}`)).body.offences).toEqual([
    'BLHS-173',
    'BLHS-174',
  ]);
  await until(
    async () => (await page.locator('.case-page__title .muted').innerText()).includes('Điều 174'),
    5000,
    'the offences under the case title',
  );
  expect(await page.locator('.case-page__title .muted').innerText()).toBe(
    'Điều 173 BLHS — Tội trộm cắp tài sản; Điều 174 BLHS — Tội lừa đảo chiếm đoạt tài sản',
  );

  // The evidence chart offers the case's offences first.
  await addEvidenceChart(page);
  const mine = page.getByTestId('start-case-offences');
  expect(await mine.getByTestId('start-BLHS-173').count()).toBe(1);
  expect(await mine.getByTestId('start-BLHS-174').count()).toBe(1);
  expect(await page.getByTestId('start-other-offences').getByTestId('start-BLHS-173').count()).toBe(
    0,
  );
  await page.context().close();
});

it('reads an old case’s typed "173" as Article 173 under the title, in the evidence chart, the list and the dialog', async () => {
  const api = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await api.request('POST', '/api/cases', { title: 'Vụ án cũ' })).body.id as string;
  // An older version stored the offence as typed, in the document and in the case record.
  const client = connectClient(server.url, caseId, await api.token());
  await synced(client);
  client.doc.transact(() => metaOf(client.doc).set('offences', ['173', 'trộm xe']));
  await server.store.updateCase(caseId, {
    offences: ['173', 'trộm xe'],
    updatedAt: new Date().toISOString(),
  });

  const page = await (await newContext(browser)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('case-page').waitFor();
  await until(
    async () => (await page.locator('.case-page__title .muted').innerText()).includes('Điều 173'),
    10_000,
    'the old offence shown by article',
  );
  expect(await page.locator('.case-page__title .muted').innerText()).toBe(
    'Điều 173 BLHS — Tội trộm cắp tài sản; trộm xe',
  );
  client.destroy();
  await addEvidenceChart(page);
  expect(await page.getByTestId('start-case-offences').getByTestId('start-BLHS-173').count()).toBe(
    1,
  );
  expect(await page.getByTestId('start-other-offences').getByTestId('start-BLHS-173').count()).toBe(
    0,
  );

  // The case list reads the record.
  await page.goto(`${server.url}/`);
  const card = page.getByTestId('case-card').filter({ hasText: 'Vụ án cũ' });
  expect(await card.innerText()).toContain('Điều 173 BLHS — Tội trộm cắp tài sản; trộm xe');
  // The dialog shows the article, and says the text that names none goes on saving.
  await card.getByTestId('case-edit').click();
  const chips = page.getByTestId('offence-chip');
  expect(await chips.nth(0).innerText()).toBe('Điều 173 BLHS — Tội trộm cắp tài sản');
  expect(await chips.nth(1).innerText()).toMatch(
    /^trộm xe\s+không phải điều luật — sẽ bỏ khi lưu$/,
  );
  expect(await contrastProblems(page, '[data-testid=case-dialog]', 4.5)).toEqual([]);
  await page.getByTestId('case-save').click();
  await page.getByTestId('case-dialog').waitFor({ state: 'detached' });
  expect((await api.request('GET', `/api/cases/${caseId}`)).body.offences).toEqual(['BLHS-173']);
  // The list is read again once the dialog has saved.
  await until(
    async () => !(await card.innerText()).includes('trộm xe'),
    10_000,
    'the case list to show the saved offences',
  );
  expect(await card.innerText()).toContain('Điều 173 BLHS — Tội trộm cắp tài sản');
  await page.context().close();
});
