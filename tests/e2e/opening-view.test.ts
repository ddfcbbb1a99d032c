import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { seedSampleCase, type SampleCase } from '../helpers/sample-case.ts';
import { launchBrowser, logIn, newContext, until } from './browser.ts';

/**
 * The camera a board opens with, on the sample case as the screenshots show it: 1400 × 900, the
 * register open beside the board and the evidence chart's proof panel beside that.
 */

let server: TestServer;
let browser: Browser;
let sample: SampleCase;

beforeAll(async () => {
  server = await startTestServer();
  sample = await seedSampleCase(server);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

it('opens a small evidence chart whole in the room the register and the proof panel leave', async () => {
  const page = await (await newContext(browser, 'vi-VN')).newPage();
  await logIn(page, server.url, sample.owner.username, sample.owner.password);
  await page.goto(`${server.url}/cases/${sample.caseId}`);
  const toggle = page.getByTestId('toggle-register');
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await page.getByTestId('board-tab').nth(1).click();
  await page.getByTestId('graph-board-evidence').waitFor();
  await page.locator('.react-flow__node').first().waitFor();
  // Every node lies wholly inside the visible board: none cut at its edge, none under a panel.
  const outside = () =>
    page.evaluate(() => {
      const flow = document
        .querySelector('[data-testid=graph-board-evidence] .react-flow')!
        .getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
        .filter((node) => {
          const box = node.getBoundingClientRect();
          return (
            box.left < flow.left ||
            box.right > flow.right ||
            box.top < flow.top ||
            box.bottom > flow.bottom
          );
        })
        .map((node) => node.innerText.trim());
    });
  // The camera is set once the nodes are measured; wait for it to have moved, then judge.
  await until(
    async () =>
      (await page.locator('.react-flow__viewport').getAttribute('style'))?.includes('scale') ??
      false,
    5000,
    'the opening camera',
  );
  await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
  expect(await outside()).toEqual([]);
  // And what it opens whole stays readable: every node label and link word at least 9 px tall.
  // On screen: the font size times the board's zoom (read from the viewport's transform, which a
  // ratio of rounded box heights would blur by a few per cent).
  const small = await page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>(
      '[data-testid=graph-board-evidence] .react-flow__viewport',
    )!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    return [
      ...document.querySelectorAll<HTMLElement>('.canvas-node__label, [data-testid=link-label]'),
    ]
      .filter((label) => label.offsetHeight > 0)
      .map((label) => ({
        text: label.innerText.trim(),
        px: parseFloat(getComputedStyle(label).fontSize) * zoom,
      }))
      .filter((label) => label.px < 9 - 1e-6);
  });
  expect(small).toEqual([]);
});
