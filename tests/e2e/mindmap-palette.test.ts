import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addEntity, insertOutline, parseOutline } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';

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

const labels = (page: Page) => page.getByTestId('topic-label').allInnerTexts();
const topic = (page: Page, label: string) =>
  page.getByTestId('topic').filter({ has: page.getByText(label, { exact: true }) });

/** A case with a small map and one person in the register, opened in a browser. */
async function openCase(): Promise<{ page: Page; person: string }> {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ lừa đảo' })).body
    .id as string;
  const writer = connectClient(server.url, caseId, await lan.token());
  await synced(writer);
  const boardId = addBoard(writer.doc, { kind: 'mindmap', title: 'Nội dung vụ án' }, 'test');
  insertOutline(
    writer.doc,
    { boardId, parent: null, nodes: parseOutline('Vụ lừa đảo\n  Người tham gia\n  Chứng cứ') },
    'test',
  );
  const person = addEntity(
    writer.doc,
    { kind: 'person', fields: { name: 'Phạm Văn Đức' } },
    'test',
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  writer.destroy();
  const page = await (await newContext(browser)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await topic(page, 'Người tham gia').waitFor();
  return { page, person };
}

it('Ctrl+K opens the command palette: found without diacritics, with its key, Enter runs it', async () => {
  const { page } = await openCase();
  await topic(page, 'Người tham gia').click();
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('command-palette');
  await palette.waitFor();
  await page.keyboard.type('them nhanh con');
  const items = palette.getByTestId('palette-item');
  await until(async () => (await items.count()) === 1, 3000, 'one matching action');
  expect(await items.first().getAttribute('data-action')).toBe('mindmap.addChild');
  expect(await items.first().innerText()).toMatch(/Thêm nhánh con\s+Tab/);

  // A disabled action is listed greyed: with one topic selected, nothing can be related yet.
  await page.getByTestId('palette-input').fill('noi quan he');
  await until(async () => (await items.count()) === 1, 3000, 'the relate action');
  expect(await items.first().getAttribute('aria-disabled')).toBe('true');
  await page.getByTestId('palette-input').fill('them nhanh con');
  await until(async () => (await items.count()) === 1, 3000, 'the add-child action again');

  const before = (await labels(page)).length;
  await page.keyboard.press('Enter');
  await palette.waitFor({ state: 'detached' });
  // The new topic opens in the editor, as Tab does.
  const editor = page.getByTestId('topic-editor');
  await editor.waitFor();
  await page.keyboard.type('Bị hại');
  await page.keyboard.press('Enter');
  await until(async () => (await labels(page)).includes('Bị hại'), 5000, 'the added topic');
  expect((await labels(page)).length).toBe(before + 1);

  // Esc closes the palette without running anything.
  await page.keyboard.press('Control+k');
  await palette.waitFor();
  await page.keyboard.press('Escape');
  await palette.waitFor({ state: 'detached' });
  expect((await labels(page)).length).toBe(before + 1);

  // The ? sheet comes from the same tables: the map's keys, then the case's.
  await page.getByTestId('mindmap-canvas').focus();
  await page.keyboard.press('?');
  const sheet = page.getByTestId('help-sheet');
  await sheet.waitFor();
  expect(await sheet.locator('[data-action="mindmap.addChild"]').innerText()).toMatch(
    /Tab\s+Thêm nhánh con/,
  );
  expect(await sheet.locator('[data-action="case.undo"]').innerText()).toMatch(
    /Ctrl\+Z\s+Hoàn tác/,
  );
  // Each key once: the map's ? and the case's ? are one row.
  expect(await sheet.locator('kbd').filter({ hasText: /^\?$/ }).count()).toBe(1);
  // Descriptions line up from one section to the next.
  const descriptionLeft = (action: string) =>
    sheet
      .locator(`[data-action="${action}"] td`)
      .last()
      .evaluate((el) => el.getBoundingClientRect().left);
  expect(await descriptionLeft('case.undo')).toBe(await descriptionLeft('mindmap.addChild'));
  // …and the sheet stays as wide as its texts, not the whole window.
  expect((await sheet.boundingBox())!.width).toBeLessThan(1000);
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'detached' });
});

it('a register entity dropped on the map is one undo step', async () => {
  const { page, person } = await openCase();
  const before = await labels(page);
  const target = (await topic(page, 'Chứng cứ').boundingBox())!;
  await page.getByTestId('mindmap-canvas').evaluate(
    (el, at) => {
      const data = new DataTransfer();
      data.setData('application/x-caseboard-entity', at.person);
      for (const type of ['dragover', 'drop'])
        el.dispatchEvent(
          new DragEvent(type, {
            dataTransfer: data,
            clientX: at.x,
            clientY: at.y,
            bubbles: true,
            cancelable: true,
          }),
        );
    },
    { x: target.x + target.width / 2, y: target.y + target.height / 2, person },
  );
  await until(async () => (await labels(page)).includes('Phạm Văn Đức'), 5000, 'the linked topic');
  expect((await labels(page)).length).toBe(before.length + 1);

  await page.keyboard.press('Control+z');
  await until(
    async () => !(await labels(page)).includes('Phạm Văn Đức'),
    5000,
    'one undo to take the topic away',
  );
  expect((await labels(page)).sort()).toEqual([...before].sort());
  // Nothing of the drop is left to undo: it was one step.
  expect(await page.getByTestId('undo').isDisabled()).toBe(true);
});

it('with the deck open, the palette offers the deck’s actions and the ? sheet present mode’s keys', async () => {
  const { page } = await openCase();
  const palette = page.getByTestId('command-palette');
  const items = palette.getByTestId('palette-item');

  // Closed, the deck offers nothing.
  await topic(page, 'Người tham gia').click();
  await page.keyboard.press('Control+k');
  await palette.waitFor();
  await page.keyboard.type('trinh chieu');
  await until(async () => (await palette.innerText()).length > 0, 3000, 'the palette drawn');
  expect(await palette.locator('[data-action="deck.present"]').count()).toBe(0);
  await page.keyboard.press('Escape');
  await palette.waitFor({ state: 'detached' });

  await page.getByTestId('toggle-deck').click();
  await page.getByTestId('add-title').click();
  await page.getByTestId('deck-slide').first().waitFor();
  await topic(page, 'Người tham gia').click();
  await page.keyboard.press('Control+k');
  await palette.waitFor();
  // Found without diacritics; the board's and the case's actions are still there.
  await page.keyboard.type('trinh chieu');
  await until(
    async () => (await palette.locator('[data-action="deck.present"]').count()) === 1,
    3000,
    'the deck’s present action',
  );
  expect(await palette.locator('[data-action="deck.present"]').innerText()).toBe('Trình chiếu');
  await page.getByTestId('palette-input').fill('hoan tac');
  await until(async () => (await items.count()) > 0, 3000, 'the case’s undo');
  expect(await palette.locator('[data-action="case.undo"]').count()).toBe(1);
  await page.getByTestId('palette-input').fill('trinh chieu');
  await until(
    async () => (await palette.locator('[data-action="deck.present"]').count()) === 1,
    3000,
    'the present action again',
  );
  // Only the present action matches among the runnable ones: Enter presents the deck.
  await palette.locator('[data-action="deck.present"]').hover();
  await page.keyboard.press('Enter');
  await palette.waitFor({ state: 'detached' });
  await page.getByTestId('present').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('present').waitFor({ state: 'detached' });

  // The ? sheet lists present mode's keys while the deck is open.
  await page.getByTestId('mindmap-canvas').focus();
  await page.keyboard.press('?');
  const sheet = page.getByTestId('help-sheet');
  await sheet.waitFor();
  expect(await sheet.locator('[data-action="present.exit"]').innerText()).toMatch(
    /Esc\s+Thoát trình chiếu/,
  );
});
