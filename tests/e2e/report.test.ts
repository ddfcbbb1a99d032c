/**
 * Issue 25, the case report panel: sections on and off, moved with the keyboard, free text, the
 * cover's fields and a bad date refused in the person's language, and the report downloaded as
 * PDF and DOCX from the page, read back with pdftotext and as the DOCX's own XML. Screenshots in
 * Vietnamese and English.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readReportSettings } from '../../src/core/report/index.ts';
import { makePng } from '../helpers/files.ts';
import { REPORT_CASE_META, reportCase } from '../helpers/report-case.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced, type SyncClient } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext } from './browser.ts';
import { contrastProblems } from './look.ts';

let server: TestServer;
let browser: Browser;
let client: SyncClient;
let caseId: string;
let work: string;
const shots = process.env.SHOT_DIR ?? '/tmp/shots';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'caseboard-report-e2e-'));
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.an', 'Nguyễn Văn Ấn');
  const an = await ApiClient.login(server.url, 'ksv.an', 'ksv.an-password');
  caseId = (await an.request('POST', '/api/cases', REPORT_CASE_META)).body.id as string;
  client = connectClient(server.url, caseId, await an.token());
  await synced(client);
  // The scene record's scan, uploaded as the register's upload does.
  const name = 'Biên bản khám nghiệm.png';
  const res = await fetch(
    `${server.url}/api/cases/${caseId}/files?name=${encodeURIComponent(name)}`,
    {
      method: 'POST',
      headers: { cookie: an.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(makePng(300, 400, [250, 250, 245])),
    },
  );
  expect(res.status).toBe(201);
  const stored = (await res.json()) as { hash: string; size: number };
  reportCase({
    doc: client.doc,
    meta: false,
    file: { hash: stored.hash, name, mime: 'image/png', size: stored.size },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  client?.destroy();
  await browser?.close();
  await server?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function openReport(locale: string): Promise<Page> {
  const page = await (await newContext(browser, locale)).newPage();
  await logIn(page, server.url, 'ksv.an', 'ksv.an-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('board-tab').first().waitFor();
  await page.getByTestId('toggle-report').click();
  await page.getByTestId('report-panel').waitFor();
  return page;
}

const sectionOrder = (page: Page) =>
  page
    .getByTestId('report-sections')
    .locator('> li')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-testid')!.slice(15)));

/** The file a download button gives, saved and read back. */
async function download(page: Page, testId: string, name: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  const path = join(work, name);
  await file.saveAs(path);
  return path;
}

it('sets the report up with the team and downloads it as PDF and DOCX', async () => {
  const page = await openReport('vi-VN');
  const panel = page.getByTestId('report-panel');
  await expect
    .poll(() => page.getByTestId('report-procuracy').inputValue())
    .toBe('Viện kiểm sát nhân dân khu vực 1 – Hà Nội');
  const text = (await panel.innerText()).normalize('NFC');
  for (const words of [
    'Báo cáo án',
    'Trang bìa',
    'Tóm tắt nội dung vụ án',
    'Thời hạn tố tụng',
    'Sơ đồ hóa chứng cứ',
    'Tải PDF',
  ])
    expect(text).toContain(words);
  // Free text already written shows open under its section.
  expect(await page.getByTestId('report-before-summary').inputValue()).toBe(
    'Ngày 16/3/2026, Cơ quan điều tra khởi tố vụ án.',
  );

  // The deadlines moved up by keyboard: focus its "move up" button, Enter, twice.
  await page.getByTestId('report-up-deadlines').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('report-up-deadlines').focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => sectionOrder(page))
    .toEqual([
      'summary',
      'people',
      'chronology',
      'elements',
      'proof',
      'evidence',
      'deadlines',
      'scene',
      'figures',
    ]);
  await expect
    .poll(() =>
      readReportSettings(client.doc)
        .sections.map((s) => s.id)
        .indexOf('deadlines'),
    )
    .toBe(6);

  // People off; text after the evidence table; the prosecutor changed.
  await page.getByTestId('report-enable-people').uncheck();
  await page.getByTestId('report-text-evidence').click();
  await page
    .getByTestId('report-after-evidence')
    .fill('Chứng cứ đã thu thập khách quan, hợp pháp.');
  await page.getByTestId('report-prosecutor').fill('Đỗ Thị Lập');
  await page.getByTestId('report-prosecutor').press('Enter');
  await expect
    .poll(() => readReportSettings(client.doc).sections.find((s) => s.id === 'evidence')!.after)
    .toBe('Chứng cứ đã thu thập khách quan, hợp pháp.');
  expect(readReportSettings(client.doc).sections.find((s) => s.id === 'people')!.enabled).toBe(
    false,
  );
  await expect.poll(() => readReportSettings(client.doc).cover.prosecutor).toBe('Đỗ Thị Lập');

  // A date that is not one: said in Vietnamese, nothing written.
  await page.getByTestId('report-date').fill('31/02/2026');
  await page.getByTestId('report-date').press('Enter');
  await expect
    .poll(() => page.getByTestId('report-error').innerText())
    .toContain('Ngày báo cáo chưa đúng');
  expect(readReportSettings(client.doc).cover.date).toBe('2026-04-02');
  // The date stays as typed, to be corrected.
  expect(await page.getByTestId('report-date').inputValue()).toBe('31/02/2026');
  await page.getByTestId('report-date').fill('02/04/2026');
  await page.getByTestId('report-date').press('Enter');
  await expect.poll(() => page.getByTestId('report-error').count()).toBe(0);

  expect(await contrastProblems(page, '[data-testid=report-panel]')).toEqual([]);
  await page.screenshot({ path: `${shots}/report-vi.png` });
  await page.getByTestId('report-downloads').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/report-vi-top.png` });

  const pdf = await download(page, 'report-pdf', 'report.pdf');
  const pdfText = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
  expect(pdfText).toContain('BÁO CÁO ÁN');
  expect(pdfText).toContain('Chứng cứ đã thu thập khách quan, hợp pháp.');
  expect(pdfText).toContain('Kiểm sát viên: Đỗ Thị Lập');
  expect(pdfText).toContain('BL 45–47');
  expect(pdfText).not.toContain('Những người tham gia tố tụng');
  // The sections in the order set: the deadlines (now VI) before the scene (VII).
  expect(pdfText.indexOf('VI. Thời hạn tố tụng')).toBeLessThan(
    pdfText.indexOf('VII. Sơ đồ hiện trường'),
  );

  const docx = await download(page, 'report-docx', 'report.docx');
  const files = unzipSync(new Uint8Array(readFileSync(docx)));
  const xml = new TextDecoder().decode(files['word/document.xml']);
  expect(xml).toContain('Chứng cứ đã thu thập khách quan, hợp pháp.');
  expect(xml).toContain('w:pStyle w:val="Heading1"');
  // The figure's fallback drawn by the page's canvas: a real picture, not a blank pixel.
  const pngs = Object.keys(files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
  expect(Math.max(...pngs.map((f) => files[f]!.length))).toBeGreaterThan(2000);

  // Each download is in the audit trail.
  const an = await ApiClient.login(server.url, 'ksv.an', 'ksv.an-password');
  await expect
    .poll(async () => {
      const trail = await an.request('GET', `/api/audit?case=${caseId}&action=export`);
      return (trail.body.events as Array<{ detail: { what: string; format: string } }>)
        .filter((e) => e.detail.what === 'report')
        .map((e) => e.detail.format)
        .sort();
    })
    .toEqual(['docx', 'pdf']);
});

it('speaks English, every word of the panel translated', async () => {
  const page = await openReport('en-GB');
  const text = (await page.getByTestId('report-panel').innerText()).normalize('NFC');
  for (const words of [
    'Case report',
    'Cover',
    'Procuracy',
    'Summary of the facts',
    'Procedural deadlines',
    'Download PDF',
    'Figures',
  ])
    expect(text).toContain(words);
  expect(text).not.toMatch(/Tải|Trang bìa|Các phần/);
  await page.getByTestId('report-text-summary').focus();
  await page.screenshot({ path: `${shots}/report-en.png` });
});
