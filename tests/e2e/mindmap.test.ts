import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { makePng } from '../helpers/files.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser('ksv.lan', 'Trần Thị Lan');
  await admin.newUser('ksv.hung', 'Lê Văn Hùng');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const labels = (page: Page) => page.getByTestId('topic-label').allInnerTexts();

/** Types a topic's text into the open editor and commits it with Enter. */
async function typeTopic(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId('topic-editor');
  await editor.waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await editor.waitFor({ state: 'detached' });
}

async function boxes(page: Page) {
  const all = await page.getByTestId('topic').all();
  return Promise.all(all.map(async (el) => (await el.boundingBox())!));
}

it('builds, folds, reparents, lays out, undoes and shares a map, all from the keyboard', async () => {
  const lanApi = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lanApi.request('POST', '/api/cases', { title: 'Vụ án sơ đồ tư duy' })).body
    .id as string;
  await lanApi.request('PUT', `/api/cases/${caseId}/members/ksv.hung`, { role: 'editor' });
  const page = await (await newContext(browser)).newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('board-add').click();
  await page.locator('[data-testid=board-dialog] input[name=title]').fill('Nội dung vụ án');
  await page.getByTestId('board-create').click();
  await page.getByTestId('template-blank').click();
  await page.getByTestId('topic').first().click();

  // 1 + 4 + 16 = 21 topics, keyboard only: Tab adds a child, Enter a sibling.
  for (let i = 1; i <= 4; i++) {
    await page.keyboard.press(i === 1 ? 'Tab' : 'Enter');
    await typeTopic(page, `Nhánh ${i}`);
    for (let j = 1; j <= 4; j++) {
      await page.keyboard.press(j === 1 ? 'Tab' : 'Enter');
      await typeTopic(page, `Ý ${i}.${j}`);
    }
    // Back to the branch: towards the centre, whichever side the branch grows on.
    const side = await page
      .locator('.topic.is-selected')
      .evaluate((el) => el.getBoundingClientRect().x);
    const centre = await page
      .getByTestId('topic')
      .first()
      .evaluate((el) => el.getBoundingClientRect().x);
    await page.keyboard.press(side > centre ? 'ArrowLeft' : 'ArrowRight');
    expect(await page.locator('.topic.is-selected').innerText()).toBe(`Nhánh ${i}`);
  }
  await until(async () => (await labels(page)).length === 21, 5000, '21 topics');
  expect((await labels(page)).filter((l) => l.startsWith('Ý 3.'))).toHaveLength(4);

  // A second person sees the map.
  const hung = await (await newContext(browser)).newPage();
  await logIn(hung, server.url, 'ksv.hung', 'ksv.hung-password');
  await hung.goto(`${server.url}/cases/${caseId}`);
  await until(async () => (await labels(hung)).length === 21, 10_000, 'the map at Hùng');

  // Fold and unfold a branch.
  await page
    .getByTestId('topic')
    .filter({ hasText: /^Nhánh 2$/ })
    .click();
  await page.keyboard.press('Space');
  await until(async () => (await labels(page)).length === 17, 5000, 'branch 2 folded');
  expect(await page.getByTestId('topic-folded').innerText()).toBe('+4');
  await page.keyboard.press('Space');
  await until(async () => (await labels(page)).length === 21, 5000, 'branch 2 unfolded');

  // Drag a topic onto another branch to reparent it (the whole map in view first).
  await page.getByTestId('toggle-register').click();
  await page.getByTestId('zoom-fit').click();
  await page.waitForTimeout(300);
  const moving = page.getByTestId('topic').filter({ hasText: /^Ý 1\.1$/ });
  const target = page.getByTestId('topic').filter({ hasText: /^Nhánh 3$/ });
  const from = (await moving.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await page.getByTestId('outline-toggle').click();
  const outline = async () =>
    page
      .getByTestId('outline-item')
      .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
  await until(
    async () => {
      const items = await outline();
      return (
        items.indexOf('Ý 1.1') > items.indexOf('Nhánh 3') &&
        items.indexOf('Ý 1.1') < items.indexOf('Nhánh 4')
      );
    },
    5000,
    'Ý 1.1 under Nhánh 3 in the outline',
  );
  await page.getByTestId('outline-toggle').click();

  // Switching layouts moves topics, and they never overlap.
  const before = await boxes(page);
  await page.getByTestId('layout-select').selectOption('org-down');
  await until(
    async () => JSON.stringify(await boxes(page)) !== JSON.stringify(before),
    5000,
    'the org chart layout',
  );
  // Wait for the layout animation to settle before measuring.
  let after = await boxes(page);
  await until(
    async () => {
      const now = await boxes(page);
      const settled = JSON.stringify(now) === JSON.stringify(after);
      after = now;
      return settled;
    },
    5000,
    'the layout to settle',
  );
  for (let i = 0; i < after.length; i++) {
    for (let j = i + 1; j < after.length; j++) {
      const a = after[i]!;
      const b = after[j]!;
      const overlap =
        a.x < b.x + b.width - 1 &&
        b.x < a.x + a.width - 1 &&
        a.y < b.y + b.height - 1 &&
        b.y < a.y + a.height - 1;
      expect(overlap, `topics ${i} and ${j} overlap`).toBe(false);
    }
  }

  // Undo takes back one action at a time: first the layout, then the move.
  await page.getByTestId('mindmap-canvas').focus();
  await page.keyboard.press('Control+z');
  await until(
    async () => (await page.getByTestId('layout-select').inputValue()) === 'balanced',
    5000,
    'the layout change undone',
  );
  await page.keyboard.press('Control+z');
  await page.getByTestId('outline-toggle').click();
  await until(
    async () => {
      const items = await outline();
      return (
        items.indexOf('Ý 1.1') > items.indexOf('Nhánh 1') &&
        items.indexOf('Ý 1.1') < items.indexOf('Nhánh 2')
      );
    },
    5000,
    'the move undone',
  );
  await page.getByTestId('outline-toggle').click();
  await until(async () => (await labels(hung)).length === 21, 5000, 'Hùng still has the whole map');
  // A relationship line between two branches, and a marker from the details panel.
  await page
    .getByTestId('topic')
    .filter({ hasText: /^Ý 2\.1$/ })
    .click();
  await page
    .getByTestId('topic')
    .filter({ hasText: /^Ý 4\.2$/ })
    .click({ modifiers: ['Shift'] });
  await page.getByTestId('relate').click();
  await until(
    async () => (await page.locator('.react-flow__edge.relationship').count()) === 1,
    5000,
    'the relationship line',
  );
  await until(
    async () => (await hung.locator('.react-flow__edge.relationship').count()) === 1,
    5000,
    'the relationship at Hùng',
  );
  // Its bend is a control point one drags; the others see the new curve.
  const hungPath = () =>
    hung.locator('.react-flow__edge.relationship path.react-flow__edge-path').getAttribute('d');
  const bentBefore = await hungPath();
  const handle = (await page.getByTestId('relationship-handle').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 80, handle.y + 60, { steps: 8 });
  await page.mouse.up();
  await until(async () => (await hungPath()) !== bentBefore, 5000, 'the new bend at Hùng');
  await page
    .getByTestId('topic')
    .filter({ hasText: /^Ý 2\.1$/ })
    .click();
  await page.getByTestId('details-toggle').click();
  await page.getByTestId('marker-witness').click();
  await page.getByTestId('topic-pages').fill('bl 12-15');
  await page.getByTestId('topic-note').click();
  await until(
    async () =>
      (await page.getByTestId('topic').filter({ hasText: 'Ý 2.1' }).innerText()).includes(
        'BL 12–15',
      ),
    5000,
    'the page reference on the topic',
  );
  expect(
    await page
      .getByTestId('topic')
      .filter({ hasText: 'Ý 2.1' })
      .locator('.marker--witness')
      .count(),
  ).toBe(1);

  // What Hùng selects shows at Lan's in Hùng's colour.
  await hung
    .getByTestId('topic')
    .filter({ hasText: /^Nhánh 1$/ })
    .click();
  await until(
    async () =>
      (await page.locator('.react-flow__node.has-remote').allInnerTexts())
        .join()
        .includes('Nhánh 1'),
    5000,
    'Hùng’s selection at Lan',
  );

  // A boundary around a branch, and a summary over two siblings.
  await page
    .getByTestId('topic')
    .filter({ hasText: /^Nhánh 4$/ })
    .click();
  await page.getByTestId('topic-boundary').check();
  await until(async () => (await page.getByTestId('boundary').count()) === 1, 5000, 'the boundary');
  await page.getByTestId('details-toggle').click();
  await page
    .getByTestId('topic')
    .filter({ hasText: /^Ý 3\.2$/ })
    .click();
  await page
    .getByTestId('topic')
    .filter({ hasText: /^Ý 3\.3$/ })
    .click({ modifiers: ['Shift'] });
  await page.getByTestId('summarize').click();
  await until(
    async () => (await page.getByTestId('summary-topic').count()) === 1,
    5000,
    'the summary',
  );
  await until(
    async () => (await hung.getByTestId('summary-topic').count()) === 1,
    5000,
    'the summary at Hùng',
  );

  // Dropping a topic just above a sibling puts it there.
  await page.getByTestId('mindmap-canvas').focus();
  await page.keyboard.press('Escape');
  const first = (await page
    .getByTestId('topic')
    .filter({ hasText: /^Ý 4\.1$/ })
    .boundingBox())!;
  const last = (await page
    .getByTestId('topic')
    .filter({ hasText: /^Ý 4\.4$/ })
    .boundingBox())!;
  await page.mouse.move(last.x + last.width / 2, last.y + last.height / 2);
  await page.mouse.down();
  await page.mouse.move(first.x + first.width / 2, first.y - 2, { steps: 12 });
  await page.mouse.up();
  await page.getByTestId('outline-toggle').click();
  await until(
    async () => (await outline()).filter((l) => l.startsWith('Ý 4.'))[0] === 'Ý 4.4',
    5000,
    'Ý 4.4 moved before Ý 4.1',
  );
  await page.getByTestId('outline-toggle').click();
  expect(pageErrors).toEqual([]);
  await page.context().close();
  await hung.context().close();
});

it('takes Vietnamese typed through an input method exactly, and finds it without diacritics', async () => {
  const api = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await api.request('POST', '/api/cases', { title: 'Vụ án gõ tiếng Việt' })).body
    .id as string;
  const page = await (await newContext(browser)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('board-add').click();
  await page.getByTestId('board-create').click();
  await page.getByTestId('template-BLHS-173').click();
  await until(
    async () => (await labels(page)).some((l) => l.includes('Điều 173')),
    5000,
    'the theft template',
  );
  expect((await labels(page)).length).toBeGreaterThan(20);

  await page.getByTestId('topic').first().click();
  await page.keyboard.press('Tab');
  await page.getByTestId('topic-editor').waitFor();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  // A Telex IME composes "Việt" from v-i-e-e-j-t; CDP drives the same composition events.
  const cdp = await page.context().newCDPSession(page);
  for (const [composing, commit] of [
    [['N', 'Ng', 'Ngu', 'Nguw', 'Người'], 'Người'],
    [[' '], ' '],
    [['b', 'bi', 'bij', 'bị'], 'bị'],
    [[' '], ' '],
    [['h', 'ha', 'haj', 'hại'], 'hại'],
  ] as const) {
    for (const text of composing) {
      if (text === ' ') continue;
      await cdp.send('Input.imeSetComposition', {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      });
    }
    await cdp.send('Input.insertText', { text: commit });
  }
  // Enter while composing must not commit; after the composition it does.
  await page.keyboard.press('Enter');
  await until(
    async () => (await labels(page)).includes('Người bị hại'),
    5000,
    'the Vietnamese topic',
  );
  expect((await labels(page)).filter((l) => l === 'Người bị hại')).toHaveLength(1);

  // Several lines pasted onto a topic become a branch under it.
  const before = (await labels(page)).length;
  await page.getByTestId('mindmap-canvas').evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Nhân thân bị can\n\tTiền án\n\tTiền sự');
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await until(async () => (await labels(page)).length === before + 3, 5000, 'the pasted branch');
  expect(await labels(page)).toContain('Tiền sự');

  // A photo from the case file shown in a topic.
  await page.getByTestId('register-tab-files').click();
  await page.getByTestId('files-upload-input').setInputFiles({
    name: 'Ảnh hiện trường.png',
    mimeType: 'image/png',
    buffer: makePng(40, 30, [20, 120, 60]),
  });
  await page.getByTestId('files-tab').getByTestId('file-row').waitFor();
  await page
    .getByTestId('topic')
    .filter({ hasText: /^Người bị hại$/ })
    .click();
  await page.getByTestId('details-toggle').click();
  await page.getByTestId('topic-image-select').selectOption({ label: 'Ảnh hiện trường.png' });
  await page
    .getByTestId('topic')
    .filter({ hasText: 'Người bị hại' })
    .getByTestId('thumbnail')
    .waitFor();
  await page.getByTestId('details-toggle').click();

  await page.getByTestId('mindmap-canvas').focus();
  await page.keyboard.press('Escape');
  await until(
    async () => (await page.locator('.topic.is-selected').count()) === 0,
    5000,
    'nothing selected',
  );
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill('nguoi bi hai');
  await page.getByTestId('find-input').press('Enter');
  await until(
    async () => (await page.locator('.topic.is-selected').count()) === 1,
    5000,
    'the hit selected',
  );
  expect(await page.locator('.topic.is-selected').innerText()).toContain('Người bị hại');
  // Several hits: the first Enter shows the first, the next Enter the next, Shift+Enter back.
  await page.getByTestId('find-input').fill('tien');
  const selectedLabel = () => page.locator('.topic.is-selected').innerText();
  const count = () => page.getByTestId('find-count').innerText();
  await page.getByTestId('find-input').press('Enter');
  await until(async () => /^1\//.test(await count()), 5000, 'the first hit counted');
  await page.waitForTimeout(300);
  const first = await selectedLabel();
  expect(first).toMatch(/^Ti.n /);
  await page.getByTestId('find-input').press('Enter');
  await until(async () => /^2\//.test(await count()), 5000, 'the second hit counted');
  await until(async () => (await selectedLabel()) !== first, 5000, 'the second hit selected');
  expect(await selectedLabel()).toMatch(/^Ti.n /);
  await page.getByTestId('find-input').press('Shift+Enter');
  await until(async () => (await selectedLabel()) === first, 5000, 'back to the first hit');
  expect(await count()).toMatch(/^1\//);
  await page.context().close();
});
