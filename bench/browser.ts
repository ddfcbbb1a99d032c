/**
 * Browser part of `npm run bench`: two Chromium pages on one case; a board added in one, timed until
 * the other shows it. Needs the built page (`npm run build`) and Debian's Chromium.
 */
import { performance } from 'node:perf_hooks';
import { ADMIN, ApiClient, startTestServer } from '../tests/helpers/server.ts';
import { launchBrowser, logIn, newContext } from '../tests/e2e/browser.ts';

export async function benchBrowserLatency(rounds = 20): Promise<string> {
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
    times.sort((x, y) => x - y);
    const p = (q: number) =>
      times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(0);
    return `| board added in one Chromium page → shown in another (click to visible, ${rounds} rounds) | p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${times.at(-1)!.toFixed(0)} ms |`;
  } finally {
    await browser.close();
    await server.dispose();
  }
}
