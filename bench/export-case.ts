/**
 * The case the export benchmark draws: a mind map of `topics` topics with Vietnamese labels, and a
 * deck of `slides` slides of which `documents` show a page of a PDF of the case file (with marks),
 * the rest frames of the map. The PDF is made here with pdf-lib; its bytes are given to the
 * pipeline as the case file's blob.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type * as Y from 'yjs';
import {
  addBoard,
  addFileRecord,
  addMark,
  addSlide,
  insertOutline,
  type OutlineNode,
} from '../src/core/index.ts';
import { boardPicture } from '../src/export/documents/index.ts';
import { BOARD_MARGIN, type Rect } from '../src/render/board.ts';
import { random } from '../tests/helpers/random.ts';
import { CASE_WORDS as WORDS } from './words.ts';

/** A seeded random tree of `count` topics, bushy like a real case map. */
export function caseOutline(count: number, seed = count): OutlineNode[] {
  const rng = random(seed);
  const root: OutlineNode = { label: 'Vụ án 12/2026/HS', children: [] };
  const all = [root];
  for (let i = 1; i < count; i++) {
    const words = Array.from({ length: 1 + rng.int(4) }, () => rng.pick(WORDS)!);
    const node: OutlineNode = { label: `${i}. ${words.join(' ')}`, children: [] };
    const parent = rng.chance(0.05) ? root : all[Math.max(0, i - 1 - rng.int(300))]!;
    parent.children.push(node);
    all.push(node);
  }
  return [root];
}

/** A PDF of `pages` A4 pages of typed text, as a scanned record of interview would be. */
export async function recordPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`BIEN BAN GHI LOI KHAI - trang ${p}`, { x: 60, y: 780, size: 16, font });
    for (let line = 0; line < 40; line++)
      page.drawText(`Dong ${line + 1}: noi dung loi khai cua nguoi lam chung.`, {
        x: 60,
        y: 740 - line * 16,
        size: 10,
        font,
      });
  }
  return pdf.save();
}

export interface ExportCase {
  boardId: string;
  /** The case file's blobs by hash. */
  blobs: Map<string, Uint8Array>;
}

/**
 * Where the board lies, in board units: its whole picture is the board moved by a margin (the
 * translation of its first group), so that frames land on topics, as a presenter's would.
 */
async function boardBounds(doc: Y.Doc, boardId: string): Promise<Rect> {
  const picture = await boardPicture(doc, boardId, { language: 'vi' });
  const group = picture.shapes.find((s) => s.kind === 'group' && s.transform);
  const t = group?.kind === 'group' ? group.transform : undefined;
  return {
    x: t ? BOARD_MARGIN - t[4] : 0,
    y: t ? BOARD_MARGIN - t[5] : 0,
    w: picture.width - BOARD_MARGIN * 2,
    h: picture.height - BOARD_MARGIN * 2,
  };
}

/** Writes the map and the deck into `doc` (as the bench's sync client). */
export async function writeExportCase(
  doc: Y.Doc,
  sizes: { topics: number; slides: number; documents: number },
): Promise<ExportCase> {
  const boardId = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, 'bench');
  insertOutline(doc, { boardId, parent: null, nodes: caseOutline(sizes.topics) }, 'bench');
  const bytes = await recordPdf(Math.max(1, sizes.documents));
  const hash = createHash('sha256').update(bytes).digest('hex');
  addFileRecord(
    doc,
    {
      hash,
      name: 'Biên bản ghi lời khai.pdf',
      mime: 'application/pdf',
      size: bytes.byteLength,
      pages: sizes.documents,
    },
    'bench',
  );
  const bounds = await boardBounds(doc, boardId);
  const every = Math.max(1, Math.floor(sizes.slides / Math.max(1, sizes.documents)));
  let page = 0;
  for (let i = 0; i < sizes.slides; i++) {
    if (page < sizes.documents && i % every === every - 1) {
      page++;
      addSlide(
        doc,
        { kind: 'document', file: hash, page, title: `Lời khai, trang ${page}` },
        'bench',
      );
      addMark(
        doc,
        { hash, mark: { kind: 'highlight', page, x: 0.1, y: 0.2, w: 0.6, h: 0.05 } },
        'bench',
      );
      addMark(
        doc,
        {
          hash,
          mark: { kind: 'note', page, x: 0.6, y: 0.4, text: 'Mâu thuẫn với lời khai ban đầu' },
        },
        'bench',
      );
    } else {
      // Frames walking down the map, as a presenter goes through it.
      const y = bounds.y + ((i * 700) % Math.max(1, bounds.h - 900));
      const x = bounds.x + ((i * 1300) % Math.max(1, bounds.w - 1600));
      addSlide(
        doc,
        { kind: 'frame', boardId, frame: { x, y, w: 1600, h: 900 }, title: `Diễn biến ${i + 1}` },
        'bench',
      );
    }
  }
  return { boardId, blobs: new Map([[hash, bytes]]) };
}
