import type * as Y from 'yjs';
import type { Slide } from '../../core/commands/deck.ts';
import { listFiles, type CaseFile } from '../../core/commands/files.ts';
import { slidePassage, statementHeading, type Passage } from '../../core/statements.ts';
import { fitBox } from '../../render/paper.ts';
import { ellipsize, wrapText } from '../../render/metrics.ts';
import type { Shape } from '../../render/picture.ts';
import type { ExportTexts } from './texts.ts';

type Area = { x: number; y: number; width: number; height: number };
type PageSize = (file: CaseFile, page: number) => Promise<{ width: number; height: number }>;

const GAP = 48;
const HEAD = 30;
const SUB = 22;
const QUOTE = 26;
const QUOTE_LINES = 4;

/**
 * The shapes of a statements slide (TrialDirector's side-by-side zones): two columns, each headed
 * by who gave the statement and when, then its record and BL pages, the passage quoted, and the
 * page region it was quoted from, as large as the column allows (the page cut to the region, as
 * callouts are drawn).
 */
export async function statementsSlideShapes(
  doc: Y.Doc,
  slide: Slide,
  area: Area,
  texts: ExportTexts,
  sizeOf: PageSize,
): Promise<Shape[]> {
  const files = listFiles(doc);
  const width = (area.width - GAP) / 2;
  const shapes: Shape[] = [];
  for (const [index, ref] of (slide.passages ?? []).entries()) {
    const column: Area = { ...area, x: area.x + index * (width + GAP), width };
    const found = slidePassage(doc, ref);
    if (!found) {
      shapes.push(...missingColumn(texts.missingPassage, column));
      continue;
    }
    const { statement, passage } = found;
    let y = column.y + HEAD;
    const text = (value: string, size: number, weight: 400 | 700, fill: string) => {
      shapes.push({ kind: 'text', x: column.x, y, text: value, size, weight, fill });
    };
    text(
      ellipsize(statementHeading(statement, texts.unknownPerson), HEAD, 700, width),
      HEAD,
      700,
      '#0f172a',
    );
    y += SUB + 12;
    const sub = [statement.name, statement.recordName, statement.pages].filter(Boolean).join(' · ');
    text(ellipsize(sub, SUB, 400, width), SUB, 400, '#475569');
    y += 14;
    const lines = wrapText(`“${passage.quote}”`, QUOTE, 400, width);
    for (const [i, line] of lines.slice(0, QUOTE_LINES).entries()) {
      y += QUOTE + 8;
      const last = i === QUOTE_LINES - 1 && lines.length > QUOTE_LINES;
      text(last ? ellipsize(`${line} …`, QUOTE, 400, width) : line, QUOTE, 400, '#1e293b');
    }
    y += 24;
    const file = passage.file ? files.find((f) => f.hash === passage.file) : undefined;
    const box: Area = { x: column.x, y, width, height: column.y + column.height - y };
    if (file && passage.page && box.height > 40)
      shapes.push(...(await regionShapes(file, passage, box, sizeOf)));
  }
  return shapes;
}

/** The page region of a passage (the whole page without one) fitted into `box`, framed. */
async function regionShapes(
  file: CaseFile,
  passage: Passage,
  box: Area,
  sizeOf: PageSize,
): Promise<Shape[]> {
  const page = passage.page ?? 1;
  const size = await sizeOf(file, page);
  const r = passage.region ?? { x: 0, y: 0, w: 1, h: 1 };
  const region = { w: r.w * size.width, h: r.h * size.height };
  // Centred across the column, right under the quote (as the screen shows it).
  const fit = { ...fitBox(region.w, region.h, box), y: box.y };
  // The page at the scale that makes the region fill `fit`, cut to the region.
  const scale = fit.scale;
  const pageBox = {
    x: fit.x - r.x * size.width * scale,
    y: fit.y - r.y * size.height * scale,
    width: size.width * scale,
    height: size.height * scale,
  };
  const pageShape: Shape =
    file.mime === 'application/pdf'
      ? { kind: 'pdfPage', ...pageBox, hash: file.hash, page }
      : { kind: 'image', ...pageBox, hash: file.hash, mime: file.mime };
  return [
    { kind: 'rect', x: fit.x, y: fit.y, width: fit.width, height: fit.height, fill: '#ffffff' },
    {
      kind: 'group',
      id: `passage-${passage.id}`,
      clip: { x: fit.x, y: fit.y, width: fit.width, height: fit.height },
      children: [pageShape],
    },
    {
      kind: 'rect',
      x: fit.x,
      y: fit.y,
      width: fit.width,
      height: fit.height,
      fill: 'none',
      stroke: '#2563eb',
      strokeWidth: 3,
    },
  ];
}

function missingColumn(message: string, area: Area): Shape[] {
  return [
    { kind: 'rect', ...area, fill: '#f1f5f9', stroke: '#cbd5e1', strokeWidth: 2, radius: 12 },
    {
      kind: 'text',
      x: area.x + area.width / 2,
      y: area.y + area.height / 2,
      text: ellipsize(message, 24, 400, area.width - 32),
      size: 24,
      fill: '#64748b',
      anchor: 'middle',
    },
  ];
}
