/**
 * Browser part of `npm run bench`: two Chromium pages on one case; a board added in one, timed until
 * the other shows it. Needs the built page (`npm run build`) and Debian's Chromium.
 */
import { performance } from 'node:perf_hooks';
import { ADMIN, ApiClient, startTestServer } from '../tests/helpers/server.ts';
import { launchBrowser, logIn, newContext } from '../tests/e2e/browser.ts';

export async function benchBrowserLatency(rounds = 20): Promise<string[]> {
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    await admin.newUser('ksv.a');
    await admin.newUser('ksv.b');
    const a = await ApiClient.login(server.url, 'ksv.a', 'ksv.a-password');
    const caseId = (await a.request('POST', '/api/cases', { title: 'Benchmark' })).body
      .id as string;
    await a.request('PUT', `/api/cases/${caseId}/members/ksv.b`, { role: 'editor' });
    const pages = await Promise.all(
      ['ksv.a', 'ksv.b'].map(async (user) => {
        const page = await (await newContext(browser)).newPage();
        await logIn(page, server.url, user, `${user}-password`);
        await page.goto(`${server.url}/cases/${caseId}`);
        await page.locator('[data-status=online]').waitFor();
        return page;
      }),
    );
    const [pageA, pageB] = pages as [(typeof pages)[0], (typeof pages)[0]];
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const title = `Bảng ${i}`;
      await pageA.getByTestId('board-add').click();
      await pageA.locator('[data-testid=board-dialog] input[name=title]').fill(title);
      const seen = pageB
        .getByTestId('board-tab')
        .filter({ hasText: new RegExp(`^${title}$`) })
        .waitFor();
      const start = performance.now();
      await pageA.getByTestId('board-create').click();
      await seen;
      times.push(performance.now() - start);
    }
    const rows = [
      row(
        `board added in one Chromium page → shown in another (click to visible, ${rounds} rounds)`,
        times,
      ),
    ];

    // Presenting: A presents three title slides, B follows, a hearing link follows too.
    await pageA.getByTestId('toggle-deck').click();
    for (let i = 0; i < 3; i++) await pageA.getByTestId('add-title').click();
    await pageA.getByTestId('deck-slide').first().click();
    await pageA.getByTestId('present-start').click();
    await pageA.getByTestId('present').waitFor();
    await pageB.getByTestId('follow-presenter').click();
    await pageB.getByTestId('follow').waitFor();
    const link = await a.request('POST', `/api/cases/${caseId}/links`, {
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    const guest = await (await newContext(browser)).newPage();
    await guest.goto(`${server.url}/live/${link.body.token as string}`);
    await guest.getByTestId('live-page').waitFor();
    const follow: number[] = [];
    const linked: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const target = String(i % 2 === 0 ? 1 : 0);
      const seenB = pageB.locator(`[data-testid=follow][data-slide-index="${target}"]`).waitFor();
      const seenGuest = guest
        .locator(`[data-testid=live-page][data-slide-index="${target}"]`)
        .waitFor();
      const start = performance.now();
      await pageA.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      await Promise.all([
        seenB.then(() => follow.push(performance.now() - start)),
        seenGuest.then(() => linked.push(performance.now() - start)),
      ]);
    }
    rows.push(
      row(`presenter's key → a member's follow view shows the slide (${rounds} rounds)`, follow),
    );
    rows.push(
      row(`presenter's key → a hearing-link page shows the slide (${rounds} rounds)`, linked),
    );
    return rows;
  } finally {
    await browser.close();
    await server.dispose();
  }
}

function row(what: string, times: number[]): string {
  const sorted = [...times].sort((x, y) => x - y);
  const p = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  return `| ${what} | p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${sorted.at(-1)!.toFixed(0)} ms |`;
}
