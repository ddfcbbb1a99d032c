import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFileRecord, setFirstBl } from '../../src/core/commands/files.ts';
import { detectTesseract } from '../../server/ocr/tesseract.ts';
import { scannedPdf, textPdf } from '../helpers/scans.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { DATABASE_URL, dropSchema, freshSchema } from '../helpers/stores.ts';
import { connectClient, synced } from '../helpers/sync.ts';

/** Polls `check` every 250 ms (the API allows 600 requests a minute) until it holds. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number, what = 'condition') {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const HAS_TESSERACT = await detectTesseract();

let server: TestServer;
let owner: ApiClient;
let outsider: ApiClient;
let caseId: string;
let otherCase: string;

async function upload(client: ApiClient, id: string, name: string, bytes: Buffer) {
  const res = await fetch(`${server.url}/api/cases/${id}/files?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { cookie: client.cookie, 'content-type': 'application/pdf' },
    body: new Uint8Array(bytes),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { hash: string; name: string; size: number };
}

async function readAll(client: ApiClient, id: string, timeoutMs: number) {
  let body: { ocr: boolean; files: Array<{ hash: string; state: string; done: number }> } = {
    ocr: false,
    files: [],
  };
  await eventually(
    async () => {
      body = (await client.request('GET', `/api/cases/${id}/ocr`)).body;
      return body.files.every((f) => ['done', 'off', 'failed'].includes(f.state));
    },
    timeoutMs,
    'the case file to be read',
  );
  return body;
}

const SCAN = [
  [
    'BIÊN BẢN GHI LỜI KHAI',
    'Người khai: Nguyễn Văn Hùng, sinh năm 1985',
    'Nơi ở: Đà Lạt, Lâm Đồng',
  ],
  ['Tôi thấy chiếc xe máy biển số 49B1-123.45', 'màu đỏ đỗ trước cửa nhà bà Trần Thị Đào'],
];

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  owner = await admin.newUser('search-owner');
  outsider = await admin.newUser('search-outsider');
  caseId = (await owner.request('POST', '/api/cases', { title: 'Vụ trộm xe máy' })).body.id;
  otherCase = (await outsider.request('POST', '/api/cases', { title: 'Vụ khác' })).body.id;
});
afterAll(() => server.dispose());

describe('reading and searching the case file', () => {
  it.skipIf(!HAS_TESSERACT)(
    'reads a scanned PDF with OCR and a text PDF from its text layer; finds words without diacritics, with BL and boxes',
    async () => {
      const scan = await upload(
        owner,
        caseId,
        'Lời khai Hùng (bản quét).pdf',
        await scannedPdf(SCAN),
      );
      const text = await upload(
        owner,
        caseId,
        'Kết luận giám định.pdf',
        await textPdf([
          ['Kết luận giám định số 12'],
          ['Dấu vân tay của Nguyễn Văn Hùng trên tay lái'],
        ]),
      );
      const progress = await readAll(owner, caseId, 120_000);
      expect(progress.ocr).toBe(true);
      expect(progress.files).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ hash: scan.hash, state: 'done', pages: 2, done: 2 }),
          expect.objectContaining({ hash: text.hash, state: 'done', pages: 2, done: 2 }),
        ]),
      );

      // The scan's file starts at BL 45: its page 2 is BL 46.
      const sync = connectClient(server.url, caseId, await owner.token());
      await synced(sync);
      addFileRecord(
        sync.doc,
        { hash: scan.hash, name: scan.name, mime: 'application/pdf', size: scan.size },
        'test',
      );
      setFirstBl(sync.doc, { hash: scan.hash, firstBl: 45 }, 'test');

      await eventually(
        async () => {
          const res = await owner.request('GET', `/api/cases/${caseId}/search?q=tran%20thi%20dao`);
          return res.body.results[0]?.bl === 46;
        },
        5000,
        'the BL number to come from the document',
      );
      sync.destroy();

      const res = await owner.request(
        'GET',
        `/api/cases/${caseId}/search?q=${encodeURIComponent('nguyen van hung')}`,
      );
      const results = res.body.results as Array<{
        hash: string;
        page: number;
        bl: number | null;
        phrase: boolean;
        source: string;
        snippet: Array<{ text: string; hit: boolean }>;
        boxes: Array<{ x: number; y: number; w: number; h: number }>;
      }>;
      const fromScan = results.find((r) => r.hash === scan.hash);
      const fromText = results.find((r) => r.hash === text.hash);
      expect(fromScan).toMatchObject({ page: 1, bl: 45, phrase: true, source: 'ocr' });
      expect(fromText).toMatchObject({ page: 2, bl: null, phrase: true, source: 'text' });
      expect(fromScan!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual([
        'Nguyễn Văn Hùng',
      ]);
      // Three word boxes on the second line of the page, left to right, inside the page.
      expect(fromScan!.boxes).toHaveLength(3);
      for (const box of fromScan!.boxes) {
        expect(box.y).toBeGreaterThan(0.08);
        expect(box.y).toBeLessThan(0.15);
        expect(box.x + box.w).toBeLessThan(1);
      }
      expect(fromScan!.boxes[0]!.x).toBeLessThan(fromScan!.boxes[1]!.x);

      // NFD typed, capitals, đ as d, and the plate number.
      const nfd = await owner.request(
        'GET',
        `/api/cases/${caseId}/search?q=${encodeURIComponent('ĐÀ LẠT'.normalize('NFD'))}`,
      );
      expect(nfd.body.results.map((r: { page: number }) => r.page)).toEqual([1]);
      const byPlate = await owner.request('GET', `/api/cases/${caseId}/search?q=49B1`);
      expect(byPlate.body.results[0]).toMatchObject({ hash: scan.hash, page: 2 });
    },
    180_000,
  );

  it('shows nothing of the case to a non-member, and nothing of other cases to a member', async () => {
    const pdf = await textPdf([['Biên bản thu giữ vật chứng của Lê Văn Tám']]);
    await upload(outsider, otherCase, 'Biên bản thu giữ.pdf', pdf);
    await readAll(outsider, otherCase, 60_000);
    const own = await outsider.request('GET', `/api/cases/${otherCase}/search?q=le%20van%20tam`);
    expect(own.body.results).toHaveLength(1);
    // The owner of the first case searches theirs: the other case's file is not in it.
    const mine = await owner.request('GET', `/api/cases/${caseId}/search?q=le%20van%20tam`);
    expect(mine.body.results).toEqual([]);
    const foreign = await owner.request('GET', `/api/cases/${otherCase}/search?q=le%20van%20tam`);
    expect(foreign.status).toBe(404);
    expect((await owner.request('GET', `/api/cases/${otherCase}/ocr`)).status).toBe(404);
  }, 90_000);

  it('answers other requests promptly while a 300-page scan is parsed and read', async () => {
    const pages = Array.from({ length: 300 }, (_, i) => [
      `Trang ${i + 1} của hồ sơ vụ án`,
      'Biên bản',
    ]);
    const pdf = await scannedPdf(pages, { dpi: 40 });
    const big = await upload(owner, caseId, 'Hồ sơ 300 trang.pdf', pdf);
    // Measured from the upload on: the PDF is parsed (pdf.js), then its pages drawn and read.
    const times: number[] = [];
    const progress = async () => {
      const res = await owner.request('GET', `/api/cases/${caseId}/ocr`);
      return res.body.files.find((f: { hash: string }) => f.hash === big.hash);
    };
    let counted = false;
    const end = Date.now() + 60_000;
    while ((times.length < 20 || !counted) && Date.now() < end) {
      const start = performance.now();
      const res = await owner.request('GET', '/api/cases');
      expect(res.status).toBe(200);
      times.push(performance.now() - start);
      if (times.length % 5 === 0) counted = (await progress())?.pages === 300;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    times.sort((a, b) => a - b);
    // The median and the slowest answer.
    expect(times[Math.floor(times.length / 2)]!).toBeLessThan(100);
    expect(times.at(-1)!).toBeLessThan(500);
    // Still being read, all 300 pages counted: the answers above came while it was.
    const file = await progress();
    expect(file).toMatchObject({ state: 'reading', pages: 300 });
    expect(file.done).toBeLessThan(300);
  }, 90_000);

  it('without tesseract reads text PDFs, keeps scans "off", and reads them once OCR is on', async () => {
    const off = await startTestServer({ ocrEnabled: false });
    try {
      const admin = await ApiClient.login(off.url, ADMIN.username, ADMIN.password);
      const client = await admin.newUser('no-ocr');
      const id = (await client.request('POST', '/api/cases', { title: 'Không OCR' })).body.id;
      const put = async (name: string, bytes: Buffer) => {
        const res = await fetch(
          `${off.url}/api/cases/${id}/files?name=${encodeURIComponent(name)}`,
          {
            method: 'POST',
            headers: { cookie: client.cookie, 'content-type': 'application/pdf' },
            body: new Uint8Array(bytes),
          },
        );
        return ((await res.json()) as { hash: string }).hash;
      };
      const scan = await put('quét.pdf', await scannedPdf([SCAN[0]!], { dpi: 150 }));
      const text = await put('văn bản.pdf', await textPdf([['Nguyễn Văn Hùng khai']]));
      let body: { ocr: boolean; files: Array<{ hash: string; state: string }> } = {
        ocr: true,
        files: [],
      };
      await eventually(async () => {
        body = (await client.request('GET', `/api/cases/${id}/ocr`)).body;
        return body.files.every((f) => f.state === 'done' || f.state === 'off');
      }, 30_000);
      expect(body.ocr).toBe(false);
      expect(body.files.find((f) => f.hash === scan)?.state).toBe('off');
      expect(body.files.find((f) => f.hash === text)?.state).toBe('done');
      const found = await client.request('GET', `/api/cases/${id}/search?q=nguyen%20van%20hung`);
      expect(found.body).toMatchObject({ ocr: false, results: [{ hash: text }] });
      if (!HAS_TESSERACT) return;
      // Installed later: the next start reads what was kept off.
      const on = await off.restart({ ocrEnabled: true });
      const again = await ApiClient.login(on.url, 'no-ocr', 'no-ocr-password');
      await eventually(async () => {
        const res = await again.request('GET', `/api/cases/${id}/ocr`);
        return res.body.files.find((f: { hash: string }) => f.hash === scan)?.state === 'done';
      }, 60_000);
      const both = await again.request('GET', `/api/cases/${id}/search?q=nguyen%20van%20hung`);
      expect(both.body.results).toHaveLength(2);
      await on.dispose();
    } finally {
      await off.dispose().catch(() => undefined);
    }
  }, 120_000);
});

describe.skipIf(!DATABASE_URL)('on PostgreSQL', () => {
  it('reads a file kept in PostgreSQL and finds it', async () => {
    const schema = freshSchema();
    const pgServer = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
    try {
      const admin = await ApiClient.login(pgServer.url, ADMIN.username, ADMIN.password);
      const client = await admin.newUser('pg-owner');
      const id = (await client.request('POST', '/api/cases', { title: 'Vụ trên PostgreSQL' })).body
        .id;
      const res = await fetch(`${pgServer.url}/api/cases/${id}/files?name=kl.pdf`, {
        method: 'POST',
        headers: { cookie: client.cookie, 'content-type': 'application/pdf' },
        body: new Uint8Array(await textPdf([['Kết luận định giá tài sản'], ['Xe máy Honda Wave']])),
      });
      const { hash } = (await res.json()) as { hash: string };
      await eventually(
        async () =>
          (await client.request('GET', `/api/cases/${id}/ocr`)).body.files[0]?.state === 'done',
        30_000,
      );
      const found = await client.request('GET', `/api/cases/${id}/search?q=dinh%20gia`);
      expect(found.body.results).toMatchObject([{ hash, page: 1, phrase: true, source: 'text' }]);
    } finally {
      await pgServer.dispose();
      await dropSchema(schema);
    }
  }, 60_000);
});
