import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addTopic, listTopics, listEntities } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced } from '../helpers/sync.ts';
import { encodeTcvn3, encodeVni } from '../helpers/legacy.ts';
import { launchBrowser, logIn, newContext } from './browser.ts';
import { contrastProblems } from './look.ts';

let server: TestServer;
let browser: Browser;
const SHOTS = process.env.SHOT_DIR ?? '/tmp/shots';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const LABEL = 'Lời khai của người bị hại';
const NAME = 'Nguyễn Thị Hường';
const NOTE = 'Ngày 14/3/2003 khai rằng bị can dùng dao đâm vào bụng.';

/** Drops a file onto the map as a person dragging it from the desktop would. */
async function dropFile(page: Page, name: string, bytes: Uint8Array) {
  await page.getByTestId('mindmap-canvas').evaluate(
    (target, { name, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name));
      const box = target.getBoundingClientRect();
      const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
      for (const type of ['dragover', 'drop'])
        target.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer, ...at }),
        );
    },
    { name, data: [...bytes] },
  );
}

/** Puts text on the system clipboard and pastes it with Ctrl+V, as from an old Word document. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+v');
}

async function openCase(locale: string) {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ án cố ý gây thương tích' }))
    .body.id as string;
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  const boardId = addBoard(client.doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, 'test');
  addTopic(client.doc, { boardId, parent: null, label: 'Vụ án cố ý gây thương tích' }, 'test');
  const context = await newContext(browser, locale);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('mindmap-canvas').waitFor();
  return { client, boardId, page };
}

for (const { locale, lang, notice, formNotice } of [
  {
    locale: 'vi-VN',
    lang: 'vi',
    notice: 'Văn bản dán vào được chuyển từ bảng mã cũ TCVN3 (.VnTime) sang Unicode.',
    formNotice: 'Văn bản dán vào được chuyển từ bảng mã cũ VNI-Windows sang Unicode.',
  },
  {
    locale: 'en-GB',
    lang: 'en',
    notice: 'The pasted text was converted from the old TCVN3 (.VnTime) encoding to Unicode.',
    formNotice: 'The pasted text was converted from the old VNI-Windows encoding to Unicode.',
  },
] as const)
  it(`converts TCVN3 and VNI text pasted into a topic, onto the map and into the register (${lang})`, async () => {
    const { client, boardId, page } = await openCase(locale);
    const tcvn3 = encodeTcvn3(LABEL);
    expect(tcvn3).toBe('Lêi khai cña ng\u00adêi bÞ h¹i');

    // Into a topic's label while editing it: the label drawn is the Unicode text.
    await page.getByTestId('topic').first().click();
    await page.keyboard.press('Tab');
    await page.getByTestId('topic-editor').waitFor();
    await page.keyboard.press('Control+a');
    await paste(page, tcvn3);
    expect(await page.getByTestId('topic-editor').inputValue()).toBe(LABEL);
    await page.keyboard.press('Enter');
    const drawn = page.getByTestId('topic-label').filter({ hasText: LABEL });
    await drawn.waitFor();
    expect(await drawn.innerText()).toBe(LABEL);
    const box = (await drawn.boundingBox())!;
    expect(box.width).toBeGreaterThan(80);
    const message = page.getByTestId('import-message');
    await expect.poll(() => message.innerText()).toBe(notice);
    await eventually(
      () => listTopics(client.doc, boardId).some((tp) => tp.label === LABEL),
      5000,
      'the converted label stored in the case',
    );

    // Onto the map: an outline from an old document becomes a branch, in Unicode.
    await page.getByTestId('topic').filter({ hasText: LABEL }).click();
    await paste(page, `${encodeTcvn3(NOTE)}\n\t${encodeTcvn3('Bút lục 45')}`);
    await page.getByTestId('topic-label').filter({ hasText: NOTE }).waitFor();
    await page.getByTestId('topic-label').filter({ hasText: 'Bút lục 45' }).waitFor();
    expect(await message.innerText()).toBe(notice);
    const shown = await page.getByTestId('topic-label').allInnerTexts();
    expect(shown.join('\n')).not.toMatch(/[µ¸¶·¹ÞÖÜ\u00ad]/);
    expect(await contrastProblems(page, '[data-testid=import-message]')).toEqual([]);
    await page.getByTestId('zoom-fit').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/legacy-paste-map-${lang}.png` });

    // Into the selected topic's note, in the details panel.
    await page.getByTestId('details-toggle').click();
    const note = page.getByTestId('topic-note');
    await note.click();
    await paste(page, encodeTcvn3(NOTE));
    expect(await note.inputValue()).toBe(NOTE);
    const details = page.getByTestId('topic-details');
    expect(await details.getByTestId('legacy-paste-notice').innerText()).toBe(notice);
    await page.screenshot({ path: `${SHOTS}/legacy-paste-note-${lang}.png` });
    await page.getByTestId('details-toggle').click();

    // Into a register field: a person's name from a VNI document.
    // The register is open beside the map (the case page's default).
    await page.getByTestId('register-tab-person').click();
    await page.getByTestId('register-add').click();
    await page.locator('#entity-name').focus();
    await paste(page, encodeVni(NAME));
    expect(await page.locator('#entity-name').inputValue()).toBe(NAME);
    const formMessage = page.getByTestId('legacy-paste-notice');
    expect(await formMessage.innerText()).toBe(formNotice);
    await page.screenshot({ path: `${SHOTS}/legacy-paste-register-${lang}.png` });
    await page.getByTestId('entity-save').click();
    await page.getByTestId('entity-form').waitFor({ state: 'detached' });
    const row = page.getByTestId('register-row').filter({ hasText: NAME });
    expect(await row.innerText()).toContain(NAME);
    await eventually(
      () => listEntities(client.doc).some((e) => e.name === NAME),
      5000,
      'the converted name stored in the case',
    );

    // Ordinary text pastes as it is, and says nothing.
    await page.getByTestId('register-add').click();
    await page.locator('#entity-name').focus();
    await paste(page, 'Müller, café – Trần Văn Bình');
    expect(await page.locator('#entity-name').inputValue()).toBe('Müller, café – Trần Văn Bình');
    expect(await page.getByTestId('legacy-paste-notice').count()).toBe(0);
    client.destroy();
  });

for (const { locale, lang, notice } of [
  {
    locale: 'vi-VN',
    lang: 'vi',
    notice:
      'Đã nhập 3 chủ đề từ “ho-so-cu.mm”. 3 đoạn văn bản được chuyển từ bảng mã cũ TCVN3 (.VnTime) sang Unicode.',
  },
  {
    locale: 'en-GB',
    lang: 'en',
    notice:
      'Imported 3 topics from “ho-so-cu.mm”. 3 texts converted from the old TCVN3 (.VnTime) encoding to Unicode.',
  },
] as const)
  it(`imports a FreeMind map typed in .VnTime as Unicode and says so (${lang})`, async () => {
    const { client, boardId, page } = await openCase(locale);
    const labels = ['Chứng cứ buộc tội', 'Lời khai người làm chứng', 'Kết luận giám định'];
    const [first, ...rest] = labels.map((label) => encodeTcvn3(label));
    const mm = `<map version="0.9.0"><node TEXT="${first}">${rest.map((l) => `<node TEXT="${l}"/>`).join('')}</node></map>`;
    await page.getByTestId('topic').first().click();
    await dropFile(page, 'ho-so-cu.mm', new TextEncoder().encode(mm));
    const message = page.getByTestId('import-message');
    await message.waitFor();
    expect(await message.innerText()).toBe(notice);
    for (const label of labels)
      await page.getByTestId('topic-label').filter({ hasText: label }).waitFor();
    expect((await page.getByTestId('topic-label').allInnerTexts()).join('\n')).not.toMatch(
      /[µ¸¶·¹ÞÖÜ\u00ad]/,
    );
    await eventually(
      () => labels.every((l) => listTopics(client.doc, boardId).some((tp) => tp.label === l)),
      5000,
      'the converted topics stored in the case',
    );
    await page.getByTestId('zoom-fit').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/legacy-import-${lang}.png` });
    client.destroy();
  });
