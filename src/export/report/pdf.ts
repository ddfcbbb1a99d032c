import type * as Y from 'yjs';
import { readMeta } from '../../core/doc.ts';
import { wrapText } from '../../render/metrics.ts';
import { mm, paperSize } from '../../render/paper.ts';
import { drawPicture } from '../../render/pdf.ts';
import type { Picture, Shape } from '../../render/picture.ts';
import { footerShapes, markingShapes, placed } from '../documents/chrome.ts';
import { createExportPdf } from '../documents/pdfFile.ts';
import { exportTexts } from '../documents/texts.ts';
import { checkCancelled, nextTurn, type ExportContext } from '../documents/types.ts';
import { buildReport, type ReportBlock, type ReportModel } from './model.ts';
import { reportFigures } from './figures.ts';

/**
 * The case report as a PDF: A4 portrait pages laid out from the report model (model.ts), text in
 * the embedded Be Vietnam Pro subsets (selectable, searchable), tables whose rows flow over pages
 * with their header repeated, boards drawn as vector figures by their renderers, and on every page
 * the classification marking (top and bottom) and the footer of the other exports.
 */

const PAGE = paperSize('A4', 'portrait');
const LEFT = mm(25); // the binding side, as administrative documents leave it (Nghị định 30/2020)
const RIGHT = PAGE.width - mm(18);
const TOP = mm(22);
const BOTTOM = PAGE.height - mm(22);
const WIDTH = RIGHT - LEFT;
const INK = '#0f172a';
const GREY = '#475569';
const BODY = 11;
const LEAD = 1.45;
const CELL = 8.5;
const CELL_PAD = 3;

/** One page being filled: its shapes and the baseline where the next line goes. */
interface Sheet {
  shapes: Shape[];
  y: number;
}

class Layout {
  readonly pages: Sheet[] = [];
  private sheet: Sheet;

  constructor() {
    this.sheet = this.newPage();
  }

  newPage(): Sheet {
    this.sheet = { shapes: [], y: TOP };
    this.pages.push(this.sheet);
    return this.sheet;
  }

  /** Room left on the current page. */
  get room(): number {
    return BOTTOM - this.sheet.y;
  }

  /** Starts a new page unless `height` fits on this one. */
  need(height: number): void {
    if (height > this.room && this.sheet.y > TOP) this.newPage();
  }

  get y(): number {
    return this.sheet.y;
  }

  advance(by: number): void {
    this.sheet.y += by;
  }

  add(...shapes: Shape[]): void {
    this.sheet.shapes.push(...shapes);
  }

  /** Wrapped text at `x`, flowing over pages line by line. */
  text(
    text: string,
    options: { size: number; weight?: 400 | 600 | 700; x?: number; width?: number; fill?: string },
  ): void {
    const x = options.x ?? LEFT;
    const lines = wrapText(text, options.size, options.weight ?? 400, options.width ?? RIGHT - x);
    const lead = options.size * LEAD;
    for (const line of lines) {
      this.need(lead);
      this.advance(lead);
      this.add({
        kind: 'text',
        x,
        y: this.y - lead * 0.3,
        text: line,
        size: options.size,
        weight: options.weight ?? 400,
        fill: options.fill ?? INK,
      });
    }
  }
}

/** The cover: procuracy, marking, title, then the case's lines as label and value. */
function layCover(layout: Layout, model: ReportModel): void {
  if (model.cover.procuracy) {
    layout.advance(mm(10));
    for (const line of wrapText(model.cover.procuracy.toUpperCase(), 12, 700, WIDTH)) {
      layout.advance(18);
      layout.add({
        kind: 'text',
        x: PAGE.width / 2,
        y: layout.y,
        text: line,
        size: 12,
        weight: 700,
        fill: INK,
        anchor: 'middle',
      });
    }
  }
  layout.advance(mm(40));
  layout.add({
    kind: 'text',
    x: PAGE.width / 2,
    y: layout.y,
    text: model.cover.title,
    size: 22,
    weight: 700,
    fill: INK,
    anchor: 'middle',
  });
  layout.advance(mm(18));
  const labelWidth = 120;
  for (const { label, value } of model.cover.lines) {
    const lines = wrapText(value, 12, 600, WIDTH - labelWidth - 20);
    layout.advance(20);
    layout.add({
      kind: 'text',
      x: LEFT + 20,
      y: layout.y,
      text: `${label}:`,
      size: 11,
      fill: GREY,
    });
    lines.forEach((line, i) => {
      if (i > 0) layout.advance(17);
      layout.add({
        kind: 'text',
        x: LEFT + 20 + labelWidth,
        y: layout.y,
        text: line,
        size: 12,
        weight: 600,
        fill: INK,
      });
    });
  }
  layout.newPage();
}

function layTable(layout: Layout, block: Extract<ReportBlock, { kind: 'table' }>): void {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => (c.width / total) * WIDTH);
  const xs = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const lead = CELL * 1.35;
  const rowOf = (cells: readonly string[], weight: 400 | 700) => {
    const lines = cells.map((cell, i) => wrapText(cell, CELL, weight, widths[i]! - CELL_PAD * 2));
    return {
      lines,
      height: Math.max(1, ...lines.map((l) => l.length)) * lead + CELL_PAD * 2,
      weight,
    };
  };
  const header = rowOf(
    block.columns.map((c) => c.title),
    700,
  );
  const draw = (row: ReturnType<typeof rowOf>, shade: string | null) => {
    const top = layout.y;
    layout.add({
      kind: 'rect',
      x: LEFT,
      y: top,
      width: WIDTH,
      height: row.height,
      fill: shade ?? '#ffffff',
      stroke: '#94a3b8',
      strokeWidth: 0.5,
    });
    row.lines.forEach((lines, i) => {
      if (i > 0)
        layout.add({
          kind: 'path',
          d: `M${xs[i]} ${top}L${xs[i]} ${top + row.height}`,
          stroke: '#94a3b8',
          strokeWidth: 0.5,
        });
      lines.forEach((line, j) =>
        layout.add({
          kind: 'text',
          x: xs[i]! + CELL_PAD,
          y: top + CELL_PAD + (j + 1) * lead - lead * 0.28,
          text: line,
          size: CELL,
          weight: row.weight,
          fill: INK,
        }),
      );
    });
    layout.advance(row.height);
  };
  layout.advance(4);
  layout.need(header.height + lead * 2 + CELL_PAD * 2);
  draw(header, '#e2e8f0');
  for (const cells of block.rows) {
    const row = rowOf(cells, 400);
    if (row.height > layout.room) {
      layout.newPage();
      draw(header, '#e2e8f0');
    }
    draw(row, null);
  }
  layout.advance(8);
}

/** The least room the blocks from `from` need on one page: a figure whole, else a few lines. */
function followingHeight(
  blocks: readonly ReportBlock[],
  from: number,
  pictures: ReadonlyMap<string, Picture>,
): number {
  const next = blocks[from];
  if (!next) return 0;
  if (next.kind === 'heading') return 30 + followingHeight(blocks, from + 1, pictures);
  if (next.kind === 'figure') {
    const picture = pictures.get(next.boardId);
    return picture ? figureHeight(picture) + 30 : BODY * 3;
  }
  return next.kind === 'table' ? CELL * 6 : BODY * 4;
}

function figureHeight(picture: Picture): number {
  const maxHeight = Math.min(BOTTOM - TOP - 40, WIDTH * 0.9);
  return Math.min(maxHeight, (WIDTH * picture.height) / Math.max(picture.width, 1));
}

function layFigure(
  layout: Layout,
  picture: Picture | null,
  caption: string,
  missing: string,
): void {
  if (!picture) {
    layout.text(`${caption}: ${missing}`, { size: BODY, fill: GREY });
    return;
  }
  const height = figureHeight(picture);
  layout.need(height + 30);
  layout.advance(6);
  layout.add({
    kind: 'rect',
    x: LEFT,
    y: layout.y,
    width: WIDTH,
    height,
    fill: '#ffffff',
    stroke: '#cbd5e1',
    strokeWidth: 0.5,
  });
  layout.add(
    placed(picture, { x: LEFT + 2, y: layout.y + 2, width: WIDTH - 4, height: height - 4 }),
  );
  layout.advance(height);
  layout.text(caption, { size: 10, weight: 600, fill: GREY, x: LEFT });
  layout.advance(6);
}

/** Lays the model out on A4 pages (pictures of each page, before the marking and the footer). */
export function layoutReport(
  model: ReportModel,
  pictures: ReadonlyMap<string, Picture>,
  missing: string,
): Sheet[] {
  const layout = new Layout();
  layCover(layout, model);
  model.blocks.forEach((block, index) => {
    switch (block.kind) {
      case 'heading': {
        const size = block.level === 1 ? 14 : 12;
        // A heading never ends a page alone: it goes with what follows it.
        layout.need(size * 2.5 + followingHeight(model.blocks, index + 1, pictures));
        layout.advance(block.level === 1 ? 10 : 4);
        layout.text(block.text, { size, weight: 700 });
        layout.advance(3);
        break;
      }
      case 'paragraph':
        layout.text(block.text, {
          size: BODY,
          ...(block.tone === 'note' ? { fill: GREY } : {}),
        });
        layout.advance(3);
        break;
      case 'table':
        layTable(layout, block);
        break;
      case 'figure':
        layFigure(layout, pictures.get(block.boardId) ?? null, block.caption, missing);
        break;
    }
  });
  return layout.pages.filter((p, i) => i === 0 || p.shapes.length > 0);
}

/**
 * The case report as PDF bytes.
 * @example const bytes = await reportPdf(doc, { resources, language: 'vi', date: new Date() })
 */
export async function reportPdf(
  doc: Y.Doc,
  context: ExportContext,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  checkCancelled(signal);
  const model = buildReport(doc, context);
  const meta = readMeta(doc);
  const texts = exportTexts(context.language);
  const pictures = await reportFigures(doc, model, context.language);
  checkCancelled(signal);
  const sheets = layoutReport(model, pictures, texts.missingBoard);
  const { pdf, fonts } = await createExportPdf(context, {
    title: model.title,
    subject: [meta.caseNumber, meta.title].filter(Boolean).join(' — '),
  });
  const blobs = (hash: string) => context.resources.blob(hash);
  for (const [index, sheet] of sheets.entries()) {
    checkCancelled(signal);
    const shapes: Shape[] = [
      ...markingShapes(meta.classification, texts, PAGE.width, mm(12), 11),
      ...sheet.shapes,
      ...markingShapes(meta.classification, texts, PAGE.width, PAGE.height - mm(13), 11),
      ...footerShapes({
        meta,
        texts,
        date: context.date,
        timeZone: context.timeZone,
        page: index + 1,
        total: sheets.length,
        left: LEFT,
        right: RIGHT,
        baseline: PAGE.height - mm(8),
        size: 7.5,
        keepClear: meta.classification === 'none' ? 0 : 50,
      }),
    ];
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    await drawPicture(
      pdf,
      page,
      { width: PAGE.width, height: PAGE.height, background: '#ffffff', shapes, title: model.title },
      { x: 0, y: 0, width: PAGE.width, height: PAGE.height },
      fonts,
      blobs,
    );
    await nextTurn();
  }
  return pdf.save();
}
