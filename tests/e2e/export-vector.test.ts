import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSlide } from '../../src/core/index.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { seedSampleCase, type SampleCase } from '../helpers/sample-case.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';
import {
  chromiumPng,
  inkedBands,
  inkedShare,
  installed,
  keep,
  libreOfficePngs,
  pdfFonts,
  pdfText,
  pixelDifference,
  pngSize,
  rsvgPng,
  svgText,
  workDir,
} from './export-programs.ts';

/**
 * Every board kind exported through the page's menus, as a person downloads them, then opened by
 * programs outside the project: the SVG is plain vector SVG that rsvg-convert draws as Chromium
 * does, the PNG is that picture at the chosen scale, the PDF holds every label as text in the
 * embedded Be Vietnam Pro. The deck's PDF shows its progress and can be cancelled; slide
 * thumbnails are drawn from the document, with nothing added over the board.
 */

let server: TestServer;
let browser: Browser;
let sample: SampleCase;

const KINDS = ['mindmap', 'evidence', 'relationship', 'timeline', 'scene'] as const;

/** What a reader must find in each board's files (Vietnamese, NFC). */
const LABELS: Record<(typeof KINDS)[number], string[]> = {
  mindmap: [
    'Vụ trộm cắp tài sản (Điều 173 BLHS)',
    'Bị can: Nguyễn Văn Ấn',
    'Sinh năm 1990',
    'Bị hại: Đỗ Thị Lập',
    'Chứng cứ',
    'BL 12 - Biên bản khám nghiệm',
    'Lời khai người làm chứng',
  ],
  evidence: [
    'Ấn lấy điện thoại của bà Lập',
    'Biên bản thu giữ điện thoại',
    'Lời khai của Phạm Văn Minh',
  ],
  relationship: ['Trần Văn Bình', 'Lê Thị Cúc', 'Gọi 3 cuộc ngày 14/3'],
  timeline: ['Ấn đột nhập nhà bà Lập', 'Ấn bán điện thoại', 'Bắt giữ Ấn'],
  scene: ['Hiện trường số 12 Hàng Bài'],
};

/** The files of each kind, kept for the LibreOffice test. */
const files = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer();
  sample = await seedSampleCase(server);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function openCase(locale = 'vi-VN'): Promise<Page> {
  const page = await (await newContext(browser, locale)).newPage();
  await logIn(page, server.url, sample.owner.username, sample.owner.password);
  await page.goto(`${server.url}/cases/${sample.caseId}`);
  return page;
}

/** The file the page offers after `click`, or a failure with the menu's reason if it says why not. */
async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const waiting = page.waitForEvent('download', { timeout: 45_000 });
  const refused = page
    .getByTestId('export-message')
    .filter({ visible: true })
    .waitFor({ timeout: 45_000 })
    .then(async () => `refused: ${await page.getByTestId('export-message').innerText()}`);
  await click();
  const first = await Promise.race([waiting, refused]);
  if (typeof first === 'string') expect.fail(first);
  return readFileSync((await first.path())!);
}

/** The board's tab chosen and its export menu open. */
async function openMenu(page: Page, boardId: string) {
  await page.locator(`[data-testid=board-tab][data-board-id="${boardId}"]`).click();
  const menu = page.getByTestId('export-menu').filter({ visible: true });
  await menu.waitFor();
  if (!(await menu.evaluate((el) => (el as HTMLDetailsElement).open)))
    await menu.locator('summary').click();
  return menu;
}

describe.skipIf(!installed('rsvg-convert') || !installed('pdftotext'))(
  'exports drawn from the document (rsvg-convert, poppler)',
  () => {
    it('exports every board kind as vector SVG that rsvg-convert draws as Chromium does, PNG at scale, and searchable PDF', async () => {
      const page = await openCase();
      for (const kind of KINDS) {
        const boardId = sample.boards[kind];
        const dir = workDir(`export-${kind}`);
        const menu = await openMenu(page, boardId);

        // SVG: plain elements, every label as text, no HTML inside.
        const svg = (await download(page, () => menu.getByTestId('export-svg').click())).toString();
        expect(svg, kind).toMatch(/^<svg /);
        expect(svg, kind).not.toContain('foreignObject');
        expect(svg, kind).not.toMatch(/<(div|span|p)\b/);
        const drawn = svgText(svg);
        for (const label of LABELS[kind])
          if (kind !== 'scene') expect(drawn, kind).toContain(label);
        const svgFile = join(dir, `${kind}.svg`);
        writeFileSync(svgFile, svg);
        files.set(`${kind}.svg`, svgFile);

        // The same picture in rsvg-convert (Be Vietnam Pro installed) and in Chromium.
        const rsvgFile = join(dir, `${kind}-rsvg.png`);
        rsvgPng(svgFile, rsvgFile);
        const rsvg = readFileSync(rsvgFile);
        const chromium = await chromiumPng(browser, svg);
        expect(pngSize(rsvg), kind).toEqual(pngSize(chromium));
        const { share, raw, diff } = await pixelDifference(browser, rsvg, chromium);
        writeFileSync(join(dir, `${kind}-chromium.png`), chromium);
        writeFileSync(join(dir, `${kind}-diff.png`), diff);
        for (const name of [`${kind}-rsvg.png`, `${kind}-chromium.png`, `${kind}-diff.png`])
          keep(join(dir, name), name);
        // Under 1% of pixels differ by more than 64 (glyph edges anti-aliased apart within a pixel
        // allowed); pixel by pixel, only glyph edges may differ.
        expect(share, `${kind}: share of pixels that differ`).toBeLessThan(0.01);
        expect(raw, `${kind}: share of pixels that differ where they are`).toBeLessThan(0.05);
        // Not two blank pictures agreeing.
        expect(await inkedShare(browser, rsvg), kind).toBeGreaterThan(0.005);

        // PNG at 2×: the picture's size doubled, a real PNG.
        const png = await download(page, () => menu.getByTestId('export-png-2').click());
        const declared = {
          width: Number(/<svg\b[^>]*\swidth="([\d.]+)"/.exec(svg)![1]),
          height: Number(/<svg\b[^>]*\sheight="([\d.]+)"/.exec(svg)![1]),
        };
        expect(pngSize(png), kind).toEqual({
          width: Math.round(declared.width * 2),
          height: Math.round(declared.height * 2),
        });
        writeFileSync(join(dir, `${kind}-2x.png`), png);
        keep(join(dir, `${kind}-2x.png`), `${kind}-2x.png`);

        // PDF: every label found by pdftotext, in NFC; the font embedded.
        const pdf = await download(page, () => menu.getByTestId('export-pdf').click());
        expect(pdf.subarray(0, 5).toString(), kind).toBe('%PDF-');
        const pdfFile = join(dir, `${kind}.pdf`);
        writeFileSync(pdfFile, pdf);
        files.set(`${kind}.pdf`, pdfFile);
        keep(pdfFile, `${kind}.pdf`);
        const text = pdfText(pdfFile);
        expect(text, kind).toBe(text.normalize('NFC'));
        for (const label of LABELS[kind]) expect(text, kind).toContain(label);
        // The case is classified Mật: marked on the page.
        expect(text, kind).toContain('MẬT');
        const fonts = pdfFonts(pdfFile);
        expect(fonts.length, kind).toBeGreaterThan(0);
        for (const font of fonts) {
          expect(font.name, kind).toMatch(/BeVietnamPro/);
          expect(font.embedded, `${kind}: ${font.name} embedded`).toBe(true);
        }
      }
      await page.context().close();
    });

    it.skipIf(!installed('libreoffice'))(
      'LibreOffice Draw opens the SVG and the PDF of every board kind (Debian’s packages)',
      async () => {
        for (const format of ['svg', 'pdf']) {
          const exported = KINDS.map((kind) => files.get(`${kind}.${format}`));
          if (exported.some((f) => !f)) expect.fail('the exports of the tests before are missing');
          const dir = workDir(`libreoffice-${format}`);
          const pngs = libreOfficePngs(exported as string[], dir);
          for (const [file, png] of pngs) {
            keep(
              join(dir, file.replace(/^.*\//, '').replace(/\.\w+$/, '.png')),
              `lo-${file.replace(/^.*\//, '')}.png`,
            );
            expect(await inkedShare(browser, png), file).toBeGreaterThan(0.003);
          }
        }
      },
      240_000,
    );
  },
);

it.skipIf(!installed('pdftotext'))(
  'exports the deck as a searchable PDF with progress, and cancels it',
  async () => {
    // Enough slides for the progress to be seen.
    const lan = await ApiClient.login(server.url, sample.owner.username, sample.owner.password);
    const client = connectClient(server.url, sample.caseId, await lan.token());
    await synced(client);
    for (let i = 1; i <= 24; i++)
      addSlide(
        client.doc,
        {
          kind: 'frame',
          boardId: sample.boards.evidence,
          frame: { x: -100, y: -100, w: 1200, h: 675 },
          title: `Chứng cứ, phần ${i}`,
        },
        'test',
      );
    await new Promise((resolve) => setTimeout(resolve, 300));
    client.destroy();

    const page = await openCase();
    await page.getByTestId('toggle-deck').click();
    await until(
      async () => (await page.getByTestId('deck-slide').count()) === 27,
      10_000,
      'the deck of 27 slides',
    );

    // Started, shown counting pages, cancelled: no file, and the panel says so.
    let offered = false;
    page.on('download', () => (offered = true));
    await page.getByTestId('deck-pdf').click();
    const deck = page.getByTestId('deck-export');
    await deck.getByTestId('export-progress').waitFor();
    await deck.getByTestId('export-cancel').click();
    await deck.getByTestId('export-message').waitFor();
    expect(await deck.getByTestId('export-message').innerText()).toBe('Đã hủy.');
    await page.waitForTimeout(500);
    expect(offered).toBe(false);
    expect(await deck.getByTestId('export-progress').count()).toBe(0);

    // Made to the end: one page per slide, titles and the document's own text searchable.
    const waiting = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('deck-pdf').click();
    await deck.getByTestId('export-progress').waitFor();
    const file = join(workDir('deck'), 'deck.pdf');
    writeFileSync(file, readFileSync((await (await waiting).path())!));
    keep(file, 'deck.pdf');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Pages:\s+27$/m);
    const text = pdfText(file);
    for (const title of [
      'Báo cáo án: vụ trộm cắp tài sản',
      'Tổng quan vụ án',
      'Biên bản khám nghiệm',
      'Chứng cứ, phần 24',
      'Bị can: Nguyễn Văn Ấn',
    ])
      expect(text).toContain(title);
    // Be Vietnam Pro embedded; the document slide's own PDF page keeps its fonts as they were.
    const fonts = pdfFonts(file).filter((font) => /BeVietnamPro/.test(font.name));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.embedded, `${font.name} embedded`).toBe(true);
    await page.context().close();
  },
  120_000,
);

it('draws slide thumbnails from the document, with nothing added over the board', async () => {
  const page = await openCase();
  await page.getByTestId('board-tab').first().waitFor();
  // Anything put on the page's body from now on (a host drawn for a picture) is recorded.
  await page.evaluate(() => {
    const added: string[] = [];
    (window as unknown as { added: string[] }).added = added;
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLElement) added.push(node.className || node.tagName);
    }).observe(document.body, { childList: true });
  });
  await page.getByTestId('toggle-deck').click();
  const frameSlide = page.locator('[data-testid=deck-slide][data-kind=frame]').first();
  const thumb = frameSlide.getByTestId('deck-thumb');
  await thumb.waitFor({ timeout: 20_000 });
  // The thumbnail is the slide drawn as SVG: the map's topics are text in it.
  const src = (await thumb.getAttribute('src')) ?? '';
  expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
  const svg = Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').toString('utf8');
  expect(svg).toMatch(/^<svg /);
  expect(svg).not.toContain('foreignObject');
  expect(svg).toContain('Tổng quan vụ án');
  expect(svg).toContain('Bị can: Nguyễn Văn Ấn');
  // Every slide gets one, and none was drawn on the page.
  await until(
    async () =>
      (await page.getByTestId('deck-thumb').count()) ===
      (await page.getByTestId('deck-slide').count()),
    20_000,
    'a thumbnail for every slide',
  );
  expect(await page.evaluate(() => (window as unknown as { added: string[] }).added)).toEqual([]);
  await page.context().close();
});

it('gives hearing links a picture of the slide drawn from the document, marked Mật, not of the screen', async () => {
  const page = await openCase();
  await page.getByTestId('toggle-deck').click();
  // The frame slide of the map, presented with the key sheet open over it.
  await page.locator('[data-testid=deck-slide][data-kind=frame]').first().click();
  await page.getByTestId('present-start').click();
  await page.getByTestId('present').waitFor();
  await page.keyboard.press('?');

  const token = sample.livePath.split('/').pop()!;
  let png = Buffer.alloc(0);
  await until(
    async () => {
      const res = await fetch(`${server.url}/api/live/${token}/image`);
      png = Buffer.from(await res.arrayBuffer());
      return res.ok && res.headers.get('content-type') === 'image/png';
    },
    15_000,
    'the slide’s picture for hearing links',
  );
  expect(pngSize(png)).toEqual({ width: 1600, height: 900 });
  const file = join(workDir('hearing'), 'hearing.png');
  writeFileSync(file, png);
  keep(file, 'hearing.png');
  // The marking, red, at the top and at the bottom; the map's text drawn; nothing of the page.
  const look = await inkedBands(browser, png);
  expect(look.redTop).toBeGreaterThan(0.002);
  expect(look.redBottom).toBeGreaterThan(0.002);
  expect(await inkedShare(browser, png)).toBeGreaterThan(0.01);
  await page.context().close();
});
