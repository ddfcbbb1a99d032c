import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addEntity,
  addFileRecord,
  getEntity,
  listEntities,
  setFirstBl,
} from '../../src/core/index.ts';
import { readStatement } from '../../src/core/statements.ts';
import { detectTesseract } from '../../server/ocr/tesseract.ts';
import { scannedPdf } from '../helpers/scans.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced, type SyncClient } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';
import { contrastProblems } from './look.ts';

const HAS_TESSERACT = await detectTesseract();
const SHOTS = process.env.SHOT_DIR ?? '/tmp/shots';

let server: TestServer;
let browser: Browser;
let lan: ApiClient;

const STATEMENT = [
  [
    'BIÊN BẢN GHI LỜI KHAI',
    'Người khai: Nguyễn Văn Hùng, sinh năm 1985',
    'Nơi ở: phường Xuân Hương, Đà Lạt, Lâm Đồng',
  ],
  [
    'Khoảng 21 giờ ngày 12/3/2026, tôi thấy chiếc xe máy',
    'biển số 49B1-123.45 màu đỏ đỗ trước cửa nhà bà Trần Thị Đào',
    'rồi một người đàn ông mặc áo khoác đen dắt xe đi.',
  ],
];

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  lan = await admin.newUser('ksv.lan', 'Trần Thị Lan');
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A case with a scanned statement (BL 45–46) and an evidence item already in the register. */
async function caseWithScan(): Promise<{ caseId: string; hash: string; client: SyncClient }> {
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ trộm xe máy' })).body
    .id as string;
  const name = 'Biên bản ghi lời khai Nguyễn Văn Hùng.pdf';
  const bytes = await scannedPdf(STATEMENT);
  const res = await fetch(
    `${server.url}/api/cases/${caseId}/files?name=${encodeURIComponent(name)}`,
    {
      method: 'POST',
      headers: { cookie: lan.cookie, 'content-type': 'application/pdf' },
      body: new Uint8Array(bytes),
    },
  );
  const stored = (await res.json()) as { hash: string; size: number };
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  addFileRecord(
    client.doc,
    { hash: stored.hash, name, mime: 'application/pdf', size: stored.size },
    'test',
  );
  setFirstBl(client.doc, { hash: stored.hash, firstBl: 45 }, 'test');
  addEntity(
    client.doc,
    { kind: 'person', fields: { name: 'Trần Thị Đào', pages: 'BL 12' } },
    'test',
  );
  return { caseId, hash: stored.hash, client };
}

async function openFiles(locale: string, caseId: string): Promise<Page> {
  const page = await (await newContext(browser, locale)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('register-tab-files').click();
  await page.getByTestId('files-tab').waitFor();
  return page;
}

it.skipIf(!HAS_TESSERACT)(
  'finds a name typed without diacritics in a scan, opens the page with the words marked, and makes evidence from it',
  async () => {
    const { caseId, hash, client } = await caseWithScan();
    const page = await openFiles('vi-VN', caseId);
    // The page shows the reading as it goes, then that the file can be searched.
    await until(
      async () =>
        /^Đang đọc chữ [01]\/2 trang$/.test(
          (await page.getByTestId('file-reading').textContent()) ?? '',
        ),
      60_000,
      'the reading progress',
    );
    await page.screenshot({ path: `${SHOTS}/case-file-reading-vi.png` });
    await until(
      async () => (await page.getByTestId('file-reading').textContent()) === 'Đã đọc chữ, tìm được',
      90_000,
      'the scan to be read',
    );
    await page.getByTestId('case-search-input').fill('tran thi dao');
    const hit = page.getByTestId('search-hit').first();
    await hit.waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('case-search-count').textContent()).toBe(
      '1 trang có “tran thi dao”',
    );
    expect(await hit.locator('mark').allTextContents()).toEqual(['Trần Thị Đào']);
    const where = await hit.locator('.case-search__page').textContent();
    expect(where).toBe('Trang 2 · BL 46');
    expect(await contrastProblems(page, '[data-testid=case-search]')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/case-file-search-vi.png` });

    // Opening the result: page 2 of 2, the three words boxed where they are drawn.
    await page.getByTestId('search-hit-open').first().click();
    await page.getByTestId('viewer-page-image').waitFor();
    expect(await page.getByTestId('viewer-page').textContent()).toBe('Trang 2/2');
    const image = (await page.getByTestId('viewer-page-image').boundingBox())!;
    const words = await page.locator('.found-words__word').all();
    expect(words).toHaveLength(3);
    const boxes = await Promise.all(words.map((w) => w.boundingBox()));
    for (const box of boxes) {
      expect(box!.width).toBeGreaterThan(10);
      // On the second line of the page's text, inside the page.
      expect(box!.y - image.y).toBeGreaterThan(image.height * 0.08);
      expect(box!.y - image.y).toBeLessThan(image.height * 0.15);
      expect(box!.x + box!.width).toBeLessThan(image.x + image.width);
    }
    await page.screenshot({ path: `${SHOTS}/case-file-search-viewer-vi.png` });
    await page.getByTestId('viewer-close').click();

    // One step: an evidence item citing the file and BL 46.
    await page.getByTestId('search-hit-evidence').first().click();
    await until(
      async () => listEntities(client.doc, 'evidence').length === 1,
      5000,
      'the evidence item to reach the case',
    );
    const evidence = listEntities(client.doc, 'evidence')[0]!;
    expect(evidence).toMatchObject({
      name: 'Biên bản ghi lời khai Nguyễn Văn Hùng, BL 46',
      pages: 'BL 46',
      files: [hash],
    });
    expect((evidence as { description?: string }).description).toContain('Trần Thị Đào');
    expect(await page.getByTestId('case-search-said').textContent()).toBe(
      'Đã tạo chứng cứ “Biên bản ghi lời khai Nguyễn Văn Hùng, BL 46”.',
    );
    // And a citation of the page in the person already in the register: BL 12 and BL 46.
    const person = listEntities(client.doc, 'person')[0]!;
    await page.getByTestId('search-hit-cite').first().selectOption(person.id);
    await until(
      async () => getEntity(client.doc, person.id)?.pages === 'BL 12, 46',
      5000,
      'the citation to reach the case',
    );
    await page.screenshot({ path: `${SHOTS}/case-file-search-acted-vi.png` });

    // And a passage of a statement: the found words as its quote, their region on page 2 kept.
    expect(await page.getByTestId('search-hit-passage').count()).toBe(0);
    const statementId = addEntity(
      client.doc,
      { kind: 'evidence', fields: { name: 'Lời khai Nguyễn Văn Hùng', evidenceType: 'statement' } },
      'test',
    );
    await page.getByTestId('search-hit-passage').first().click();
    await page.getByTestId('passage-dialog').waitFor();
    expect(await page.getByTestId('passage-quote').inputValue()).toContain('Trần Thị Đào');
    await page.screenshot({ path: `${SHOTS}/case-file-search-passage-vi.png` });
    await page.getByTestId('passage-save').click();
    await until(
      async () => (readStatement(client.doc, statementId)?.passages.length ?? 0) === 1,
      5000,
      'the passage to reach the case',
    );
    const passage = readStatement(client.doc, statementId)!.passages[0]!;
    expect(passage).toMatchObject({ file: hash, page: 2 });
    expect(passage.quote).toContain('Trần Thị Đào');
    // The snippet's ellipses are not part of what the person said.
    expect(passage.quote).not.toMatch(/^(…|\.\.\.)|(…|\.\.\.)$/);
    // The region covers the found words: on the page's second line, as the boxes drawn above.
    expect(passage.region!.y).toBeGreaterThan(0.06);
    expect(passage.region!.y + passage.region!.h).toBeLessThan(0.17);
    client.destroy();
  },
  180_000,
);

it.skipIf(!HAS_TESSERACT)(
  'speaks English',
  async () => {
    const { caseId, client } = await caseWithScan();
    const page = await openFiles('en-GB', caseId);
    await until(
      async () =>
        /^Reading text: [01] of 2 pages$/.test(
          (await page.getByTestId('file-reading').textContent()) ?? '',
        ),
      60_000,
      'the reading progress',
    );
    await until(
      async () =>
        (await page.getByTestId('file-reading').textContent()) === 'Text read, searchable',
      90_000,
      'the scan to be read',
    );
    await page.getByTestId('case-search-input').fill('NGUYEN VAN HUNG');
    await page.getByTestId('search-hit').first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('case-search-count').textContent()).toBe(
      '1 page with “NGUYEN VAN HUNG”',
    );
    expect(await page.locator('.case-search__page').first().textContent()).toBe('Page 1 · BL 45');
    expect(await page.getByTestId('search-hit-evidence').first().textContent()).toBe(
      ' Make evidence item',
    );
    await page.screenshot({ path: `${SHOTS}/case-file-search-en.png` });
    await page.getByTestId('case-search-input').fill('không có chữ này');
    await page.getByTestId('case-search-none').waitFor();
    client.destroy();
  },
  180_000,
);

it('says OCR is off, in both languages, when the server has no tesseract', async () => {
  const off = await startTestServer({ ocrEnabled: false });
  try {
    const admin = await ApiClient.login(off.url, ADMIN.username, ADMIN.password);
    const user = await admin.newUser('ksv.minh', 'Lê Văn Minh');
    const caseId = (await user.request('POST', '/api/cases', { title: 'Không có OCR' })).body.id;
    const res = await fetch(`${off.url}/api/cases/${caseId}/files?name=scan.pdf`, {
      method: 'POST',
      headers: { cookie: user.cookie, 'content-type': 'application/pdf' },
      body: new Uint8Array(await scannedPdf([STATEMENT[0]!], { dpi: 100 })),
    });
    const stored = (await res.json()) as { hash: string; size: number };
    const client = connectClient(off.url, caseId, await user.token());
    await synced(client);
    addFileRecord(
      client.doc,
      { hash: stored.hash, name: 'Bản quét.pdf', mime: 'application/pdf', size: stored.size },
      'test',
    );
    for (const [locale, off1, off2] of [
      ['vi-VN', 'OCR đang tắt', 'Chưa đọc được ảnh quét: OCR đang tắt'],
      ['en-GB', 'OCR is off', 'Scanned pages not read: OCR is off'],
    ] as const) {
      const page = await (await newContext(browser, locale)).newPage();
      await logIn(page, off.url, 'ksv.minh', 'ksv.minh-password');
      await page.goto(`${off.url}/cases/${caseId}`);
      await page.getByTestId('register-tab-files').click();
      await until(
        async () => (await page.getByTestId('file-reading').textContent()) === off2,
        30_000,
        'the file to be kept off',
      );
      expect(await page.getByTestId('ocr-off').textContent()).toContain(off1);
      await page.screenshot({ path: `${SHOTS}/case-file-ocr-off-${locale.slice(0, 2)}.png` });
      await page.context().close();
    }
    client.destroy();
  } finally {
    await off.dispose();
  }
}, 120_000);
