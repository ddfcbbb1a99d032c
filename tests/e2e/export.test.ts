import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addTopic, listTopics } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';
import { interopFixture } from '../helpers/fixtures.ts';

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

/** Drops a file onto an element as a person dragging it from the desktop would. */
async function dropFile(
  page: Page,
  selector: string,
  name: string,
  bytes: Uint8Array,
  type: string,
) {
  await page.evaluate(
    ({ selector, name, data, type }) => {
      const target = document.querySelector(selector)!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type }));
      const box = target.getBoundingClientRect();
      const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
      target.dispatchEvent(
        new DragEvent('dragover', {
          bubbles: true,
          cancelable: true,
          dataTransfer: transfer,
          ...at,
        }),
      );
      target.dispatchEvent(
        new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer, ...at }),
      );
    },
    { selector, name, data: [...bytes], type },
  );
}

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const waiting = page.waitForEvent('download', { timeout: 30_000 });
  await click();
  const file = await waiting;
  return readFileSync((await file.path())!);
}

it('imports a dropped FreeMind file, exports the map as a picture and the deck as a PDF, and refuses a hostile file', async () => {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ án xuất nhập' })).body
    .id as string;
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  const boardId = addBoard(client.doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, 'test');
  addTopic(client.doc, { boardId, parent: null, label: 'Vụ án cố ý gây thương tích' }, 'test');

  const page = await (await newContext(browser, 'vi-VN')).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('mindmap-canvas').waitFor();

  // A FreeMind map dropped onto the board becomes a branch, Chinese and empty topics included.
  const fixture = interopFixture('freeplane-zh-leftright-template.mm');
  await dropFile(page, '[data-testid=mindmap-canvas]', 'Mẫu.mm', fixture, '');
  await eventually(
    () => listTopics(client.doc, boardId).length === 14,
    5000,
    'the 13 imported topics',
  );
  await page.locator('.react-flow__node', { hasText: '左右双向思维导图' }).waitFor();

  // A hostile file is refused with a reason, and nothing changes.
  const lol = new TextEncoder().encode(
    '<?xml version="1.0"?><!DOCTYPE map [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><map><node TEXT="&b;"/></map>',
  );
  await dropFile(page, '[data-testid=mindmap-canvas]', 'lol.mm', lol, '');
  await until(
    async () => (await page.getByRole('alert').allInnerTexts()).join().includes('ENTITY'),
    3000,
    'the refusal',
  );
  expect(listTopics(client.doc, boardId)).toHaveLength(14);

  // The whole map as a PNG at 2×: bigger than the screen shows it, and not blank.
  await page.getByTestId('export-menu').locator('summary').click();
  const png = await download(page, () => page.getByTestId('export-png-2').click());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBeGreaterThan(400);
  expect(height).toBeGreaterThan(200);
  const inked = await page.evaluate(
    async (data) => {
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([new Uint8Array(data)], { type: 'image/png' }));
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4)
        if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 600) dark++;
      return dark / (pixels.length / 4);
    },
    [...png],
  );
  expect(inked).toBeGreaterThan(0.01);

  // The map to XMind and back gives the same topics.
  const xmind = await download(page, () => page.getByTestId('export-xmind').click());
  expect(xmind.subarray(0, 2).toString()).toBe('PK');

  // A deck of three slides as a PDF of three 16:9 pages.
  await page.getByTestId('toggle-deck').click();
  for (let i = 0; i < 3; i++) await page.getByTestId('add-title').click();
  await until(
    async () => (await page.getByTestId('deck-slide').count()) === 3,
    3000,
    'three slides',
  );
  const pdfBytes = await download(page, () => page.getByTestId('deck-pdf').click());
  const pdf = await PDFDocument.load(pdfBytes);
  expect(pdf.getPageCount()).toBe(3);
  const { width: pw, height: ph } = pdf.getPage(0).getSize();
  expect(pw / ph).toBeCloseTo(16 / 9, 2);
});
