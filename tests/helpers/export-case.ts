import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import * as Y from 'yjs';
import {
  addBoard,
  addFileRecord,
  addMark,
  addSlide,
  boardsOf,
  insertOutline,
  mapField,
  recordAt,
  setCaseMeta,
  updateSlide,
} from '../../src/core/index.ts';
import type { Classification } from '../../src/core/schema.ts';
import type { ExportContext } from '../../src/export/documents/index.ts';
import { nodeResources } from '../../server/export/resources.ts';
import { makePng } from './files.ts';

const ORIGIN = 'test';
const require = createRequire(import.meta.url);

/** The mind map's labels, as a prosecutor types them (one given in NFD, as macOS pastes it). */
export const MINDMAP_LABELS = [
  'Vụ án giết người tại xã Hòa Bình',
  'Bị can: Nguyễn Văn Hùng',
  'Hung khí: dao bầu dài 30 cm',
  'Bị hại: Trần Thị Mỹ Lệ',
  'Lời khai người làm chứng'.normalize('NFD'),
];

/** The words printed on the case-file PDF's first page. */
export const DOCUMENT_TEXT = 'Biên bản khám nghiệm hiện trường';

/** A real two-page PDF in Be Vietnam Pro, its first page saying `DOCUMENT_TEXT`. */
export async function makeRecordPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const ttf = readFileSync(
    require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf'),
  );
  const font = await pdf.embedFont(ttf, { subset: true });
  const first = pdf.addPage([595, 842]);
  first.drawText(DOCUMENT_TEXT, { x: 60, y: 760, size: 22, font });
  first.drawText('Hồi 21 giờ 30 ngày 14/3/2026', { x: 60, y: 720, size: 14, font });
  first.drawRectangle({ x: 60, y: 400, width: 200, height: 120, color: rgb(0.2, 0.4, 0.8) });
  pdf.addPage([595, 842]).drawText('Trang hai', { x: 60, y: 760, size: 22, font });
  return pdf.save();
}

export interface ExportCase {
  doc: Y.Doc;
  mindmap: string;
  topicIds: string[];
  pdfHash: string;
  pngHash: string;
  blobs: Map<string, Uint8Array>;
  context: ExportContext;
  slides: { title: string; frame: string; document: string; scan: string };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * A homicide case as exports see it: a Vietnamese mind map, a two-page PDF record with a
 * highlight, a note and a callout on page 1, a 320 × 240 photo, and a deck of a title slide, a
 * frame slide with two build steps, a document slide and a photo slide; the blobs in a Map behind
 * `nodeResources`.
 */
export async function exportCase(
  classification: Classification = 'mat',
  language = 'vi',
): Promise<ExportCase> {
  const doc = new Y.Doc();
  setCaseMeta(
    doc,
    { title: 'Vụ giết người tại xã Hòa Bình', caseNumber: '12/2026/HS-ST', classification },
    ORIGIN,
  );
  const mindmap = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, ORIGIN);
  const [root, ...children] = MINDMAP_LABELS;
  insertOutline(
    doc,
    {
      boardId: mindmap,
      parent: null,
      nodes: [{ label: root!, children: children.map((label) => ({ label, children: [] })) }],
    },
    ORIGIN,
  );
  const nodes = mapField(recordAt(boardsOf(doc), mindmap), 'nodes');
  const topicIds = nodes ? [...nodes.keys()] : [];

  const pdf = await makeRecordPdf();
  const png = new Uint8Array(makePng(320, 240, [200, 214, 230]));
  const [pdfHash, pngHash] = [sha256(pdf), sha256(png)];
  const blobs = new Map([
    [pdfHash, pdf],
    [pngHash, png],
  ]);
  addFileRecord(
    doc,
    {
      hash: pdfHash,
      name: 'BL 12 - Biên bản khám nghiệm.pdf',
      mime: 'application/pdf',
      size: pdf.length,
      pages: 2,
    },
    ORIGIN,
  );
  addFileRecord(
    doc,
    { hash: pngHash, name: 'Ảnh hiện trường.png', mime: 'image/png', size: png.length, pages: 1 },
    ORIGIN,
  );
  const marks = [
    { kind: 'highlight', page: 1, x: 0.1, y: 0.08, w: 0.6, h: 0.04 },
    { kind: 'note', page: 1, x: 0.6, y: 0.5, text: 'Dấu vết cạy khoá' },
    { kind: 'arrow', page: 1, x: 0.5, y: 0.7, x2: 0.3, y2: 0.45 },
    { kind: 'callout', page: 1, x: 0.1, y: 0.35, w: 0.35, h: 0.15 },
  ] as const;
  for (const mark of marks) addMark(doc, { hash: pdfHash, mark: { ...mark } }, ORIGIN);

  const title = addSlide(
    doc,
    { kind: 'title', title: 'Báo cáo vụ án', text: 'Viện kiểm sát nhân dân huyện Hòa Bình' },
    ORIGIN,
  );
  const frame = addSlide(
    doc,
    {
      kind: 'frame',
      title: 'Diễn biến vụ án',
      boardId: mindmap,
      frame: { x: -480, y: -135, w: 960, h: 270 },
    },
    ORIGIN,
  );
  updateSlide(
    doc,
    {
      id: frame,
      patch: {
        steps: [topicIds.slice(1, 3), topicIds.slice(3)],
        notes: 'Nhấn mạnh lời khai của người làm chứng về hung khí.',
      },
    },
    ORIGIN,
  );
  const document = addSlide(
    doc,
    { kind: 'document', title: 'Biên bản khám nghiệm', file: pdfHash, page: 1 },
    ORIGIN,
  );
  const scan = addSlide(
    doc,
    { kind: 'document', title: 'Ảnh hiện trường', file: pngHash, page: 1 },
    ORIGIN,
  );
  const context: ExportContext = {
    resources: nodeResources(async (hash) => blobs.get(hash) ?? null),
    language,
    date: new Date(2026, 11, 3, 10, 0),
    author: 'Trần Thị Lan',
  };
  return {
    doc,
    mindmap,
    topicIds,
    pdfHash,
    pngHash,
    blobs,
    context,
    slides: { title, frame, document, scan },
  };
}

/** Whether a program is installed (tests that run it skip, saying so, when it is not). */
export function installed(program: string, args = ['-v']): boolean {
  try {
    execFileSync(program, args, { stdio: 'pipe' });
    return true;
  } catch (error) {
    // poppler's tools print their version and exit 0 or 99; a missing program throws ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** Writes `bytes` to a fresh temporary file and returns its path. */
export function tempFile(name: string, bytes: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'caseboard-export-')), name);
  writeFileSync(path, bytes);
  return path;
}

/** Runs a program and returns its standard output as text. */
export function run(program: string, args: string[]): string {
  return execFileSync(program, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The text of one page of a PDF (`pdftotext -layout`), NFC. */
export function pageText(path: string, page: number): string {
  return run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-']).normalize(
    'NFC',
  );
}

/** How many times `needle` occurs in `text`. */
export function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** A page of a PDF as RGB pixels (`pdftoppm` PPM), to look at colours where shapes should be. */
export function pagePixels(
  path: string,
  page: number,
  dpi: number,
): { width: number; height: number; at(x: number, y: number): [number, number, number] } {
  const ppm = execFileSync(
    'pdftoppm',
    ['-r', String(dpi), '-f', String(page), '-l', String(page), path],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  // P6\n<width> <height>\n255\n<pixels>
  let offset = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(ppm[offset]!))) offset++;
    let field = '';
    while (!/\s/.test(String.fromCharCode(ppm[offset]!)))
      field += String.fromCharCode(ppm[offset++]!);
    fields.push(field);
  }
  offset++;
  const [width, height] = [Number(fields[1]), Number(fields[2])];
  return {
    width,
    height,
    at(x, y) {
      const i = offset + (Math.round(y) * width + Math.round(x)) * 3;
      return [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
    },
  };
}
