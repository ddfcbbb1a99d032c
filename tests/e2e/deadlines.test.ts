/**
 * Procedural deadlines in the browser: the clause picked in the case dialog sets the class, events
 * added in the deadlines panel give deadlines with the right days and colours, the timeline marks
 * them, and the case list lists them. Screenshots in Vietnamese and English go to
 * $SHOTS_DIR (when set) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addEntity } from '../../src/core/commands/register.ts';
import {
  addDays,
  addMonths,
  computeDeadlines,
  todayIn,
  type DeadlineInput,
  type ProcedureEvent,
} from '../../src/core/procedure/index.ts';
import { formatDate } from '../../src/ui/dates.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';
import { contrastProblems } from './look.ts';

let server: TestServer;
let browser: Browser;
const shots = process.env.SHOTS_DIR;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  browser = await launchBrowser();
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const shoot = async (page: Page, name: string, selector?: string) => {
  if (!shots) return;
  const path = `${shots}/${name}.png`;
  if (selector) await page.locator(selector).screenshot({ path });
  else await page.screenshot({ path });
};

const today = todayIn();
const ev = (id: string, fields: Omit<ProcedureEvent, 'type' | 'id'>): ProcedureEvent =>
  ({ type: 'event', id, ...fields }) as ProcedureEvent;

/** An initiation day whose investigation period (2 months, less serious) ends in 4–7 days. */
function initiationDueSoon(): string {
  for (let k = 4; k <= 7; k++) {
    const day = addMonths(addDays(today, k), -2);
    const [d] = computeDeadlines(
      {
        offences: ['BLHS-173.1'],
        procedure: { events: [ev('a', { kind: 'case-initiated', date: day })], charges: [] },
      },
      today,
    );
    if (d && d.status === 'soon7') return day;
  }
  throw new Error('no initiation day found');
}

async function fillEvent(page: Page, kind: string, day: string, person?: string): Promise<void> {
  await page.getByTestId('event-add').click();
  const form = page.getByTestId('procedure-event-form');
  await form.getByTestId('event-kind').selectOption(kind);
  await form.getByTestId('event-date').fill(formatDate(day, 'vi'));
  if (person) await form.getByTestId('event-person').selectOption({ label: person });
  await form.getByTestId('event-save').click();
  await form.waitFor({ state: 'detached' });
}

it('picks Article 173 clause 1, adds events, and shows the deadlines everywhere', async () => {
  const page = await (await newContext(browser)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.getByTestId('new-case').click();
  await page.locator('input[name=title]').fill('Vụ trộm cắp tài sản tại chợ Bến Thành');
  await page.getByTestId('offence-search').fill('trom cap');
  await page.getByTestId('offence-option').first().click();
  const clause = page.getByTestId('offence-clause');
  expect(await clause.locator('option').allInnerTexts()).toEqual([
    '— chưa chọn khoản —',
    'Khoản 1 — tối đa 3 năm — ít nghiêm trọng',
    'Khoản 2 — tối đa 7 năm — nghiêm trọng',
    'Khoản 3 — tối đa 15 năm — rất nghiêm trọng',
    'Khoản 4 — tối đa 20 năm — đặc biệt nghiêm trọng',
  ]);
  await clause.selectOption('1');
  expect(await page.getByTestId('offence-chip').innerText()).toBe(
    'Khoản 1 Điều 173 BLHS — Tội trộm cắp tài sản',
  );
  expect(await contrastProblems(page, '[data-testid=case-dialog]', 4.5)).toEqual([]);
  await shoot(page, 'vi-offence-picker', '[data-testid=case-dialog]');
  await page.getByTestId('case-save').click();
  await page.getByTestId('case-page').waitFor();
  const caseId = new URL(page.url()).pathname.split('/').pop()!;
  const api = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  expect((await api.request('GET', `/api/cases/${caseId}`)).body.offences).toEqual(['BLHS-173.1']);

  // Two people in the register, written by a colleague's client.
  const client = connectClient(server.url, caseId, await api.token());
  await synced(client);
  const an = addEntity(
    client.doc,
    { kind: 'person', fields: { name: 'Nguyễn Văn Ấn', role: 'suspect' } },
    'c',
  );
  addEntity(client.doc, { kind: 'person', fields: { name: 'Đỗ Thị Lập', role: 'suspect' } }, 'c');

  await page.getByTestId('toggle-deadlines').click();
  const panel = page.getByTestId('deadlines-panel');
  await panel.waitFor();
  expect(await panel.getByTestId('charge-class').innerText()).toBe(
    'Khoản 1 Điều 173 BLHS — tội phạm ít nghiêm trọng',
  );
  await until(
    async () => (await page.locator('[data-testid=event-add]').count()) === 1,
    5000,
    'the add button',
  );
  const initiated = initiationDueSoon();
  const detained = addDays(today, -57); // 60 days of detention end in 2 days
  const custody = addDays(today, -10); // 3 days of custody ended a week ago
  await fillEvent(page, 'case-initiated', initiated);
  await fillEvent(page, 'accused-initiated', addDays(detained, -1), 'Nguyễn Văn Ấn');
  await fillEvent(page, 'detention', detained, 'Nguyễn Văn Ấn');
  await fillEvent(page, 'custody', custody, 'Đỗ Thị Lập');

  const expected = computeDeadlines(
    {
      offences: ['BLHS-173.1'],
      procedure: {
        events: [
          ev('1', { kind: 'case-initiated', date: initiated }),
          ev('2', { kind: 'detention', date: detained, person: an }),
          ev('3', { kind: 'custody', date: custody, person: 'lap' }),
        ],
        charges: [],
      },
    } satisfies DeadlineInput,
    today,
  );
  const shown = panel.getByTestId('deadline');
  await until(async () => (await shown.count()) === 3, 5000, 'three deadlines');
  const rows = await shown.evaluateAll((items) =>
    items.map((li) => [
      li.getAttribute('data-stage'),
      li.getAttribute('data-due'),
      li.getAttribute('data-status'),
    ]),
  );
  expect(rows).toEqual(expected.map((d) => [d.stage, d.due, d.status]));
  expect(rows.map((r) => r[2]).sort()).toEqual(['overdue', 'soon3', 'soon7']);
  const detention = panel.locator('[data-testid=deadline][data-stage=detention]');
  expect(await detention.innerText()).toContain(
    `Hết hạn ${formatDate(addDays(today, 2), 'vi')} · còn 2 ngày`,
  );
  expect(await detention.innerText()).toContain('Căn cứ: Điều 173 khoản 1 BLTTHS 2015');
  expect(await detention.innerText()).toContain('Còn gia hạn được: tối đa 1 tháng');
  expect(await detention.getByTestId('deadline-status').innerText()).toBe('Gấp (≤ 3 ngày)');
  // Colours differ by state, and every text keeps 4.5:1.
  const colours = await shown.evaluateAll((items) =>
    items.map((li) => getComputedStyle(li).borderLeftColor),
  );
  expect(new Set(colours).size).toBe(3);
  expect(await contrastProblems(page, '[data-testid=deadlines-panel]', 4.5)).toEqual([]);
  await shoot(page, 'vi-deadlines-panel', '[data-testid=deadlines-panel]');

  // The timeline marks them on their days.
  await page.getByTestId('board-add').click();
  await page.locator('[data-testid=board-dialog] select[name=kind]').selectOption('timeline');
  await page.locator('[data-testid=board-dialog] input[name=title]').fill('Diễn biến');
  await page.getByTestId('board-create').click();
  const markers = page.getByTestId('timeline-deadline');
  await until(async () => (await markers.count()) === 3, 5000, 'three markers');
  expect(
    (await markers.evaluateAll((m) => m.map((e) => e.getAttribute('data-due')))).sort(),
  ).toEqual(expected.map((d) => d.due).sort());
  await shoot(page, 'vi-timeline', '[data-testid=timeline-board]');

  // The case list lists the nearest first.
  await page.getByTestId('back-to-cases').click();
  const entries = page.getByTestId('case-deadline');
  await until(async () => (await entries.count()) === 3, 5000, 'the case list deadlines');
  expect(await entries.evaluateAll((e) => e.map((x) => x.getAttribute('data-due')))).toEqual(
    expected.map((d) => d.due).sort(),
  );
  expect(await entries.first().innerText()).toContain('Vụ trộm cắp tài sản tại chợ Bến Thành');
  await shoot(page, 'vi-case-list', '[data-testid=case-deadlines]');
  client.destroy();

  // The same in English.
  const en = await (await newContext(browser, 'en-GB')).newPage();
  await logIn(en, server.url, 'ksv.lan', 'ksv.lan-password');
  await en.getByTestId('case-deadline').first().waitFor();
  expect(await en.getByTestId('case-deadline').first().innerText()).toMatch(
    /Due \d{1,2} [A-Z][a-z]+ \d{4}/,
  );
  await shoot(en, 'en-case-list', '[data-testid=case-deadlines]');
  await en.getByTestId('case-deadline').first().locator('a').click();
  await en.getByTestId('toggle-deadlines').click();
  await en.getByTestId('deadlines-panel').getByTestId('deadline').first().waitFor();
  expect(await en.getByTestId('charge-class').innerText()).toBe(
    'Khoản 1 Điều 173 BLHS — less serious offence',
  );
  await shoot(en, 'en-deadlines-panel', '[data-testid=deadlines-panel]');
  await en.getByTestId('board-tab').filter({ hasText: 'Diễn biến' }).click();
  await en.getByTestId('timeline-deadline').first().waitFor();
  await shoot(en, 'en-timeline', '[data-testid=timeline-board]');
  await en.goto(`${server.url}/`);
  await en.getByTestId('case-list').waitFor();
  await en.getByTestId('case-edit').first().click();
  await en.getByTestId('offence-clause').waitFor();
  expect(await en.getByTestId('offence-clause').locator('option:checked').innerText()).toBe(
    'Clause 1 — up to 3 years — less serious',
  );
  await shoot(en, 'en-offence-picker', '[data-testid=case-dialog]');
});
