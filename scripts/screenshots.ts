/**
 * Screenshots of every view, for people to look at: a test server on port 0 with a seeded sample
 * case (tests/helpers/sample-case.ts), walked in Chromium at 1400 × 900 in Vietnamese and English.
 * After the named version the scene and the mind map change, so the version view shows diff marks.
 * Writes PNGs to screenshots/ (or the folder given as the first argument). Run `npm run build` first
 * (`npm run screenshots` does).
 *
 *   npm run screenshots [-- out-dir]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  addSceneObject,
  addTopic,
  listSceneObjects,
  listTopics,
  moveSceneObjects,
} from '../src/core/index.ts';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../tests/helpers/server.ts';
import { seedSampleCase, type SampleCase } from '../tests/helpers/sample-case.ts';
import { connectClient, synced } from '../tests/helpers/sync.ts';
import { exportViews } from './screenshots-export.ts';

const out = resolve(process.argv[2] ?? 'screenshots');
const problems: string[] = [];

async function open(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${locale} ${page.url()}: ${error.message}`));
  return page;
}

async function logIn(page: Page, url: string, username: string, password: string) {
  await page.goto(url + '/');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

/** Lets layouts, fonts and fit-view animations settle before a picture. */
const settle = (page: Page, ms = 600) => page.waitForTimeout(ms);

async function walk(browser: Browser, url: string, sample: SampleCase, lang: 'vi' | 'en') {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  let n = 0;
  const shot = async (page: Page, name: string) => {
    await settle(page);
    n += 1;
    const file = `${out}/${lang}-${String(n).padStart(2, '0')}-${name}.png`;
    await page.screenshot({ path: file });
    console.log(file);
  };
  /** Takes a picture of one step; a step that fails is reported and the walk goes on. */
  const step = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      problems.push(`${lang} ${name}: ${err instanceof Error ? err.message.split('\n')[0] : err}`);
    }
  };

  const page = await open(browser, locale);
  await step('login', async () => {
    await page.goto(url + '/');
    await page.locator('input[name=username]').waitFor();
    await shot(page, 'login');
  });
  await logIn(page, url, sample.owner.username, sample.owner.password);
  await step('cases', async () => {
    await page.getByTestId('case-card').first().waitFor();
    await shot(page, 'cases');
  });
  await step('dialog-new-case', async () => {
    await page.getByTestId('new-case').click();
    await page.locator('.dialog').waitFor();
    await shot(page, 'dialog-new-case');
    await page.keyboard.press('Escape');
  });
  await step('dialog-edit-case', async () => {
    await page.getByTestId('case-edit').first().click();
    await page.locator('.dialog').waitFor();
    await shot(page, 'dialog-edit-case');
    await page.keyboard.press('Escape');
  });
  await step('dialog-members', async () => {
    await page.getByTestId('case-members').first().click();
    await page.getByTestId('member-row').first().waitFor();
    await shot(page, 'dialog-members');
    await page.keyboard.press('Escape');
  });
  await step('dialog-password', async () => {
    await page.getByTestId('change-password').click();
    await page.locator('.dialog').waitFor();
    await shot(page, 'dialog-password');
    await page.keyboard.press('Escape');
  });

  await page.goto(`${url}/cases/${sample.caseId}`);
  await page.getByTestId('board-tab').first().waitFor();
  const tabs = page.getByTestId('board-tab');
  for (let i = 0; i < (await tabs.count()); i++)
    await step(`board-${i}`, async () => {
      await tabs.nth(i).click();
      await page
        .locator('.react-flow__node')
        .first()
        .waitFor({ timeout: 5000 })
        .catch(() => {});
      await settle(page, 900);
      const name = (await tabs.nth(i).innerText())
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/gi, 'd')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      await shot(page, `board-${name}`);
    });
  await step('dialog-add-board', async () => {
    await page.getByTestId('board-add').click();
    await page.getByTestId('board-dialog').waitFor();
    await shot(page, 'dialog-add-board');
    await page.keyboard.press('Escape');
  });
  await step('dialog-members-case', async () => {
    await page.getByTestId('open-members').click();
    await page.getByTestId('member-row').first().waitFor();
    await shot(page, 'dialog-members-case');
    await page.keyboard.press('Escape');
  });
  await boardViews(page, shot, step, lang);
  await tabs.first().click();
  for (const kind of ['person', 'evidence', 'event', 'fact', 'files'])
    await step(`register-${kind}`, async () => {
      await page.getByTestId(`register-tab-${kind}`).click();
      await shot(page, `register-${kind}`);
    });
  await step('register-detail', async () => {
    await page.getByTestId('register-tab-person').click();
    await page.getByTestId('register-row').first().click();
    await page.getByTestId('entity-detail').waitFor();
    await shot(page, 'register-detail');
  });
  await step('register-form', async () => {
    await page.getByTestId('entity-edit').click();
    await page.getByTestId('entity-form').waitFor();
    await shot(page, 'register-form');
    await page.getByTestId('entity-form').locator('button[type=button]').last().click();
  });
  await step('viewer', async () => {
    await page.getByTestId('register-tab-files').click();
    await page
      .locator(`[data-testid=file-row][data-hash="${sample.pdf}"]`)
      .getByTestId('file-open')
      .click();
    await page.getByTestId('file-viewer').waitFor();
    await settle(page, 1500);
    await shot(page, 'viewer-marks');
    await page.keyboard.press('Escape');
  });
  await step('deck', async () => {
    await page.goto(`${url}/cases/${sample.caseId}`);
    await page.getByTestId('toggle-deck').click();
    await page.getByTestId('deck-slide').first().waitFor();
    // Thumbnails are drawn one at a time from the document: wait until every slide has one.
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid=deck-thumb]').length ===
        document.querySelectorAll('[data-testid=deck-slide]').length,
      undefined,
      { timeout: 30_000 },
    );
    await shot(page, 'deck');
  });
  await exportViews(page, shot, step);
  await step('history', async () => {
    await page.getByTestId('toggle-history').click();
    await page.getByTestId('version-item').first().waitFor();
    await shot(page, 'history');
  });
  await step('version-compare', async () => {
    // The named version: the automatic ones come after the changes made by changeAfterVersion.
    await page
      .getByTestId('version-item')
      .filter({ hasText: 'Trước báo cáo án' })
      .getByTestId('version-compare')
      .click();
    await page.getByTestId('version-view').waitFor();
    await settle(page, 1200);
    await shot(page, 'version-compare');
    const scene = page.getByTestId('version-board').locator('option', { hasText: 'Hiện trường' });
    await page.getByTestId('version-board').selectOption((await scene.getAttribute('value'))!);
    await settle(page, 1200);
    await shot(page, 'version-compare-scene');
    await page.getByTestId('version-close').click();
  });
  await step('audit', async () => {
    await page.getByTestId('open-audit').click();
    await page.getByTestId('audit-row').first().waitFor();
    await shot(page, 'audit');
    await page.keyboard.press('Escape');
  });

  // A colleague follows the presentation.
  const follower = await open(browser, locale);
  await logIn(follower, url, sample.editor.username, sample.editor.password);
  await follower.goto(`${url}/cases/${sample.caseId}`);
  await follower.getByTestId('board-tab').first().waitFor();
  await step('present', async () => {
    await page.getByTestId('toggle-deck').click();
    await page.getByTestId('deck-slide').first().click();
    await page.getByTestId('present-start').click();
    await page.getByTestId('present').waitFor();
    await shot(page, 'present-title');
    await page.keyboard.press('ArrowRight');
    await settle(page, 1200);
    await shot(page, 'present-frame');
  });
  await step('follower', async () => {
    await follower.getByTestId('follow-presenter').click();
    await follower.getByTestId('follow').waitFor();
    await settle(follower, 1200);
    await shot(follower, 'follower');
  });
  await step('hearing-link', async () => {
    const guest = await open(browser, locale);
    await guest.goto(url + sample.livePath);
    await guest.getByTestId('live-page').waitFor();
    await settle(guest, 1500);
    await shot(guest, 'hearing-link');
    await guest.context().close();
  });
  await step('presenter-view', async () => {
    const presenter = await page.context().newPage();
    await presenter.goto(`${url}/cases/${sample.caseId}/presenter`);
    await presenter.getByTestId('presenter-page').waitFor();
    await settle(presenter, 1500);
    await shot(presenter, 'presenter-view');
    await presenter.close();
  });
  await page.keyboard.press('Escape');
  await follower.context().close();
  await page.context().close();

  const admin = await open(browser, locale);
  await logIn(admin, url, ADMIN.username, ADMIN.password);
  await step('audit-all', async () => {
    await admin.getByTestId('open-audit-all').click();
    await admin.getByTestId('audit-row').first().waitFor();
    await shot(admin, 'audit-all');
  });
  await admin.context().close();
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const server = await startTestServer();
const browser = await launchBrowser();
try {
  const sample = await seedSampleCase(server);
  await changeAfterVersion(server, sample);
  for (const lang of ['vi', 'en'] as const) await walk(browser, server.url, sample, lang);
} finally {
  await browser.close();
  await server.dispose();
}
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${problems.join('\n')}`);
  process.exitCode = 1;
}

type Shot = (page: Page, name: string) => Promise<void>;
type Step = (name: string, work: () => Promise<void>) => Promise<void>;

/** The mind map's palette and key sheet; the scene's selection bar, side panel, key sheet and export menu (PDF scale); the timeline's export menu. */
async function boardViews(page: Page, shot: Shot, step: Step, lang: 'vi' | 'en') {
  const tab = (text: string) => page.getByTestId('board-tab').filter({ hasText: text });
  await step('mindmap-palette', async () => {
    await tab('Sơ đồ vụ án').click();
    await page.getByTestId('topic').first().click();
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-palette').waitFor();
    // Typed without diacritics in Vietnamese; the English labels are searched in English.
    await page.keyboard.type(lang === 'vi' ? 'them nhanh' : 'add a child');
    await shot(page, 'mindmap-palette');
    await page.keyboard.press('Escape');
  });
  await step('mindmap-keys', async () => {
    await page.getByTestId('topic').first().click();
    await page.keyboard.press('?');
    await page.getByTestId('help-sheet').waitFor();
    await shot(page, 'mindmap-keys');
    await page.keyboard.press('Escape');
  });
  await step('scene-selected', async () => {
    await tab('Hiện trường').click();
    await page.getByTestId('scene-canvas').waitFor();
    await settle(page, 900);
    await page.locator('[data-testid=scene-canvas] [data-id]').last().click();
    await page.getByTestId('scene-selection-bar').waitFor();
    await shot(page, 'scene-selected');
  });
  await step('scene-panel', async () => {
    const toggle = page.getByTestId('scene-panel-toggle');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await shot(page, 'scene-panel');
  });
  await step('scene-keys', async () => {
    await page.getByTestId('scene-canvas').focus();
    await page.keyboard.press('?');
    await page.getByTestId('scene-help').waitFor();
    await shot(page, 'scene-keys');
    await page.keyboard.press('Escape');
  });
  for (const [name, title] of [
    ['scene', 'Hiện trường'],
    ['timeline', 'Diễn biến'],
  ] as const)
    await step(`${name}-picture-menu`, async () => {
      await tab(title).click();
      await page.locator('[data-testid=export-menu] summary').click();
      await shot(page, `${name}-picture-menu`);
      await page.locator('[data-testid=export-menu] summary').click();
    });
}

/** Moves the car, adds a marker and a topic after the named version. */
async function changeAfterVersion(server: TestServer, sample: SampleCase) {
  const owner = await ApiClient.login(server.url, sample.owner.username, sample.owner.password);
  const client = connectClient(server.url, sample.caseId, await owner.token());
  await synced(client);
  const scene = sample.boards.scene;
  const car = listSceneObjects(client.doc, scene).find((o) => o.shape === 'symbol');
  if (car) moveSceneObjects(client.doc, { boardId: scene, ids: [car.id], dx: -2, dy: 2 }, 'shots');
  addSceneObject(client.doc, { boardId: scene, object: { shape: 'marker', x: 6, y: 4 } }, 'shots');
  const root = listTopics(client.doc, sample.boards.mindmap).find((t) => t.parent === null);
  if (root)
    addTopic(
      client.doc,
      { boardId: sample.boards.mindmap, parent: root.id, label: 'Lời khai bổ sung' },
      'shots',
    );
  await new Promise((resolve) => setTimeout(resolve, 500));
  client.destroy();
}
