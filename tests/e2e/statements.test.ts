import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addBoard,
  addEntity,
  addFileRecord,
  addLink,
  addNode,
  listSlides,
  listStatements,
  moveNodes,
} from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';
import { contrastProblems } from './look.ts';

let server: TestServer;
let browser: Browser;
const SHOTS = process.env.SHOT_DIR ?? '/tmp/shots';

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

/**
 * A scanned statement: the words drawn by the browser itself into a PNG, as a scanner would give
 * a page of a record, so the page region shown later has real Vietnamese text to read.
 */
async function scannedRecord(): Promise<Buffer> {
  const page = await (await newContext(browser)).newPage();
  await page.setViewportSize({ width: 800, height: 1100 });
  await page.setContent(
    `<body style="margin:0;background:#fff;font:28px serif;color:#111;padding:60px">
      <h1 style="font-size:34px;text-align:center">BIÊN BẢN GHI LỜI KHAI</h1>
      <p>Hôm nay, ngày 20 tháng 3 năm 2025, tại Công an phường.</p>
      <p style="border:3px solid #c00;padding:12px">Tôi thấy anh Ấn rời quán lúc 21 giờ 30, đi về phía chợ.</p>
      <p>Người khai ký tên: Đỗ Thị Lập</p></body>`,
  );
  const png = await page.screenshot({ type: 'png' });
  await page.context().close();
  return png;
}

/** A case with two statements of two people, two issues, and one issue proven on a chart. */
async function caseWithStatements() {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (
    await lan.request('POST', '/api/cases', {
      title: 'Vụ cố ý gây thương tích',
      caseNumber: '21/2026/HS',
      offences: ['BLHS-134.1'],
    })
  ).body.id as string;
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  const doc = client.doc;
  const res = await fetch(
    `${server.url}/api/cases/${caseId}/files?name=${encodeURIComponent('Biên bản lời khai Lập.png')}`,
    {
      method: 'POST',
      headers: { cookie: lan.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(await scannedRecord()),
    },
  );
  expect(res.status).toBe(201);
  const stored = (await res.json()) as { hash: string; size: number };
  addFileRecord(
    doc,
    { hash: stored.hash, name: 'Biên bản lời khai Lập.png', mime: 'image/png', size: stored.size },
    'test',
  );
  const person = (name: string, role: string) =>
    addEntity(doc, { kind: 'person', fields: { name, role } }, 'test');
  const suspect = person('Nguyễn Văn Ấn', 'suspect');
  const witness = person('Đỗ Thị Lập', 'witness');
  const chart = addBoard(doc, { kind: 'evidence', title: 'Sơ đồ chứng cứ' }, 'test');
  const place = (kind: 'fact' | 'evidence', fields: Record<string, unknown>, x: number, y = 0) => {
    const id = addEntity(doc, { kind, fields }, 'test');
    const node = addNode(doc, { boardId: chart, x, y, entity: id }, 'test');
    moveNodes(doc, { boardId: chart, moves: [{ id: node, x, y }] }, 'test');
    return { id, node };
  };
  const time = place('fact', { name: 'Thời gian gây thương tích', factType: 'issue-crime' }, 420);
  place('fact', { name: 'Người gây thương tích', factType: 'issue-offender' }, 420, 160);
  const camera = place(
    'evidence',
    { name: 'Dữ liệu camera quán', evidenceType: 'electronic', pages: 'BL 30' },
    0,
  );
  addLink(
    doc,
    { boardId: chart, source: camera.node, target: time.node, type: 'supports' },
    'test',
  );
  const statement = (name: string, givenBy: string, givenAt: string, recordName: string) =>
    addEntity(
      doc,
      {
        kind: 'evidence',
        fields: { name, evidenceType: 'statement', givenBy, givenAt, recordName, pages: 'BL 41' },
      },
      'test',
    );
  // Added later than it was given: the comparison puts it first by its time.
  const witnessStatement = statement(
    'Lời khai người làm chứng',
    witness,
    '20/3/2025',
    'Biên bản số 07',
  );
  const suspectStatement = statement('Bản tự khai của bị can', suspect, '14/3/2025', 'Bản tự khai');
  return { client, caseId, chart, hash: stored.hash, time, suspectStatement, witnessStatement };
}

async function openCase(locale: string, caseId: string): Promise<Page> {
  const page = await (await newContext(browser, locale)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('board-tab').first().waitFor();
  return page;
}

/** The drawn size of the page region's picture, once its page image has loaded. */
async function cropDrawn(page: Page, selector: string): Promise<{ width: number; height: number }> {
  const crop = page.locator(`${selector} [data-testid=region-crop]`).first();
  await crop.waitFor();
  await until(
    async () => ((await crop.locator('image').getAttribute('href')) ?? '').length > 0,
    10_000,
    'the page image in the region',
  );
  return (await crop.boundingBox())!;
}

it('makes statements with passages, compares them, marks a contradiction that the proof analysis and the checklist show, and presents two passages side by side', async () => {
  const setup = await caseWithStatements();
  const { client, caseId, time, suspectStatement, witnessStatement } = setup;
  const page = await openCase('vi-VN', caseId);

  // 1. In the register, the suspect's statement: its fields, then a passage typed in.
  await page.getByTestId('register-tab-evidence').click();
  await page.getByTestId('register-row').filter({ hasText: 'Bản tự khai của bị can' }).click();
  const detail = page.getByTestId('entity-detail');
  await expect.poll(() => detail.innerText()).toContain('Người khai');
  expect(await detail.innerText()).toContain('Nguyễn Văn Ấn');
  await detail.getByTestId('passage-add').click();
  // An empty quote is refused with a message, and nothing is written.
  await detail.getByTestId('passage-save').click();
  expect(await detail.getByTestId('passage-error').innerText()).toBe('Hãy gõ hoặc dán đoạn trích.');
  await detail
    .getByTestId('passage-quote')
    .fill('Lúc đó khoảng 20 giờ, tôi đã về nhà, không có mặt ở quán.');
  await detail.getByTestId('passage-target').selectOption(time.id);
  await detail.getByTestId('passage-aspect').selectOption('time');
  await detail.getByTestId('passage-save').click();
  await detail.getByTestId('statement-passage').waitFor();
  expect(await detail.getByTestId('statement-passage').innerText()).toContain(
    'Thời gian gây thương tích · Thời gian',
  );
  expect(await contrastProblems(page, '[data-testid=statement-passages]')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/statements-register-vi.png` });

  // 2. From the scanned record: a region of the page becomes the witness's passage.
  await page.getByTestId('register-tab-files').click();
  await page.getByTestId('files-tab').getByTestId('file-open').first().click();
  const viewer = page.getByTestId('file-viewer');
  const image = viewer.getByTestId('viewer-page-image');
  await image.waitFor();
  await viewer.getByTestId('viewer-add-passage').click();
  const box = (await image.boundingBox())!;
  // Around the framed sentence of the record.
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height * 0.16);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.2, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.95, box.y + box.height * 0.235, { steps: 5 });
  await page.mouse.up();
  const dialog = page.getByTestId('passage-dialog');
  await dialog.waitFor();
  await dialog.getByTestId('passage-statement').selectOption(witnessStatement);
  await dialog
    .getByTestId('passage-quote')
    .fill('Tôi thấy anh Ấn rời quán lúc 21 giờ 30, đi về phía chợ.');
  await dialog.getByTestId('passage-target').selectOption(time.id);
  await dialog.getByTestId('passage-aspect').selectOption('time');
  await page.screenshot({ path: `${SHOTS}/statements-from-region-vi.png` });
  await dialog.getByTestId('passage-save').click();
  await dialog.waitFor({ state: 'detached' });
  await until(
    async () =>
      listStatements(client.doc).find((s) => s.id === witnessStatement)?.passages.length === 1,
    5000,
    'the passage from the region, at a colleague',
  );
  const fromRegion = listStatements(client.doc).find((s) => s.id === witnessStatement)!
    .passages[0]!;
  expect(fromRegion).toMatchObject({ file: setup.hash, page: 1, target: time.id, aspect: 'time' });
  expect(fromRegion.region!.w).toBeGreaterThan(0.8);
  expect(fromRegion.region!.h).toBeGreaterThan(0.06);
  await viewer.getByTestId('viewer-close').click();

  // 3. The comparison: two columns in time order, the passages in their row.
  await page.getByTestId('toggle-statements').click();
  const comparison = page.getByTestId('comparison');
  await comparison.getByTestId('comparison-table').waitFor();
  expect(await comparison.getByTestId('comparison-column').allInnerTexts()).toEqual([
    expect.stringContaining('Bản tự khai của bị can'),
    expect.stringContaining('Lời khai người làm chứng'),
  ]);
  const timeRow = comparison.locator(`[data-testid=comparison-row][data-row="${time.id}"]`);
  expect(await timeRow.innerText()).toContain('không có mặt ở quán');
  expect(await timeRow.innerText()).toContain('rời quán lúc 21 giờ 30');
  const cell = (statement: string) =>
    timeRow.locator(`[data-testid=comparison-cell][data-statement="${statement}"]`);
  await cell(suspectStatement).getByTestId('comparison-mark').selectOption('contradicting');
  await cell(witnessStatement).getByTestId('comparison-mark').selectOption('consistent');
  await until(
    async () => (await cell(suspectStatement).getAttribute('data-mark')) === 'contradicting',
    5000,
    'the cell marked',
  );
  // A mark is a word as well as a colour.
  expect(
    await cell(suspectStatement)
      .getByTestId('comparison-mark')
      .locator('option:checked')
      .innerText(),
  ).toBe('Mâu thuẫn');
  const contradictingBg = await cell(suspectStatement).evaluate(
    (el) => getComputedStyle(el).backgroundColor,
  );
  expect(contradictingBg).not.toBe(
    await cell(witnessStatement).evaluate((el) => getComputedStyle(el).backgroundColor),
  );
  const crop = await cropDrawn(page, `[data-statement="${witnessStatement}"]`);
  expect(crop.width).toBeGreaterThan(100);
  // Every word of the comparison readable on its cell's colour (WCAG AA).
  expect(await contrastProblems(page, '[data-testid=comparison]')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/statements-compare-vi.png` });

  // The region enlarged on click.
  await cell(witnessStatement).getByTestId('comparison-region').click();
  const enlarged = await cropDrawn(page, '[data-testid=region-dialog]');
  expect(enlarged.width).toBeGreaterThan(500);
  await page.screenshot({ path: `${SHOTS}/statements-region-vi.png` });
  await page.getByTestId('region-dialog-close').click();

  // Two passages picked: a side-by-side slide.
  await cell(suspectStatement).getByTestId('comparison-pick').check();
  await cell(witnessStatement).getByTestId('comparison-pick').check();
  await comparison.getByTestId('comparison-present').click();
  await until(
    async () => listSlides(client.doc).some((s) => s.kind === 'statements'),
    5000,
    'the slide in the deck',
  );
  expect(await comparison.getByTestId('comparison-message').innerText()).toContain(
    'Đối chiếu lời khai: Thời gian gây thương tích',
  );
  await comparison.getByTestId('comparison-close').click();

  // 4. The proof analysis: the proven issue is now disputed, with the statement named.
  const proofRow = page.getByTestId('proof-row').filter({ hasText: 'Thời gian gây thương tích' });
  await until(
    async () => (await proofRow.getAttribute('data-status')) === 'disputed',
    5000,
    'the issue disputed',
  );
  expect(await proofRow.innerText()).toContain('Có mâu thuẫn');
  expect(await proofRow.getByTestId('proof-statements').innerText()).toBe(
    'Lời khai mâu thuẫn: Bản tự khai của bị can',
  );
  await page.screenshot({ path: `${SHOTS}/statements-proof-vi.png` });

  // 5. The checklist: the contradiction, its sources, and a way to the comparison's row.
  await page.getByTestId('toggle-checklist').click();
  const rule = page.getByTestId('checklist-statement-contradiction');
  await until(async () => (await rule.getAttribute('data-count')) === '1', 5000, 'the finding');
  expect(await rule.innerText()).toContain('Căn cứ: Điều 98, Điều 108 BLTTHS 2015');
  expect(await rule.innerText()).toContain('1 lời khai mâu thuẫn: Bản tự khai của bị can');
  await rule.screenshot({ path: `${SHOTS}/statements-checklist-vi.png` });
  await rule.getByTestId('checklist-item').click();
  await page.locator('[data-testid=comparison-row].is-focused').waitFor();
  expect(
    await page.locator('[data-testid=comparison-row].is-focused').getAttribute('data-row'),
  ).toBe(time.id);
  await page.getByTestId('comparison-close').click();

  // 6. Present the slide: two zones, who and when over each, the regions drawn large.
  await page.getByTestId('toggle-deck').click();
  await page.getByTestId('deck-slide').filter({ hasText: 'Đối chiếu lời khai' }).click();
  await page.getByTestId('present-start').click();
  const presenting = page.getByTestId('present');
  await presenting.getByTestId('slide-statements').waitFor();
  const zones = presenting.getByTestId('slide-statements-zone');
  expect(await zones.count()).toBe(2);
  expect(await zones.nth(0).locator('h3').innerText()).toBe('Nguyễn Văn Ấn — 14/3/2025');
  expect(await zones.nth(1).locator('h3').innerText()).toBe('Đỗ Thị Lập — 20/3/2025');
  expect(await zones.nth(1).innerText()).toContain('rời quán lúc 21 giờ 30');
  const region = await cropDrawn(page, '[data-testid=present] [data-testid=slide-statements-zone]');
  expect(region.width).toBeGreaterThan(400);
  // Each zone's heading is inside its half of the slide, not cut.
  for (const i of [0, 1]) {
    const heading = zones.nth(i).locator('h3');
    expect(await heading.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  await page.screenshot({ path: `${SHOTS}/statements-slide-vi.png` });

  // The presenter view (a second window) draws it too.
  const presenter = await page.context().newPage();
  await presenter.goto(`${server.url}/cases/${caseId}/presenter`);
  const current = presenter.locator(
    '[data-testid=presenter-current] [data-testid=slide-statements]',
  );
  await current.waitFor();
  expect(await current.getByTestId('slide-statements-zone').count()).toBe(2);
  await cropDrawn(presenter, '[data-testid=presenter-current]');
  await presenter.screenshot({ path: `${SHOTS}/statements-presenter-vi.png` });
  await presenter.close();

  // 7. In English: the comparison, then following the presentation.
  const en = await openCase('en-GB', caseId);
  await en.getByTestId('toggle-statements').click();
  const enTable = en.getByTestId('comparison-table');
  await enTable.waitFor();
  const enText = await en.getByTestId('comparison').innerText();
  expect(enText).toContain('Compare statements');
  expect(enText).toContain('Issue or fact');
  expect(
    await en
      .locator(
        `[data-statement="${suspectStatement}"] [data-testid=comparison-mark] option:checked`,
      )
      .first()
      .innerText(),
  ).toBe('Contradicting');
  await cropDrawn(en, `[data-statement="${witnessStatement}"]`);
  await en.screenshot({ path: `${SHOTS}/statements-compare-en.png` });
  await en.getByTestId('comparison-close').click();
  await en.getByTestId('follow-presenter').click();
  const following = en.getByTestId('follow');
  await following.getByTestId('slide-statements').waitFor();
  expect(
    await following.getByTestId('slide-statements-zone').nth(0).locator('h3').innerText(),
  ).toBe('Nguyễn Văn Ấn — 14/3/2025');
  await cropDrawn(en, '[data-testid=follow] [data-testid=slide-statements-zone]');
  await en.screenshot({ path: `${SHOTS}/statements-slide-en.png` });
  await page.keyboard.press('Escape');

  // The deck lists the slide with its thumbnail.
  await page.getByTestId('deck-thumb').first().waitFor();
  await page.getByTestId('deck-panel').screenshot({ path: `${SHOTS}/statements-deck-vi.png` });
  client.destroy();
}, 120_000);
