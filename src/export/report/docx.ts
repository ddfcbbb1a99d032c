import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type * as Y from 'yjs';
import { readMeta } from '../../core/doc.ts';
import type { Picture } from '../../render/picture.ts';
import { pictureSvg } from '../documents/svg.ts';
import { exportTexts } from '../documents/texts.ts';
import { checkCancelled, type ExportContext } from '../documents/types.ts';
import { reportFigures } from './figures.ts';
import { buildReport, type ReportBlock, type ReportModel } from './model.ts';

/**
 * The case report as a Word document (DOCX, the `docx` package): real Heading 1 and Heading 2
 * paragraphs (Word's navigation pane and table of contents find them), real tables with a header
 * row repeated over pages, editable text in Times New Roman (what procuracies use in Word; a
 * system without it substitutes a metric twin such as Liberation Serif, which has Vietnamese),
 * the classification marking in the page header and the case and page number in the footer.
 *
 * Figures are SVG (vector, editable in Word 2016 and later) with the PNG fallback the format
 * requires for programs that cannot read SVG in a document: LibreOffice 7.4, the version Debian 12
 * ships, draws the fallback. The PNG is made by `rasterise` (the server's: Debian's rsvg-convert);
 * without one the fallback is a blank picture of the figure's size and the SVG is still there.
 */

/** Makes a PNG of an SVG at `width` × `height` pixels, or null when it cannot. */
export type Rasterise = (svg: string, width: number, height: number) => Promise<Uint8Array | null>;

const FONT = 'Times New Roman';
/** Half-points: 13 pt body, as Nghị định 30/2020 sets for administrative documents. */
const BODY = 26;
const CELL = 22;
const MARKING_RED = 'DC2626';
/** The width a figure takes on the page, in pixels (96 dpi): A4 less 25 + 18 mm margins. */
const FIGURE_WIDTH = 620;
const FIGURE_MAX_HEIGHT = 760;

/** A blank white PNG of 1 × 1, the fallback when no rasteriser is at hand. */
const BLANK_PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

const run = (text: string, options: { bold?: boolean; color?: string; size?: number } = {}) =>
  new TextRun({ text: text.normalize('NFC'), font: FONT, ...options });

function tableOf(block: Extract<ReportBlock, { kind: 'table' }>): Table {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '64748B' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: (block.columns[i]!.width / total) * 100, type: WidthType.PERCENTAGE },
      borders,
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E2E8F0' } } : {}),
      children: (text ? text.split('\n') : ['']).map(
        (line) =>
          new Paragraph({
            spacing: { before: 20, after: 20 },
            children: [run(line, { bold: header, size: CELL })],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.columns.map((c, i) => cell(c.title, i, true)),
      }),
      ...block.rows.map(
        (row) => new TableRow({ children: row.map((text, i) => cell(text, i, false)) }),
      ),
    ],
  });
}

async function figureOf(
  picture: Picture | null,
  caption: string,
  missing: string,
  context: ExportContext,
  rasterise: Rasterise | undefined,
): Promise<Paragraph[]> {
  if (!picture)
    return [new Paragraph({ children: [run(`${caption}: ${missing}`, { color: '475569' })] })];
  const scale = Math.min(FIGURE_WIDTH / picture.width, FIGURE_MAX_HEIGHT / picture.height);
  const width = Math.max(1, Math.round(picture.width * scale));
  const height = Math.max(1, Math.round(picture.height * scale));
  const svg = await pictureSvg(picture, context.resources);
  const png = (await rasterise?.(svg, width * 2, height * 2)) ?? BLANK_PNG;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(svg),
          fallback: { type: 'png', data: png },
          transformation: { width, height },
          altText: { name: caption, description: caption, title: caption },
        }),
      ],
    }),
    new Paragraph({ style: 'Caption', alignment: AlignmentType.CENTER, children: [run(caption)] }),
  ];
}

function coverOf(model: ReportModel): Paragraph[] {
  const out: Paragraph[] = [];
  if (model.cover.procuracy)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(model.cover.procuracy.toUpperCase(), { bold: true })],
      }),
    );
  out.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { before: 2400, after: 600 },
      children: [run(model.cover.title, { bold: true, size: 40 })],
    }),
  );
  for (const { label, value } of model.cover.lines)
    out.push(
      new Paragraph({
        spacing: { after: 120 },
        indent: { left: 720 },
        children: [run(`${label}: `, { color: '475569' }), run(value, { bold: true })],
      }),
    );
  out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

/**
 * The case report as DOCX bytes.
 * @example const bytes = await reportDocx(doc, { resources, language: 'vi', date: new Date() })
 */
export async function reportDocx(
  doc: Y.Doc,
  context: ExportContext,
  options: { rasterise?: Rasterise; signal?: AbortSignal } = {},
): Promise<Uint8Array> {
  checkCancelled(options.signal);
  const model = buildReport(doc, context);
  const meta = readMeta(doc);
  const texts = exportTexts(context.language);
  const pictures = await reportFigures(doc, model, context.language);
  const children: Array<Paragraph | Table> = [...coverOf(model)];
  for (const block of model.blocks) {
    checkCancelled(options.signal);
    switch (block.kind) {
      case 'heading':
        children.push(
          new Paragraph({
            heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
            keepNext: true,
            children: [run(block.text)],
          }),
        );
        break;
      case 'paragraph':
        children.push(
          new Paragraph({
            spacing: { after: 120 },
            alignment: AlignmentType.JUSTIFIED,
            children: [run(block.text, block.tone === 'note' ? { color: '475569' } : {})],
          }),
        );
        break;
      case 'table':
        children.push(tableOf(block), new Paragraph({ children: [] }));
        break;
      case 'figure':
        children.push(
          ...(await figureOf(
            pictures.get(block.boardId) ?? null,
            block.caption,
            texts.missingBoard,
            context,
            options.rasterise,
          )),
        );
        break;
    }
  }
  const marking = model.cover.marking;
  const markingParagraph = () =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: marking ? [run(marking, { bold: true, color: MARKING_RED, size: 24 })] : [],
    });
  const caseLabel = [meta.caseNumber, meta.title].filter((s) => s.trim()).join(' — ');
  const document = new Document({
    creator: context.author?.normalize('NFC') || 'CaseBoard',
    title: model.title,
    subject: caseLabel,
    description: 'CaseBoard',
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY } },
        title: { run: { font: FONT, size: 40, bold: true, color: '000000' } },
        heading1: {
          run: { font: FONT, size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
        heading2: {
          run: { font: FONT, size: 26, bold: true, italics: false, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        caption: { run: { font: FONT, size: 22, italics: true, color: '334155' } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 1020 },
          },
        },
        headers: { default: new Header({ children: [markingParagraph()] }) },
        footers: {
          default: new Footer({
            children: [
              markingParagraph(),
              new Paragraph({
                children: [
                  run(
                    `${caseLabel}    ${texts.exported} ${texts.formatDate(context.date, context.timeZone)} · `,
                    {
                      size: 16,
                      color: '475569',
                    },
                  ),
                  new TextRun({
                    children: [PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES],
                    font: FONT,
                    size: 16,
                    color: '475569',
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
