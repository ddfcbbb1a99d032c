import type { CaseMeta } from '../../core/doc.ts';
import type { Classification } from '../../core/schema.ts';
import { ellipsize, textWidth } from '../../render/metrics.ts';
import { fitBox } from '../../render/paper.ts';
import type { Picture, Shape } from '../../render/picture.ts';
import { markingWord, type ExportTexts } from './texts.ts';

/**
 * What printed pages carry besides the drawing, as shapes in the page's own units (points for PDF
 * pages, slide units for slides): the classification marking, the footer and the title block.
 */

export const MARKING_RED = '#dc2626';
const FOOTER_GREY = '#475569';

/**
 * The state-secret marking ("MẬT", "TỐI MẬT") centred on a line whose baseline is `baseline`: red,
 * bold, in a red frame like the stamp. Nothing for an unclassified case.
 * @example markingShapes('mat', texts, 595, 60, 12) // a frame and the word MẬT
 */
export function markingShapes(
  classification: Classification,
  texts: ExportTexts,
  pageWidth: number,
  baseline: number,
  size: number,
): Shape[] {
  const word = markingWord(texts, classification);
  if (!word) return [];
  const width = textWidth(word, size, 700);
  const pad = size * 0.5;
  return [
    {
      kind: 'group',
      id: 'marking',
      children: [
        {
          kind: 'rect',
          x: pageWidth / 2 - width / 2 - pad,
          y: baseline - size * 1.05,
          width: width + pad * 2,
          height: size * 1.45,
          fill: '#ffffff',
          stroke: MARKING_RED,
          strokeWidth: Math.max(0.75, size / 12),
        },
        {
          kind: 'text',
          x: pageWidth / 2,
          y: baseline,
          text: word,
          size,
          weight: 700,
          fill: MARKING_RED,
          anchor: 'middle',
        },
      ],
    },
  ];
}

/** The height the marking takes above its baseline and below it (for layouts). */
export function markingHeight(size: number): { above: number; below: number } {
  return { above: size * 1.05, below: size * 0.4 };
}

/**
 * The footer line: "case number — case title" at the left, "Ngày xuất dd/mm/yyyy · Trang n/N" at
 * the right, the left part shortened so that it leaves `keepClear` free around the centre (where a
 * slide's bottom marking stands).
 */
export function footerShapes(args: {
  meta: CaseMeta;
  texts: ExportTexts;
  date: Date;
  timeZone?: string | undefined;
  page: number;
  total: number;
  left: number;
  right: number;
  baseline: number;
  size: number;
  /** Half-width kept free on each side of the centre; 0: none. */
  keepClear?: number;
  /** A thin rule above the footer (board sheets); off on slides, where the marking stands. */
  rule?: boolean;
}): Shape[] {
  const { meta, texts, size } = args;
  const rightText = `${texts.exported} ${texts.formatDate(args.date, args.timeZone)} · ${texts.page(args.page, args.total)}`;
  const rightWidth = textWidth(rightText, size);
  const centre = (args.left + args.right) / 2;
  const leftRoom = args.keepClear
    ? centre - args.keepClear - args.left
    : args.right - args.left - rightWidth - size * 2;
  const caseLabel = [meta.caseNumber, meta.title].filter((s) => s.trim()).join(' — ');
  const shapes: Shape[] = [
    {
      kind: 'text',
      x: args.right,
      y: args.baseline,
      text: rightText,
      size,
      fill: FOOTER_GREY,
      anchor: 'end',
    },
  ];
  if (args.rule !== false)
    shapes.push({
      kind: 'path',
      d: `M${args.left} ${args.baseline - size * 1.4}L${args.right} ${args.baseline - size * 1.4}`,
      stroke: '#cbd5e1',
      strokeWidth: Math.max(0.5, size / 16),
    });
  if (caseLabel)
    shapes.push({
      kind: 'text',
      x: args.left,
      y: args.baseline,
      text: ellipsize(caseLabel, size, 400, Math.max(leftRoom, size * 4)),
      size,
      fill: FOOTER_GREY,
    });
  return [{ kind: 'group', id: 'footer', children: shapes }];
}

/**
 * The title block under a board: a framed table of case number, board title, date and author, two
 * cells a row, each a small grey label over its value.
 */
export function titleBlockShapes(args: {
  cells: ReadonlyArray<{ label: string; value: string }>;
  x: number;
  y: number;
  width: number;
  rowHeight: number;
}): Shape[] {
  const { x, y, width, rowHeight } = args;
  const columns = 2;
  const rows = Math.ceil(args.cells.length / columns);
  const cellWidth = width / columns;
  const labelSize = rowHeight * 0.27;
  const valueSize = rowHeight * 0.38;
  const shapes: Shape[] = [
    {
      kind: 'rect',
      x,
      y,
      width,
      height: rows * rowHeight,
      fill: '#ffffff',
      stroke: '#334155',
      strokeWidth: 0.75,
    },
  ];
  for (let r = 1; r < rows; r++)
    shapes.push(line(x, y + r * rowHeight, x + width, y + r * rowHeight));
  shapes.push(line(x + cellWidth, y, x + cellWidth, y + rows * rowHeight));
  args.cells.forEach((cell, i) => {
    const cx = x + (i % columns) * cellWidth + labelSize;
    const cy = y + Math.floor(i / columns) * rowHeight;
    const room = cellWidth - labelSize * 2;
    shapes.push(
      {
        kind: 'text',
        x: cx,
        y: cy + labelSize * 1.25,
        text: cell.label,
        size: labelSize,
        fill: '#64748b',
      },
      {
        kind: 'text',
        x: cx,
        y: cy + rowHeight - valueSize * 0.55,
        text: ellipsize(cell.value || '—', valueSize, 600, room),
        size: valueSize,
        weight: 600,
        fill: '#0f172a',
      },
    );
  });
  return [{ kind: 'group', id: 'title-block', children: shapes }];
}

function line(x1: number, y1: number, x2: number, y2: number): Shape {
  return { kind: 'path', d: `M${x1} ${y1}L${x2} ${y2}`, stroke: '#334155', strokeWidth: 0.5 };
}

/**
 * `picture` in `area`, scaled to fit and centred ('fit'), or at its own size at the area's corner
 * ('actual': a drawing to scale), its background behind it and clipped to it.
 */
export function placed(
  picture: Picture,
  area: { x: number; y: number; width: number; height: number },
  size: 'fit' | 'actual' = 'fit',
): Shape {
  const fit = size === 'fit' ? fitBox(picture.width, picture.height, area) : { ...area, scale: 1 };
  const children: Shape[] = [];
  if (picture.background)
    children.push({
      kind: 'rect',
      x: 0,
      y: 0,
      width: picture.width,
      height: picture.height,
      fill: picture.background,
    });
  children.push(...picture.shapes);
  return {
    kind: 'group',
    id: 'drawing',
    transform: [fit.scale, 0, 0, fit.scale, fit.x, fit.y],
    clip: { x: 0, y: 0, width: picture.width, height: picture.height },
    children,
  };
}
