/**
 * Script and markup typed into every kind of text a case holds (case title, board titles, topics and
 * their notes, relationship and link labels, register names and notes, scene labels, events, slides,
 * file names, a person's display name) are shown as text in every view and in the SVG export, and
 * never run or become elements: nothing injected, no CSP violation.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addBoard,
  addEntity,
  addEntityNode,
  addFileRecord,
  addLink,
  addNode,
  addRelationship,
  addSceneObject,
  addSlide,
  addTopic,
  attachFile,
  setTopic,
} from '../../src/core/index.ts';
import { makePng } from '../helpers/files.ts';
import { PAYLOADS } from '../helpers/payloads.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const [IMG, SCRIPT, SVG, QUOTE, LINK, ENTITY] = PAYLOADS as [
  string,
  string,
  string,
  string,
  string,
  string,
];

/** Writes a payload into every place a person can type text, as the page's commands would. */
function fillCase(doc: Y.Doc, fileHash: string) {
  const origin = 'test';
  const map = addBoard(doc, { kind: 'mindmap', title: `Sơ đồ ${IMG}` }, origin);
  const root = addTopic(doc, { boardId: map, parent: null, label: `Vụ án ${SCRIPT}` }, origin);
  const topics = PAYLOADS.map((label) =>
    addTopic(doc, { boardId: map, parent: root, label }, origin),
  );
  setTopic(doc, { boardId: map, id: topics[0]!, patch: { note: SCRIPT, boundary: SVG } }, origin);
  addRelationship(
    doc,
    { boardId: map, source: topics[1]!, target: topics[2]!, label: QUOTE },
    origin,
  );

  const person = addEntity(
    doc,
    { kind: 'person', fields: { name: IMG, notes: SCRIPT, address: SVG } },
    origin,
  );
  const evidence = addEntity(
    doc,
    { kind: 'evidence', fields: { name: SVG, description: LINK, collectedBy: QUOTE } },
    origin,
  );
  addEntity(
    doc,
    { kind: 'event', fields: { name: SCRIPT, start: '2026-03-12', place: IMG, people: [person] } },
    origin,
  );
  addFileRecord(doc, { hash: fileHash, name: `${IMG}.png`, mime: 'image/png', size: 100 }, origin);
  attachFile(doc, { entityId: evidence, hash: fileHash }, origin);

  const chart = addBoard(doc, { kind: 'evidence', title: `Chứng cứ ${SVG}` }, origin);
  const fact = addEntityNode(
    doc,
    { boardId: chart, kind: 'fact', name: ENTITY, x: 400, y: 0 },
    origin,
  );
  const item = addNode(doc, { boardId: chart, x: 0, y: 0, entity: evidence }, origin);
  addLink(
    doc,
    { boardId: chart, source: item, target: fact, type: 'relation', label: IMG, note: SCRIPT },
    origin,
  );

  const scene = addBoard(doc, { kind: 'scene', title: `Hiện trường ${QUOTE}` }, origin);
  addSceneObject(
    doc,
    { boardId: scene, object: { shape: 'text', x: 1, y: 1, label: SCRIPT } },
    origin,
  );
  addSceneObject(
    doc,
    { boardId: scene, object: { shape: 'rect', x: 2, y: 2, w: 2, h: 1, label: IMG } },
    origin,
  );

  addBoard(doc, { kind: 'timeline', title: `Diễn biến ${LINK}` }, origin);
  const relations = addBoard(doc, { kind: 'relationship', title: 'Quan hệ' }, origin);
  addNode(doc, { boardId: relations, x: 0, y: 0, type: 'phone', label: SVG }, origin);
  addNode(doc, { boardId: relations, x: 200, y: 0, entity: person }, origin);

  addSlide(doc, { kind: 'title', title: IMG, text: SCRIPT }, origin);
  return { map };
}

/** What a view shows that it should not: injected elements, handlers, CSP reports, a set flag. */
async function injected(page: Page) {
  return page.evaluate(() => ({
    elements: [
      ...document.querySelectorAll(
        'img[src="x"], [onerror], [onload], iframe, script:not([src]), a[href^="javascript:"]',
      ),
    ].map((e) => e.outerHTML.slice(0, 120)),
    flag: (window as unknown as { __xss?: unknown }).__xss ?? null,
    violations: (window as unknown as { __violations: string[] }).__violations,
  }));
}

const shows = (page: Page, text: string) =>
  page.evaluate((t) => document.body.innerText.includes(t), text);

it('shows every payload as text in every view and in the SVG export, and runs none', async () => {
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  const owner = await admin.newUser('ksv.xss', `Kiểm sát viên ${IMG}`);
  const caseId = (
    await owner.request('POST', '/api/cases', { title: `Vụ án ${SCRIPT}`, caseNumber: IMG })
  ).body.id as string;
  const png = makePng(8, 8);
  const uploaded = await fetch(
    `${server.url}/api/cases/${caseId}/files?name=${encodeURIComponent(`${IMG}.png`)}`,
    {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(png),
    },
  );
  expect(uploaded.status).toBe(201);
  const fileHash = ((await uploaded.json()) as { hash: string }).hash;
  const client = connectClient(server.url, caseId, await owner.token());
  await synced(client);
  fillCase(client.doc, fileHash);

  const context = await newContext(browser, 'vi-VN');
  await context.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __violations: string[] }).__violations.push(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    );
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await logIn(page, server.url, 'ksv.xss', 'ksv.xss-password');

  // The case list: title and number.
  await page.getByTestId('case-card').first().waitFor();
  expect(await shows(page, SCRIPT)).toBe(true);
  expect(await injected(page)).toEqual({ elements: [], flag: null, violations: [] });

  await page.goto(`${server.url}/cases/${caseId}`);
  await page.getByTestId('board-tab').first().waitFor();
  const tabs = page.getByTestId('board-tab');
  const count = await tabs.count();
  expect(count).toBe(5);
  // What shows that a board has drawn its content (where the payloads are), before checking that
  // nothing ran; neighbouring tabs are of different kinds, so the previous board cannot match.
  const drawn = (title: string) =>
    title.startsWith('Sơ đồ')
      ? page.locator('[data-testid=mindmap] .react-flow__node').first()
      : title.startsWith('Hiện trường')
        ? page.getByTestId('scene-canvas').filter({ hasText: SCRIPT })
        : title.startsWith('Diễn biến')
          ? page.getByTestId('timeline-item').first()
          : page.locator('.react-flow__node:not([data-testid=mindmap] *)').first();
  for (let i = 0; i < count; i++) {
    await tabs.nth(i).click();
    await drawn((await tabs.nth(i).textContent()) ?? '').waitFor({ timeout: 10_000 });
    expect(await injected(page), `board ${i + 1}`).toEqual({
      elements: [],
      flag: null,
      violations: [],
    });
  }
  // The mind map shows the payloads as its topics' text.
  await tabs.nth(0).click();
  await page.locator('.react-flow__node', { hasText: 'onerror' }).first().waitFor();
  expect(await shows(page, IMG)).toBe(true);
  expect(await shows(page, SCRIPT)).toBe(true);

  // The register, its detail, and the case file.
  await page.getByTestId('register-panel').waitFor();
  const row = page.getByTestId('register-row').filter({ hasText: 'onerror' }).first();
  await row.click();
  await page.getByTestId('entity-detail').waitFor();
  expect(await shows(page, IMG)).toBe(true);
  expect(await injected(page), 'register').toEqual({ elements: [], flag: null, violations: [] });
  await page.getByTestId('register-tab-files').click();
  await page.getByTestId('files-tab').getByTestId('file-row').first().waitFor();
  expect(await shows(page, `${IMG}.png`)).toBe(true);
  expect(await injected(page), 'files').toEqual({ elements: [], flag: null, violations: [] });

  // The deck, its slide editor, and presenting the slide.
  await page.getByTestId('toggle-deck').click();
  await page.getByTestId('deck-slide').first().click();
  await page.getByTestId('deck-thumb').first().waitFor();
  await until(
    async () => (await page.getByTestId('slide-title-input').inputValue()) === IMG,
    10_000,
    'the slide editor showing the slide',
  );
  expect(await shows(page, IMG)).toBe(true);
  expect(await injected(page), 'deck').toEqual({ elements: [], flag: null, violations: [] });
  await page.getByTestId('present-start').click();
  await page.getByTestId('present-counter').waitFor();
  await until(() => shows(page, SCRIPT), 10_000, 'the slide presented');
  expect(await shows(page, SCRIPT)).toBe(true);
  expect(await injected(page), 'presenting').toEqual({ elements: [], flag: null, violations: [] });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);

  // The SVG export of the mind map: payloads are escaped text inside it, nothing executable.
  await tabs.nth(0).click();
  await page.getByTestId('export-menu').locator('summary').click();
  const waiting = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByTestId('export-svg').click();
  const svg = readFileSync((await (await waiting).path())!).toString('utf8');
  expect(svg).toContain('&lt;img src=x onerror=');
  const inSvg = await page.evaluate((text) => {
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: parsed.querySelector('parsererror')?.textContent ?? null,
      bad: [
        ...parsed.querySelectorAll(
          'script, iframe, [onerror], [onload], img[src="x"], a[href^="javascript:"]',
        ),
      ].length,
    };
  }, svg);
  expect(inSvg).toEqual({ error: null, bad: 0 });

  expect(await injected(page)).toEqual({ elements: [], flag: null, violations: [] });
  expect(errors).toEqual([]);
  client.destroy();
  await context.close();
});
