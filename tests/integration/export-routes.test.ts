/**
 * Issue 21, "On the server too": a board as SVG and PDF and the deck as PDF, drawn from the case
 * document by a real server on port 0, read back with the programs a procuracy would use
 * (pdftotext, pdffonts, pdfinfo, rsvg-convert). Members only, queries checked, every export in the
 * audit trail with the person who made it, the document left as it was.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import {
  addBoard,
  addFileRecord,
  addSceneObject,
  addSlide,
  addTopic,
  insertOutline,
} from '../../src/core/index.ts';
import { caseOutline } from '../../bench/export-case.ts';
import { exportDisposition } from '../../server/http/exports.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced, type SyncClient } from '../helpers/sync.ts';

/** Whether an external program is installed (`.ci/run` installs them; a laptop may not have them). */
function installed(program: string, versionFlag = '-v'): boolean {
  try {
    execFileSync(program, [versionFlag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const hasPoppler = installed('pdftotext');
const hasRsvg = installed('rsvg-convert', '--version');

let server: TestServer;
let owner: ApiClient;
let viewer: ApiClient;
let outsider: ApiClient;
let writer: SyncClient;
let caseId: string;
let boardId: string;
let frameSlide: string;
let work: string;

const LABELS = ['Vụ trộm tại phường Hàng Bạc', 'Nguyễn Văn Hùng', 'Lời khai người làm chứng'];
const BOARD_TITLE = 'Sơ đồ diễn biến vụ án';

/** A GET with the client's session, the answer as bytes (ApiClient reads JSON). */
async function download(client: ApiClient, path: string) {
  const res = await fetch(client.baseUrl + path, {
    headers: { cookie: client.cookie, 'accept-language': client.lang },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, json: () => JSON.parse(String(bytes)) };
}

/** Writes `bytes` to a file in the test's folder and returns its path. */
function saved(name: string, bytes: Buffer): string {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
}

const run = (program: string, args: string[]) => execFileSync(program, args, { encoding: 'utf8' });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'caseboard-export-'));
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  owner = await admin.newUser('ksv.lan', 'Trần Thị Lan');
  viewer = await admin.newUser('ksv.binh', 'Lê Văn Bình');
  outsider = await admin.newUser('ksv.cuong', 'Phạm Quốc Cường');
  caseId = (
    await owner.request('POST', '/api/cases', {
      title: 'Vụ trộm cắp tài sản',
      caseNumber: '07/2026/HS',
      classification: 'mat',
    })
  ).body.id;
  const added = await owner.request('PUT', `/api/cases/${caseId}/members/ksv.binh`, {
    role: 'viewer',
  });
  expect(added.status).toBeLessThan(300);

  writer = connectClient(server.url, caseId, await owner.token());
  await synced(writer);
  boardId = addBoard(writer.doc, { kind: 'mindmap', title: BOARD_TITLE }, 'lan');
  const root = addTopic(writer.doc, { boardId, parent: null, label: LABELS[0]! }, 'lan');
  addTopic(writer.doc, { boardId, parent: root, label: LABELS[1]! }, 'lan');
  addTopic(writer.doc, { boardId, parent: root, label: LABELS[2]! }, 'lan');
  frameSlide = addSlide(
    writer.doc,
    { kind: 'frame', boardId, frame: { x: -200, y: -200, w: 1600, h: 900 }, title: 'Diễn biến' },
    'lan',
  );
  addSlide(
    writer.doc,
    { kind: 'title', title: 'Kết luận điều tra', text: 'Phiên tòa sơ thẩm' },
    'lan',
  );
  addSlide(writer.doc, { kind: 'frame', boardId, frame: { x: 0, y: 0, w: 800, h: 450 } }, 'lan');
  const stateNow = Y.encodeStateVector(writer.doc);
  await eventually(
    async () => {
      const stored = new Y.Doc();
      Y.applyUpdate(stored, await server.rooms.state(caseId));
      return Y.encodeStateAsUpdate(writer.doc, Y.encodeStateVector(stored)).byteLength <= 2;
    },
    5000,
    `the document stored (${stateNow.byteLength})`,
  );
});

afterAll(async () => {
  writer?.destroy();
  await server?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

const boardPath = (ext: string, query = '') =>
  `/api/cases/${caseId}/boards/${boardId}/export.${ext}${query}`;

describe('board PDF', () => {
  it('gives a member a vector PDF with the labels as text and Be Vietnam Pro embedded', async () => {
    const res = await download(viewer, boardPath('pdf', '?paper=A3&orientation=landscape&lang=vi'));
    expect(res.status, String(res.bytes).slice(0, 300)).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(`${BOARD_TITLE}.pdf`)}`,
    );
    expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (!hasPoppler) return console.warn('poppler-utils not installed: PDF text not checked');
    const file = saved('board.pdf', res.bytes);
    const text = run('pdftotext', ['-layout', file, '-']).normalize('NFC');
    for (const label of LABELS) expect(text.replace(/\s+/g, ' ')).toContain(label);
    // lang=vi although the viewer's browser asks English; a Mật case is marked, top and bottom.
    expect(text).toContain('Trang 1/1');
    expect(text.match(/MẬT/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('07/2026/HS');
    const fonts = run('pdffonts', [file]);
    expect(fonts).toMatch(/BeVietnamPro/);
    // Every font line says "emb yes": nothing is left for the reader's machine to substitute.
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    // A3 landscape: 1191 × 842 points.
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Page size:\s+1190\.\d+ x 841\.\d+|Page size:\s+1191 x 842/);
  });

  it('draws one slide frame of the board when asked', async () => {
    const res = await download(owner, boardPath('pdf', `?frame=${frameSlide}`));
    expect(res.status).toBe(200);
    const missing = await download(owner, boardPath('pdf', '?frame=no-such-slide'));
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'export.frameNotFound' });
  });

  it('refuses a bad query with a message that names the parameter, in the person’s language', async () => {
    const en = await download(owner, boardPath('pdf', '?paper=A5'));
    expect(en.status).toBe(400);
    expect(en.json()).toEqual({
      error: 'export.badQuery',
      message: 'Cannot export: paper must be A4 or A3.',
    });
    const vi = new ApiClient(server.url, 'vi');
    vi.cookie = owner.cookie;
    const res = await download(vi, boardPath('pdf', '?orientation=diagonal'));
    expect(res.status).toBe(400);
    expect(res.json().message).toContain('hướng giấy');
  });
  it('refuses a scene too large for the paper at the asked scale, naming a scale that fits', async () => {
    const sceneId = addBoard(
      writer.doc,
      { kind: 'scene', title: 'Hiện trường đường Láng' },
      'test',
    );
    // A 120 m stretch of road: at 1:100 that is 1.2 m of paper.
    addSceneObject(
      writer.doc,
      {
        boardId: sceneId,
        object: {
          shape: 'wall',
          points: [
            { x: 0, y: 0 },
            { x: 120, y: 0 },
          ],
          closed: false,
          thickness: 0.2,
        },
      },
      'test',
    );
    await eventually(
      async () =>
        (await download(owner, `/api/cases/${caseId}/boards/${sceneId}/export.pdf?scale=100`))
          .status !== 404,
    );
    const refused = await download(
      owner,
      `/api/cases/${caseId}/boards/${sceneId}/export.pdf?scale=100`,
    );
    expect(refused.status).toBe(422);
    const body = refused.json() as { error: string; message: string };
    expect(body.error).toBe('export.sceneTooLarge');
    const fits = Number(/fits at 1:(\d+)/.exec(body.message)?.[1]);
    expect(fits).toBeGreaterThan(100);
    // The scale it names does fit.
    const fitted = await download(
      owner,
      `/api/cases/${caseId}/boards/${sceneId}/export.pdf?scale=${fits}`,
    );
    expect(fitted.status).toBe(200);
    expect(fitted.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('draws a board of 2,000 topics (a PDF content stream of some 100,000 operators)', async () => {
    const big = (await owner.request('POST', '/api/cases', { title: 'Vụ án lớn' })).body.id;
    const client = connectClient(server.url, big, await owner.token());
    let mapId = '';
    try {
      await synced(client);
      mapId = addBoard(client.doc, { kind: 'mindmap', title: 'Sơ đồ lớn' }, 'lan');
      insertOutline(client.doc, { boardId: mapId, parent: null, nodes: caseOutline(2000) }, 'lan');
      await eventually(
        async () => (await server.rooms.state(big)).byteLength > 50_000,
        5000,
        'the map stored',
      );
    } finally {
      client.destroy();
    }
    // Drawn in a worker thread: the server's own loop (sync rooms, other requests) stays free.
    // Drawn on the loop, this export held it for most of a second.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const res = await download(owner, `/api/cases/${big}/boards/${mapId}/export.pdf?paper=A3`);
    delay.disable();
    expect(res.status, String(res.bytes).slice(0, 200)).toBe(200);
    expect(delay.max / 1e6, 'the longest the server’s loop waited, ms').toBeLessThan(300);
    if (!hasPoppler) return;
    const text = run('pdftotext', [saved('big.pdf', res.bytes), '-']).normalize('NFC');
    expect(text).toContain('Vụ án 12/2026/HS');
  });
});

describe('board SVG', () => {
  it('is self-contained vector SVG that rsvg-convert draws', async () => {
    const res = await download(owner, boardPath('svg'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent(`${BOARD_TITLE}.svg`),
    );
    const svg = String(res.bytes);
    expect(svg).not.toContain('<foreignObject');
    for (const label of LABELS) expect(svg.normalize('NFC')).toContain(label);
    if (!hasRsvg) return console.warn('librsvg2-bin not installed: SVG not rasterised');
    const png = join(work, 'board.png');
    execFileSync('rsvg-convert', ['-o', png, saved('board.svg', res.bytes)]);
    const header = run('file', [png]);
    expect(header).toMatch(/PNG image data, \d+ x \d+/);
  });
});

describe('deck PDF', () => {
  it('has a page per slide, and a page per build step with perStep=1', async () => {
    const res = await download(owner, `/api/cases/${caseId}/deck.pdf?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent('Vụ trộm cắp tài sản.pdf'),
    );
    if (!hasPoppler) return;
    const info = run('pdfinfo', [saved('deck.pdf', res.bytes)]);
    expect(info).toMatch(/Pages:\s+3\n/);
    const text = run('pdftotext', [join(work, 'deck.pdf'), '-']).normalize('NFC');
    expect(text).toContain('Kết luận điều tra');
    // lang=en: the footer in English, the marking on every slide.
    for (const n of [1, 2, 3]) expect(text).toContain(`Page ${n}/3`);
    expect(text.match(/MẬT/g)?.length).toBeGreaterThanOrEqual(3);
  });
});

describe('file names', () => {
  it('keep a Vietnamese title whole, in NFC, encoded as RFC 5987 asks', () => {
    const nfd = 'Sơ đồ (bản 2): Nguyễn Văn Hùng'.normalize('NFD');
    const disposition = exportDisposition(nfd, 'pdf');
    expect(disposition).toMatch(/^attachment; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    const name = decodeURIComponent(disposition.split("''")[1]!);
    expect(name).toBe('Sơ đồ (bản 2): Nguyễn Văn Hùng.pdf'.normalize('NFC'));
    expect(decodeURIComponent(exportDisposition('a/b\u0000"c', 'svg').split("''")[1]!)).toBe(
      'a_b__c.svg',
    );
  });
});

/** A one-page PDF saying `text`. */
async function pdfSaying(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 24, font });
  return Buffer.from(await pdf.save());
}

async function upload(client: ApiClient, id: string, name: string, bytes: Buffer) {
  const res = await fetch(`${server.url}/api/cases/${id}/files?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { cookie: client.cookie, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { hash: string; size: number };
}

describe('the case file in exports', () => {
  it('embeds this case’s document pages, never a file of another case the document names', async () => {
    const own = (await owner.request('POST', '/api/cases', { title: 'Vụ lừa đảo' })).body.id;
    const theirs = (await outsider.request('POST', '/api/cases', { title: 'Vụ khác' })).body.id;
    const mine = await upload(
      owner,
      own,
      'Lời khai.pdf',
      await pdfSaying('Own record of interview'),
    );
    const secret = await upload(
      outsider,
      theirs,
      'Mật.pdf',
      await pdfSaying('Secret record of another case'),
    );
    const client = connectClient(server.url, own, await owner.token());
    try {
      await synced(client);
      // A hostile member names the other case's file (its hash is all it takes) in a slide.
      for (const file of [mine, secret]) {
        addFileRecord(
          client.doc,
          { hash: file.hash, name: 'x.pdf', mime: 'application/pdf', size: file.size, pages: 1 },
          'lan',
        );
        addSlide(client.doc, { kind: 'document', file: file.hash, page: 1 }, 'lan');
      }
      await eventually(
        async () => {
          const res = await download(owner, `/api/cases/${own}/deck.pdf`);
          return (
            res.status === 200 &&
            run('pdfinfo', [saved('files.pdf', res.bytes)]).includes('Pages:           2')
          );
        },
        5000,
        'both slides exported',
      );
    } finally {
      client.destroy();
    }
    if (!hasPoppler) return;
    const text = run('pdftotext', [join(work, 'files.pdf'), '-']);
    expect(text).toContain('Own record of interview');
    expect(text).not.toContain('Secret record');
  });
});

describe('who may export', () => {
  it('refuses people who are not members, and those not logged in', async () => {
    for (const path of [boardPath('pdf'), boardPath('svg'), `/api/cases/${caseId}/deck.pdf`]) {
      const res = await download(outsider, path);
      expect(res.status, path).toBe(404);
      expect(res.json().error).toBe('case.notFound');
      expect((await download(new ApiClient(server.url), path)).status).toBe(401);
    }
  });

  it('draws nothing for HEAD: no export is made or recorded without a file sent', async () => {
    const count = async () =>
      (await owner.request('GET', `/api/audit?case=${caseId}&action=export`)).body.events.length;
    const before = await count();
    const res = await fetch(server.url + boardPath('pdf'), {
      method: 'HEAD',
      headers: { cookie: owner.cookie },
    });
    expect(res.status).toBe(404);
    expect(await count()).toBe(before);
  });

  it('answers 404 for a board the case does not have', async () => {
    const res = await download(owner, `/api/cases/${caseId}/boards/nope/export.pdf`);
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ error: 'board.notFound' });
  });
});

describe('audit trail', () => {
  it('records each export with the person, the board, the format and the paper', async () => {
    const before = Y.encodeStateAsUpdate(writer.doc);
    const res = await download(viewer, boardPath('pdf', '?paper=A4&orientation=portrait'));
    expect(res.status).toBe(200);
    const trail = await owner.request('GET', `/api/audit?case=${caseId}&action=export`);
    const exports = trail.body.events as Array<{ actor: string; detail: Record<string, unknown> }>;
    expect(exports.at(-1)).toMatchObject({
      actor: 'ksv.binh',
      detail: {
        what: 'board',
        format: 'pdf',
        source: boardId,
        title: BOARD_TITLE,
        paper: 'A4',
        orientation: 'portrait',
      },
    });
    expect(exports.some((e) => e.detail.what === 'deck' && e.actor === 'ksv.lan')).toBe(true);
    expect(exports.some((e) => e.detail.format === 'svg')).toBe(true);
    // Refused exports are not recorded as made.
    expect(exports.some((e) => e.actor === 'ksv.cuong')).toBe(false);
    // Exporting changed nothing in the document.
    await new Promise((r) => setTimeout(r, 100));
    expect(Y.encodeStateAsUpdate(writer.doc)).toEqual(before);
  });
});

describe('load', () => {
  it('runs two exports at a time and refuses more with 429 and a message', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => download(owner, `/api/cases/${caseId}/deck.pdf`)),
    );
    const statuses = answers.map((a) => a.status);
    // The requests arrive while the first two draw: those two are made, others refused.
    expect(statuses.filter((s) => s === 200).length, String(statuses)).toBeGreaterThanOrEqual(2);
    const busy = answers.filter((a) => a.status === 429);
    expect(busy.length, String(statuses)).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    for (const b of busy)
      expect(b.json()).toEqual({
        error: 'export.busy',
        message:
          'The server is already exporting 2 other files. Please try again in a few seconds.',
      });
    // Once they are done, a new export runs: the slots were given back.
    expect((await download(owner, boardPath('svg'))).status).toBe(200);
  });
});
