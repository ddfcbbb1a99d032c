import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBoard, addEntity } from '../../src/core/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, synced } from '../helpers/sync.ts';
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

/** A case shared by Lan and Hùng with the given boards, opened by both (Lan in English). */
async function openCase(boards: Array<['evidence' | 'timeline' | 'relationship', string]>) {
  const lan = await ApiClient.login(server.url, 'ksv.lan', 'ksv.lan-password');
  const caseId = (await lan.request('POST', '/api/cases', { title: 'Vụ cố ý gây thương tích' }))
    .body.id as string;
  await lan.request('PUT', `/api/cases/${caseId}/members/ksv.hung`, { role: 'editor' });
  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  for (const [kind, title] of boards) addBoard(client.doc, { kind, title }, 'test');
  const pages = (await Promise.all(
    (
      [
        ['ksv.lan', 'en-GB'],
        ['ksv.hung', 'vi-VN'],
      ] as const
    ).map(async ([user, locale]) => {
      const p = await (await newContext(browser, locale)).newPage();
      await logIn(p, server.url, user, `${user}-password`);
      await p.goto(`${server.url}/cases/${caseId}`);
      await p.getByTestId('board-tab').first().waitFor();
      return p;
    }),
  )) as [Page, Page];
  return { client, pages };
}

const node = (page: Page, name: string): Locator =>
  page.locator('.react-flow__node', { hasText: name });

async function addOnChart(page: Page, kind: string, name: string): Promise<void> {
  await page.getByTestId(`add-${kind}`).click();
  await page.getByTestId('add-name').fill(name);
  await page.getByTestId('add-name').press('Enter');
  await node(page, name).waitFor();
}

/** Drags from one node's dot to the other's, as a person links two nodes. */
async function connect(page: Page, from: string, to: string): Promise<void> {
  const a = await node(page, from).locator('.react-flow__handle.source').boundingBox();
  const b = await node(page, to).locator('.react-flow__handle.target').boundingBox();
  await page.mouse.move(a!.x + a!.width / 2, a!.y + a!.height / 2);
  await page.mouse.down();
  await page.mouse.move(b!.x - 30, b!.y, { steps: 5 });
  await page.mouse.move(b!.x + b!.width / 2, b!.y + b!.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Selects two nodes (click, then Ctrl+click) and links them with the chosen type. */
async function linkSelected(page: Page, a: string, b: string): Promise<void> {
  await node(page, a).click();
  await page.keyboard.down('Control');
  await node(page, b).click();
  await page.keyboard.up('Control');
  await page.getByTestId('link-selected').click();
}

const statusOf = (page: Page, name: string) =>
  page.getByTestId('proof-row').filter({ hasText: name }).getAttribute('data-status');
const coverage = (page: Page) => page.getByTestId('coverage-figure').innerText();

it('builds an evidence chart, shows what is unproven, and proves it with a new link, live for both', async () => {
  const { pages } = await openCase([['evidence', 'Sơ đồ chứng cứ']]);
  const [page, other] = pages;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.getByTestId('graph-board-evidence').waitFor();
  // An empty chart offers to start from an offence; this one starts blank.
  await page.getByTestId('evidence-start').waitFor();

  const facts = [
    'Bị can gây thương tích cho bị hại',
    'Hung khí là con dao',
    'Tỷ lệ tổn thương 31%',
  ];
  const evidence = [
    'Lời khai người làm chứng Lập',
    'Con dao thu tại hiện trường',
    'Kết luận giám định thương tích',
    'Dữ liệu camera',
  ];
  for (const name of facts) await addOnChart(page, 'fact', name);
  for (const name of evidence) await addOnChart(page, 'evidence', name);
  await page.getByTestId('arrange-layered').click();

  // Facts on the right of the evidence after the layered layout, and nothing overlapping.
  await until(
    async () => {
      const boxes = await Promise.all(
        [...facts, ...evidence].map(async (n) => (await node(page, n).boundingBox())!),
      );
      const factLeft = Math.min(...boxes.slice(0, 3).map((b) => b.x));
      const evidenceRight = Math.max(...boxes.slice(3).map((b) => b.x + b.width));
      const overlap = boxes.some((a, i) =>
        boxes.some(
          (b, j) =>
            i < j &&
            a.x < b.x + b.width &&
            b.x < a.x + a.width &&
            a.y < b.y + b.height &&
            b.y < a.y + a.height,
        ),
      );
      return factLeft > evidenceRight && !overlap;
    },
    5000,
    'evidence on the left, facts on the right, no overlaps',
  );

  // The first link drawn with the mouse, from a node's dot to another's (once the view settled).
  await page.waitForTimeout(500);
  await connect(page, evidence[0]!, facts[0]!);
  await until(
    async () => (await statusOf(page, facts[0]!)) === 'proven',
    5000,
    'the first fact proven',
  );
  await linkSelected(page, evidence[1]!, facts[1]!);
  await until(async () => (await coverage(page)).startsWith('2 of 3'), 5000, '2 of 3 proven');
  expect(await statusOf(page, facts[2]!)).toBe('unproven');
  // Unproven is marked on the chart by an icon and a word, not colour alone.
  expect(await node(page, facts[2]!).getByTestId('fact-status').innerText()).toBe('Unproven');
  // The statement alone proves the first fact: it is listed as resting on one statement? It is not
  // a statement yet (no evidence type), so nothing is listed.
  expect(await page.getByTestId('proof-unused').innerText()).toContain(evidence[2]!);
  const barBefore = (await page.getByTestId('coverage-bar').boundingBox())!.width;

  // The other person sees the same verdicts, in Vietnamese.
  await until(
    async () =>
      (await other.getByTestId('coverage-figure').innerText()).startsWith('Đã chứng minh 2/3'),
    5000,
    'the other screen sees the coverage',
  );

  // A supporting link proves the third fact and the coverage rises.
  await linkSelected(page, evidence[2]!, facts[2]!);
  await until(
    async () => (await statusOf(page, facts[2]!)) === 'proven',
    5000,
    'third fact proven',
  );
  expect(await coverage(page)).toMatch(/^3 of 3/);
  expect((await page.getByTestId('coverage-bar').boundingBox())!.width).toBeGreaterThan(barBefore);
  expect(await page.getByTestId('proof-unused').innerText()).not.toContain(evidence[2]!);

  // Camera footage contradicts the second fact: disputed, on both screens.
  await page.getByTestId('link-type-contradicts').check();
  await linkSelected(page, evidence[3]!, facts[1]!);
  await until(async () => (await statusOf(page, facts[1]!)) === 'disputed', 5000, 'disputed');
  await until(
    async () =>
      (await node(other, facts[1]!).getByTestId('fact-status').textContent()) === 'Có mâu thuẫn',
    5000,
    'the other screen marks the fact disputed',
  );
  expect(await coverage(page)).toMatch(/^2 of 3/);
  // The same link twice is refused with a message, and nothing changes.
  await linkSelected(page, evidence[3]!, facts[1]!);
  await page.getByTestId('graph-error').waitFor();
  expect(await page.locator('.react-flow__edge').count()).toBe(4);

  // A link is edited by clicking it: the contradiction becomes corroboration… of a fact, which
  // counts for nothing, so the fact is proven again.
  await page.getByTestId('link-label').filter({ hasText: 'contradicts' }).click();
  await page.getByTestId('link-editor').waitFor();
  await page.getByTestId('link-type').selectOption('supports');
  await until(async () => (await statusOf(page, facts[1]!)) === 'proven', 5000, 'proven again');

  // A click on a row focuses the chart on the fact.
  await page.getByTestId('proof-row').filter({ hasText: facts[2]! }).click();
  await until(
    async () => (await node(page, facts[2]!).getAttribute('class'))!.includes('selected'),
    3000,
    'the fact selected',
  );
  expect(errors).toEqual([]);
});

it('puts events on the timeline in time order, per person, with evidence badges', async () => {
  const { client, pages } = await openCase([['timeline', 'Diễn biến']]);
  const [page, other] = pages;
  const an = addEntity(client.doc, { kind: 'person', fields: { name: 'Nguyễn Văn Ấn' } }, 'test');
  const camera = addEntity(
    client.doc,
    { kind: 'evidence', fields: { name: 'Dữ liệu camera' } },
    'test',
  );
  addEntity(
    client.doc,
    {
      kind: 'event',
      fields: { name: 'Bỏ trốn', start: '22h ngày 14/3/2025', people: [an], evidence: [camera] },
    },
    'test',
  );
  await page.getByTestId('timeline-board').waitFor();
  await page.getByTestId('timeline-item').first().waitFor();

  const addEvent = async (name: string, start: string, end = '', withAn = false) => {
    await page.getByTestId('timeline-add').click();
    await page.getByTestId('event-name').fill(name);
    await page.getByTestId('event-start').fill(start);
    if (end) await page.getByTestId('event-end').fill(end);
    if (withAn) await page.getByTestId('timeline-add-form').getByLabel('Nguyễn Văn Ấn').check();
    await page.getByTestId('event-save').click();
  };
  // An unreadable time is refused with an example, and nothing is added.
  await addEvent('Gặp nhau', 'hôm qua');
  await page.getByTestId('timeline-add-form').getByRole('alert').waitFor();
  await page.getByTestId('event-start').fill('20:00 14/03/2025');
  await page.getByTestId('event-save').click();
  await addEvent('Xô xát', '21 giờ 30 phút ngày 14/3/2025', '21:45 14/3/2025', true);
  await addEvent('Mua dao', '');

  const order = async (p: Page) => {
    const items = await p.getByTestId('timeline-item').evaluateAll((els) =>
      els.map((el) => ({
        name: el.querySelector('.timeline-item__name')!.textContent,
        x: el.getBoundingClientRect().left,
      })),
    );
    return items.sort((a, b) => a.x - b.x).map((i) => i.name);
  };
  await until(async () => (await order(page)).length === 3, 5000, 'three events on the axis');
  expect(await order(page)).toEqual(['Gặp nhau', 'Xô xát', 'Bỏ trốn']);
  // Ấn's lane holds his two events; the range is drawn as a bar; the camera is a badge.
  const lanes = page.getByTestId('timeline-lane');
  expect(await lanes.allInnerTexts()).toHaveLength(2);
  const anLane = lanes.filter({ hasText: 'Nguyễn Văn Ấn' });
  expect(await anLane.getByTestId('timeline-item').count()).toBe(2);
  expect(await anLane.locator('.timeline-item__bar').count()).toBe(1);
  expect(await anLane.getByTestId('timeline-evidence').innerText()).toBe('Dữ liệu camera');
  // Without a time, an event is listed aside.
  expect(await page.getByTestId('timeline-untimed').innerText()).toContain('Mua dao');
  // The events went to the register, and the other person sees them in the same order.
  await until(
    async () => (await order(other)).join() === 'Gặp nhau,Xô xát,Bỏ trốn',
    5000,
    'the other timeline',
  );
  // Zooming out far enough shows days, then months, on the axis.
  const unit = () => page.getByTestId('timeline-axis').getAttribute('data-unit');
  expect(['minute', 'hour']).toContain(await unit());
  for (let i = 0; i < 12; i++) await page.getByTestId('timeline-zoom-out').click();
  expect(['day', 'month', 'year']).toContain(await unit());
});

it('draws a relationship chart and lights what is within one link of a person', async () => {
  const { pages } = await openCase([['relationship', 'Quan hệ']]);
  const [page, other] = pages;
  await page.getByTestId('graph-board-relationship').waitFor();
  await addOnChart(page, 'person', 'Nguyễn Văn Ấn');
  await addOnChart(page, 'phone', '0912 345 678');
  await addOnChart(page, 'vehicle', 'Xe máy 29B1-123.45');
  await addOnChart(page, 'person', 'Đỗ Thị Lập');
  await page.getByTestId('link-type-owns').check();
  await linkSelected(page, 'Nguyễn Văn Ấn', '0912 345 678');
  await linkSelected(page, 'Nguyễn Văn Ấn', 'Xe máy 29B1-123.45');
  await page.getByTestId('link-type-called').check();
  await linkSelected(page, '0912 345 678', 'Đỗ Thị Lập');
  await page.getByTestId('arrange-force').click();
  await until(
    async () => (await page.locator('.react-flow__edge').count()) === 3,
    5000,
    'three links',
  );

  // Ấn selected: his phone and motorbike light up, Lập (two links away) is dimmed.
  await node(page, 'Nguyễn Văn Ấn').click();
  const dimmed = async (name: string) =>
    (await node(page, name).locator('.canvas-node').getAttribute('class'))!.includes('is-dimmed');
  await until(async () => await dimmed('Đỗ Thị Lập'), 3000, 'Lập dimmed');
  expect(await dimmed('0912 345 678')).toBe(false);
  expect(await dimmed('Xe máy 29B1-123.45')).toBe(false);
  expect(await page.getByTestId('relation-panel').innerText()).toContain('owns');
  // Within two links, Lập lights up too.
  await page.getByTestId('hops').selectOption('2');
  await until(async () => !(await dimmed('Đỗ Thị Lập')), 3000, 'Lập within two links');
  // The other person sees the chart with its typed links, in Vietnamese.
  await until(
    async () =>
      (await other.getByTestId('link-label').allInnerTexts()).sort().join() ===
      'gọi điện,sở hữu,sở hữu',
    5000,
    'the links on the other screen',
  );
});
