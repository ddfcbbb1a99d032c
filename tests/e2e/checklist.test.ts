import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addBoard,
  addEntity,
  addFileRecord,
  addLink,
  addNode,
  addSceneObject,
  moveNodes,
  updateEntity,
} from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { makePng } from '../helpers/files.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';
import { contrastProblems } from './look.ts';

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

/** A case with gaps of several kinds, made through a second client as a colleague would. */
async function caseWithGaps() {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (
    await lan.request('POST', '/api/cases', {
      title: 'Vụ trộm cắp tài sản',
      caseNumber: '12/2026/HS',
      offences: ['BLHS-173.1', 'BLHS-134.1'],
    })
  ).body.id as string;
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  const doc = client.doc;
  const chart = addBoard(doc, { kind: 'evidence', title: 'Sơ đồ chứng cứ' }, 'test');
  const put = (
    kind: 'evidence' | 'fact' | 'person',
    fields: Record<string, unknown>,
    x: number,
  ) => {
    const id = addEntity(doc, { kind, fields }, 'test');
    return { id, node: addNode(doc, { boardId: chart, x, y: 0, entity: id }, 'test') };
  };
  const knife = put('evidence', { name: 'Con dao thu giữ', evidenceType: 'physical' }, 0);
  const issue = put('fact', { name: 'Người thực hiện hành vi', factType: 'issue-offender' }, 400);
  const damage = put('fact', { name: 'Thiệt hại về tài sản', factType: 'issue-damage' }, 400);
  moveNodes(doc, { boardId: chart, moves: [{ id: damage.node, x: 400, y: 160 }] }, 'test');
  addLink(
    doc,
    { boardId: chart, source: knife.node, target: issue.node, type: 'supports' },
    'test',
  );
  // Not on any board: the checklist opens its register entry.
  const loose = addEntity(
    doc,
    { kind: 'evidence', fields: { name: 'Vật không rõ nguồn' } },
    'test',
  );
  const scene = addBoard(doc, { kind: 'scene', title: 'Hiện trường' }, 'test');
  addSceneObject(doc, { boardId: scene, object: { shape: 'marker', x: 2, y: 2 } }, 'test');
  // A scan uploaded to the case file and attached to nothing.
  const res = await fetch(
    `${server.url}/api/cases/${caseId}/files?name=${encodeURIComponent('Biên bản khám nghiệm.png')}`,
    {
      method: 'POST',
      headers: { cookie: lan.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(makePng(300, 400, [250, 250, 245])),
    },
  );
  expect(res.status).toBe(201);
  const stored = (await res.json()) as { hash: string; size: number };
  // The uploading page records the file in the case, as the register's upload does.
  addFileRecord(
    doc,
    { hash: stored.hash, name: 'Biên bản khám nghiệm.png', mime: 'image/png', size: stored.size },
    'test',
  );
  return { client, caseId, knife, loose };
}

async function openChecklist(locale: string, caseId: string): Promise<Page> {
  const page = await (await newContext(browser, locale)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('board-tab').first().waitFor();
  await page.getByTestId('toggle-checklist').click();
  await page.getByTestId('checklist-panel').waitFor();
  return page;
}

const count = (page: Page, rule: string) =>
  page.getByTestId(`checklist-${rule}`).getAttribute('data-count').then(Number);

it('lists what the case lacks with each rule’s source, follows changes, and takes the user to each item', async () => {
  const { client, caseId, knife, loose } = await caseWithGaps();
  const page = await openChecklist('vi-VN', caseId);
  const panel = page.getByTestId('checklist-panel');
  // With every panel's button in the bar, the case's title still shows (it once had no room).
  const title = (await page.getByTestId('case-title').boundingBox())!;
  expect(title.width).toBeGreaterThan(120);
  const bar = (await page.locator('.case-page__bar').boundingBox())!;
  // The title and its subtitle (case number, offences) one line each.
  expect(bar.height).toBeLessThan(80);
  await expect.poll(() => count(page, 'evidence-uncited')).toBe(2);
  expect(await count(page, 'evidence-no-source')).toBe(1);
  expect(await count(page, 'issue-unproven')).toBe(1);
  expect(await count(page, 'marker-unlinked')).toBe(1);
  expect(await count(page, 'file-uncited')).toBe(1);
  expect(await count(page, 'confession-alone')).toBe(0);
  await expect.poll(() => panel.textContent()).toContain('Căn cứ: Điều 85 BLTTHS 2015');
  const text = (await panel.textContent())!;
  expect(text).toContain('Thiệt hại về tài sản');
  expect(text).toContain('Dấu số 1 trên “Hiện trường” chưa gắn với chứng cứ nào');
  expect(text).toContain('Biên bản khám nghiệm.png');
  expect(await contrastProblems(page, '[data-testid=checklist-panel]')).toEqual([]);
  if (process.env.SHOT_DIR)
    await page.screenshot({ path: `${process.env.SHOT_DIR}/checklist-vi.png` });

  // A colleague cites the knife's pages: the item leaves the list without a reload.
  updateEntity(client.doc, { id: knife.id, fields: { pages: 'BL 12–15' } }, 'test');
  await expect.poll(() => count(page, 'evidence-uncited')).toBe(1);

  // An issue on the chart: the chart is shown with the issue selected.
  await page
    .getByTestId('checklist-issue-unproven')
    .getByTestId('checklist-item')
    .filter({ hasText: 'Thiệt hại về tài sản' })
    .click();
  await until(
    async () =>
      (await page
        .locator('.react-flow__node.selected', { hasText: 'Thiệt hại về tài sản' })
        .count()) === 1,
    10_000,
    'the issue selected on the chart',
  );

  // An item on no board: its register entry.
  await page
    .getByTestId('checklist-evidence-no-source')
    .getByTestId('checklist-item')
    .filter({ hasText: 'Vật không rõ nguồn' })
    .click();
  await page.locator('.register-panel').waitFor();
  await expect
    .poll(() => page.locator('.register-panel .is-selected').textContent())
    .toContain('Vật không rõ nguồn');
  expect(loose).toBeTruthy();

  // A scene marker: the scene is shown with the marker selected.
  await page.getByTestId('toggle-checklist').click();
  await page.getByTestId('checklist-marker-unlinked').getByTestId('checklist-item').click();
  await page.getByTestId('scene-selection').first().waitFor();
  const marker = await page.locator('.scene-svg [data-shape=marker]').first().boundingBox();
  const selection = await page.getByTestId('scene-selection').first().boundingBox();
  expect(marker && selection).toBeTruthy();
  // The selection frame is drawn around the marker, on screen.
  expect(
    Math.abs(selection!.x + selection!.width / 2 - (marker!.x + marker!.width / 2)),
  ).toBeLessThan(4);
  expect(
    Math.abs(selection!.y + selection!.height / 2 - (marker!.y + marker!.height / 2)),
  ).toBeLessThan(4);

  // A document cited nowhere: it opens in the viewer.
  await page.getByTestId('checklist-file-uncited').getByTestId('checklist-item').click();
  await page.getByTestId('file-viewer').waitFor();
  client.destroy();
});

it('speaks English', async () => {
  const { client, caseId } = await caseWithGaps();
  const page = await openChecklist('en-GB', caseId);
  await expect.poll(() => count(page, 'evidence-uncited')).toBe(2);
  const text = (await page.getByTestId('checklist-panel').textContent())!;
  expect(text).toContain('Case checklist');
  expect(text).toContain('Evidence without a case-file citation (BL)');
  expect(text).toContain('Marker 1 on “Hiện trường” stands for no evidence item');
  expect(text).toContain('Source: Article 87, Criminal Procedure Code 2015');
  if (process.env.SHOT_DIR) {
    await page.screenshot({ path: `${process.env.SHOT_DIR}/checklist-en.png` });
    await page.setViewportSize({ width: 1920, height: 1000 });
    await page.screenshot({ path: `${process.env.SHOT_DIR}/checklist-en-wide.png` });
  }
  client.destroy();
});
