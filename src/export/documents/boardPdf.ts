import type * as Y from 'yjs';
import {
  boardTitleOf,
  boardsOf,
  readBoard,
  readMeta,
  recordAt,
  type CaseMeta,
} from '../../core/doc.ts';
import { sheetRenderers } from '../../boards/renderers.ts';
import type { BoardKind } from '../../core/schema.ts';
import { PAPER_MARGIN, paperSize } from '../../render/paper.ts';
import { drawPicture } from '../../render/pdf.ts';
import type { Picture, Shape } from '../../render/picture.ts';
import { footerShapes, markingHeight, markingShapes, placed, titleBlockShapes } from './chrome.ts';
import { createExportPdf } from './pdfFile.ts';
import { notesAppendix } from './notesAppendix.ts';
import { boardPicture } from './picture.ts';
import { exportTexts, markingWord } from './texts.ts';
import {
  checkCancelled,
  type BoardPdfOptions,
  type ExportContext,
  type Progress,
} from './types.ts';

const MARKING_SIZE = 12;
const FOOTER_SIZE = 8;
const TITLE_ROW = 26;
const GAP = 8;

/**
 * One sheet of a board PDF as a picture in points: the marking at the top and bottom of a
 * classified case, the board fitted into what is left of the printable area above the title block
 * (scenes: the scene's own sheet, with its title block, scale bar, north arrow and legend), and the
 * footer.
 * @example const sheet = await boardSheet(doc, boardId, { paper: 'A4', orientation: 'landscape' }, context, 1, 1)
 */
export async function boardSheet(
  doc: Y.Doc,
  boardId: string,
  options: BoardPdfOptions,
  context: ExportContext,
  page = 1,
  total = 1,
): Promise<Picture> {
  const meta = readMeta(doc);
  const texts = exportTexts(context.language);
  const language = context.language.startsWith('en') ? 'en' : 'vi';
  const { width, height } = paperSize(options.paper, options.orientation);
  const m = PAPER_MARGIN;
  const marked = markingWord(texts, meta.classification) !== null;
  const mark = markingHeight(MARKING_SIZE);
  const shapes: Shape[] = [];
  let top = m;
  let bottom = height - m;
  // Footer on the bottom margin's line, the marking above it, both outside the drawing.
  shapes.push(...footer(meta, context, page, total, m, width - m, bottom));
  bottom -= FOOTER_SIZE * 1.4 + GAP;
  if (marked) {
    shapes.push(
      ...markingShapes(meta.classification, texts, width, top + mark.above, MARKING_SIZE),
    );
    shapes.push(
      ...markingShapes(meta.classification, texts, width, bottom - mark.below, MARKING_SIZE),
    );
    top += mark.above + mark.below + GAP;
    bottom -= mark.above + mark.below + GAP;
  }
  const area = { x: m, y: top, width: width - 2 * m, height: bottom - top };
  const kind = readBoardKind(doc, boardId);
  const sheet = kind ? (sheetRenderers[kind] ?? null) : null;
  let drawing: Picture;
  let drawn: Shape;
  if (sheet) {
    const render = await sheet();
    drawing = render(doc, boardId, {
      width: area.width,
      height: area.height,
      scale: options.scale ?? null,
      language,
      ...(context.author ? { author: context.author } : {}),
      date: context.date,
      frame: options.frame ?? null,
    });
    // Drawn at its own size (points): a scale bar must measure what it says on paper.
    drawn = placed(drawing, area, 'actual');
  } else {
    const rows = 2;
    const blockTop = bottom - rows * TITLE_ROW;
    shapes.push(
      ...titleBlockShapes({
        cells: [
          { label: texts.caseNumber, value: meta.caseNumber },
          { label: texts.board, value: boardTitleOf(doc, boardId) },
          { label: texts.date, value: texts.formatDate(context.date, context.timeZone) },
          { label: texts.author, value: context.author ?? '' },
        ],
        x: m,
        y: blockTop,
        width: width - 2 * m,
        rowHeight: TITLE_ROW,
      }),
    );
    area.height = blockTop - GAP - top;
    drawing = await boardPicture(doc, boardId, { frame: options.frame ?? null, language });
    drawn = placed(drawing, area);
  }
  shapes.unshift(drawn);
  return {
    width,
    height,
    background: '#ffffff',
    shapes,
    title: drawing.title || boardTitleOf(doc, boardId),
  };
}

function readBoardKind(doc: Y.Doc, boardId: string): BoardKind | null {
  return readBoard(recordAt(boardsOf(doc), boardId))?.kind ?? null;
}

function footer(
  meta: CaseMeta,
  context: ExportContext,
  page: number,
  total: number,
  left: number,
  right: number,
  baseline: number,
): Shape[] {
  return footerShapes({
    meta,
    texts: exportTexts(context.language),
    date: context.date,
    timeZone: context.timeZone,
    page,
    total,
    left,
    right,
    baseline,
    size: FOOTER_SIZE,
  });
}

/**
 * A board on A4 or A3 paper as a vector PDF: the drawing, the title block, the footer and, for a
 * classified case, the marking at the top and bottom of the page; text in embedded Be Vietnam Pro.
 * @example const bytes = await boardPdf(doc, boardId, { paper: 'A3', orientation: 'landscape' }, context)
 */
export async function boardPdf(
  doc: Y.Doc,
  boardId: string,
  options: BoardPdfOptions,
  context: ExportContext,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  checkCancelled(signal);
  const meta = readMeta(doc);
  const sheet = await boardSheet(doc, boardId, options, context);
  checkCancelled(signal);
  const { pdf, fonts } = await createExportPdf(context, {
    title: sheet.title,
    subject: [meta.caseNumber, meta.title].filter(Boolean).join(' — '),
  });
  const page = pdf.addPage([sheet.width, sheet.height]);
  await drawPicture(
    pdf,
    page,
    sheet,
    { x: 0, y: 0, width: sheet.width, height: sheet.height },
    fonts,
    (hash) => context.resources.blob(hash),
  );
  // Review notes only when asked for, after the board.
  if (options.includeNotes) {
    for (const appendix of notesAppendix(
      doc,
      boardId,
      meta,
      context.language,
      sheet.width,
      sheet.height,
      PAPER_MARGIN,
    )) {
      const extra = pdf.addPage([appendix.width, appendix.height]);
      await drawPicture(
        pdf,
        extra,
        appendix,
        { x: 0, y: 0, width: appendix.width, height: appendix.height },
        fonts,
        (hash) => context.resources.blob(hash),
      );
    }
  }
  onProgress?.({ done: 1, total: 1 });
  checkCancelled(signal);
  return pdf.save();
}
