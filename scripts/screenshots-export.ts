import type { Page, Route } from 'playwright-core';

type Shot = (page: Page, name: string) => Promise<void>;
type Step = (name: string, work: () => Promise<void>) => Promise<void>;

/**
 * The export menus and their progress, for scripts/screenshots.ts: the mind map's and the evidence
 * chart's menus, a board PDF and the deck PDF while they are made (the fonts and the case file are
 * held back a moment, so that the progress is on screen when the picture is taken; through the
 * context, as the page's service worker fetches them).
 * Expects the case page with the deck panel open.
 */
export async function exportViews(page: Page, shot: Shot, step: Step): Promise<void> {
  const tab = (text: string) => page.getByTestId('board-tab').filter({ hasText: text });
  const menu = page.getByTestId('export-menu').filter({ visible: true });
  const held = (ms: number) => async (route: Route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  };
  for (const [name, title] of [
    ['mindmap', 'Sơ đồ vụ án'],
    ['evidence', 'Sơ đồ chứng cứ'],
  ] as const)
    await step(`${name}-export-menu`, async () => {
      await tab(title).click();
      await menu.locator('summary').click();
      await shot(page, `${name}-export-menu`);
      await menu.locator('summary').click();
    });
  await step('board-pdf-progress', async () => {
    await tab('Sơ đồ vụ án').click();
    await page.context().route('**/*.ttf', held(2500));
    await menu.locator('summary').click();
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await menu.getByTestId('export-pdf').click();
    await menu.getByTestId('export-progress').waitFor();
    await shot(page, 'board-pdf-progress');
    await download;
    await page.context().unroute('**/*.ttf');
    await menu.locator('summary').click();
  });
  await step('deck-pdf-progress', async () => {
    // The fonts are kept once loaded (by the page and its service worker): a fresh page without
    // them, so that the deck waits for them too.
    await page.evaluate(async () => {
      for (const key of await caches.keys()) await caches.delete(key);
    });
    await page.reload();
    await page.getByTestId('board-tab').first().waitFor();
    if (!(await page.getByTestId('deck-export').isVisible()))
      await page.getByTestId('toggle-deck').click();
    await page.getByTestId('deck-slide').first().waitFor();
    await page.context().route('**/*.ttf', held(2500));
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByTestId('deck-pdf').click();
    await page.getByTestId('deck-export').getByTestId('export-progress').waitFor();
    await shot(page, 'deck-pdf-progress');
    await download;
    await page.context().unroute('**/*.ttf');
  });
}
