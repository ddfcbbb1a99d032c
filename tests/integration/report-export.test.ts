/**
 * Issue 25, the case report: a real server on port 0 draws the report of a case with every section
 * filled (Vietnamese names, BL citations) as PDF and DOCX in its export worker. The DOCX is
 * converted by Debian's LibreOffice (`libreoffice --headless --convert-to pdf`, once, shared by the
 * assertions), and pdftotext of both PDFs must hold every section's content and every citation in
 * NFC; pdffonts must show the fonts embedded. Members only, audited, the document left as it was.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REPORT_CASE_META, reportCase, type ReportCase } from '../helpers/report-case.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced, type SyncClient } from '../helpers/sync.ts';

function installed(program: string, flag = '--version'): boolean {
  try {
    execFileSync(program, [flag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const hasPoppler = installed('pdftotext', '-v');
const hasLibreOffice = installed('libreoffice');

let server: TestServer;
let owner: ApiClient;
let viewer: ApiClient;
let outsider: ApiClient;
let writer: SyncClient;
let caseId: string;
let filled: ReportCase;
let work: string;

async function download(client: ApiClient, path: string) {
  const res = await fetch(client.baseUrl + path, {
    headers: { cookie: client.cookie, 'accept-language': client.lang },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/**
 * pdftotext of a file in the order it was written (`-raw`: a table cell's lines stay together),
 * with runs of white space as one space.
 */
const textOf = (path: string) =>
  execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/**
 * Every section's content and every citation that `text` lacks, or holds only decomposed. Text
 * is compared without white space: a table cell wraps a long name or a SHA-256 where it must.
 */
function missingFrom(text: string): string[] {
  const wanted = [...Object.values(filled.expected).flat(), ...filled.citations];
  const squeezed = text.replace(/\s+/g, '');
  return wanted.filter((w) => !squeezed.includes(w.normalize('NFC').replace(/\s+/g, '')));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'caseboard-report-'));
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  owner = await admin.newUser('ksv.an', 'Nguyễn Văn Ấn');
  viewer = await admin.newUser('ksv.lap', 'Đỗ Thị Lập');
  outsider = await admin.newUser('ksv.cuong', 'Phạm Quốc Cường');
  caseId = (await owner.request('POST', '/api/cases', REPORT_CASE_META)).body.id;
  const added = await owner.request('PUT', `/api/cases/${caseId}/members/ksv.lap`, {
    role: 'viewer',
  });
  expect(added.status).toBeLessThan(300);
  writer = connectClient(server.url, caseId, await owner.token());
  await synced(writer);
  filled = reportCase({ doc: writer.doc, meta: false });
  await eventually(
    async () => {
      const stored = new Y.Doc();
      Y.applyUpdate(stored, await server.rooms.state(caseId));
      return Y.encodeStateAsUpdate(writer.doc, Y.encodeStateVector(stored)).byteLength <= 2;
    },
    5000,
    'the filled case stored by the server',
  );
});

afterAll(async () => {
  writer?.destroy();
  await server?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the report as PDF', () => {
  it('holds every section, every BL citation in NFC, with Be Vietnam Pro embedded', async () => {
    const res = await download(viewer, `/api/cases/${caseId}/report.pdf?lang=vi`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent('Báo cáo án — Trộm cắp xe máy'),
    );
    if (!hasPoppler) return console.warn('poppler-utils not installed: PDF text not checked');
    const path = join(work, 'report.pdf');
    writeFileSync(path, res.bytes);
    const text = textOf(path);
    expect(missingFrom(text)).toEqual([]);
    // The marking on every page, the sections in the default order.
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1],
    );
    expect(text.match(/MẬT/g)!.length).toBeGreaterThanOrEqual(pages * 2);
    const order = ['I. Tóm tắt', 'II. Những người', 'III. Diễn biến', 'IX. Thời hạn'];
    expect(order.map((h) => text.indexOf(h))).toEqual(
      [...order.map((h) => text.indexOf(h))].sort((a, b) => a - b),
    );
    // The boards are drawn as vectors: no picture in the file (the case's boards hold none).
    const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' });
    expect(images.trim().split('\n').length).toBe(2);
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).toMatch(/BeVietnamPro/);
    expect(
      fonts
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .every((l) => /\syes\s+yes\s+yes\s/.test(l)),
    ).toBe(true);
  });
});

describe('the report as DOCX', () => {
  let docx: Buffer;
  let converted: string | null = null;

  beforeAll(async () => {
    const res = await download(owner, `/api/cases/${caseId}/report.docx?lang=vi`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    docx = res.bytes;
    writeFileSync(join(work, 'report.docx'), docx);
    if (!hasLibreOffice) return;
    // One conversion, shared by the assertions (LibreOffice takes seconds to start).
    execFileSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${join(work, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        join(work, 'report.docx'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    converted = existsSync(join(work, 'report.pdf.lo')) ? null : join(work, 'report.pdf');
  }, 150_000);

  it('has real headings, tables and figures as SVG with a PNG fallback', () => {
    const files = unzipSync(new Uint8Array(docx));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    expect(xml).toContain('w:pStyle w:val="Heading1"');
    expect(xml).toContain('w:pStyle w:val="Heading2"');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(xml).toContain('asvg:svgBlip');
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.some((f) => f.endsWith('.svg'))).toBe(true);
    const pngs = media.filter((f) => f.endsWith('.png')).map((f) => files[f]!);
    expect(pngs.length).toBeGreaterThan(0);
    // The fallback is a real picture of the figure (rsvg-convert), not a blank pixel.
    if (installed('rsvg-convert'))
      expect(Math.max(...pngs.map((p) => p.length))).toBeGreaterThan(2000);
    const styles = new TextDecoder().decode(files['word/styles.xml']);
    expect(styles).toContain('Times New Roman');
    // Editable text, in NFC.
    expect(xml).toContain('Nguyễn Văn Hùng'.normalize('NFC'));
    expect(xml).not.toContain('Nguyễn Văn Hùng'.normalize('NFD'));
  });

  it('converts in LibreOffice to a PDF holding every section and citation in NFC', () => {
    if (!hasLibreOffice || !hasPoppler)
      return console.warn('LibreOffice or poppler-utils not installed: DOCX not converted');
    expect(converted).not.toBeNull();
    const text = textOf(converted!);
    expect(missingFrom(text)).toEqual([]);
    expect(text).toContain('MẬT');
    const fonts = execFileSync('pdffonts', [converted!], { encoding: 'utf8' });
    expect(
      fonts
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .every((l) => /\syes\s+yes\s+yes\s/.test(l)),
    ).toBe(true);
  });
});

describe('who may have it', () => {
  it('refuses people who are not members and those not logged in, and records each report', async () => {
    for (const ext of ['pdf', 'docx']) {
      const path = `/api/cases/${caseId}/report.${ext}`;
      expect((await download(outsider, path)).status).toBe(404);
      expect((await download(new ApiClient(server.url), path)).status).toBe(401);
    }
    const bad = await download(owner, `/api/cases/${caseId}/report.pdf?lang=fr`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(String(bad.bytes)).error).toBe('export.badQuery');
    const trail = await owner.request('GET', `/api/audit?case=${caseId}&action=export`);
    const events = trail.body.events as Array<{ actor: string; detail: Record<string, unknown> }>;
    expect(
      events.filter((e) => e.detail.what === 'report').map((e) => [e.actor, e.detail.format]),
    ).toEqual(
      expect.arrayContaining([
        ['ksv.lap', 'pdf'],
        ['ksv.an', 'docx'],
      ]),
    );
    expect(events.some((e) => e.actor === 'ksv.cuong')).toBe(false);
  });

  it('writes the English report when asked', async () => {
    const res = await download(owner, `/api/cases/${caseId}/report.pdf?lang=en`);
    expect(res.status).toBe(200);
    if (!hasPoppler) return;
    const path = join(work, 'report-en.pdf');
    writeFileSync(path, res.bytes);
    const text = textOf(path);
    expect(text).toContain('CASE REPORT');
    expect(text).toContain('Issues to prove and the evidence');
    expect(text).toContain('Nguyễn Văn Hùng');
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
