import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addEntity } from '../../src/core/index.ts';
import { addNode } from '../../src/core/commands/nodes.ts';
import { listLinks } from '../../src/core/commands/links.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced, type SyncClient } from '../helpers/sync.ts';
import { launchBrowser, logIn, newContext } from './browser.ts';

/**
 * The graph boards as a prosecutor sees them on the first day: what is drawn, measured on screen.
 */

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

async function newCase(title: string): Promise<{ caseId: string; client: SyncClient }> {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title })).body.id as string;
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  return { caseId, client };
}

async function open(caseId: string, locale = 'vi-VN'): Promise<Page> {
  const page = await (await newContext(browser, locale)).newPage();
  await logIn(page, server.url, 'ksv.lan', 'ksv.lan-password');
  await page.goto(`${server.url}/cases/${caseId}`);
  return page;
}

it('links two selected nodes from the first selected to the second', async () => {
  const { caseId, client } = await newCase('Vụ trộm cắp tài sản');
  const boardId = addBoard(client.doc, { kind: 'relationship', title: 'Sơ đồ quan hệ' }, 'test');
  const hung = addEntity(
    client.doc,
    { kind: 'person', fields: { name: 'Nguyễn Văn Hùng' } },
    'test',
  );
  // Ids that sort the other way round from the order of the clicks.
  addNode(client.doc, { boardId, id: 'z-hung', x: 0, y: 0, entity: hung }, 'test');
  addNode(
    client.doc,
    { boardId, id: 'a-phone', x: 400, y: 0, label: '0912 345 678', type: 'phone' },
    'test',
  );
  const page = await open(caseId);
  const node = (name: string) => page.locator('.react-flow__node', { hasText: name });
  await node('0912 345 678').waitFor();

  await node('Nguyễn Văn Hùng').click();
  await page.keyboard.down('Control');
  await node('0912 345 678').click();
  await page.keyboard.up('Control');
  await page.getByTestId('link-type-owns').check();
  await page.getByTestId('link-selected').click();

  await eventually(
    () => listLinks(client.doc, boardId).length === 1,
    5000,
    'the link in the document',
  );
  const [link] = listLinks(client.doc, boardId);
  expect({ source: link!.source, target: link!.target, type: link!.type }).toEqual({
    source: 'z-hung',
    target: 'a-phone',
    type: 'owns',
  });
});
