import type * as Y from 'yjs';
import { positionsOf, waitingAt, type Slide } from '../../core/commands/deck.ts';
import { listFiles, listMarks, type CaseFile } from '../../core/commands/files.ts';
import { readMeta } from '../../core/doc.ts';
import type { Box } from '../../core/callout.ts';
import { fitBox } from '../../render/paper.ts';
import { textWidth, wrapText, ellipsize } from '../../render/metrics.ts';
import type { Picture, Shape } from '../../render/picture.ts';
import type { RenderResources } from '../../render/resources.ts';
import { markingShapes, placed } from './chrome.ts';
import { markShapes } from './marks.ts';
import { statementsSlideShapes } from './statementsSlide.ts';
import { boardPicture } from './picture.ts';
import { exportTexts, markingWord, type ExportTexts } from './texts.ts';

/** A slide's size in units: 16:9, the size the hearing link's picture has always had. */
export const SLIDE_SIZE = { width: 1600, height: 900 } as const;

const PAD = 64;
const MARKING_SIZE = 26;
const MARKING_BASELINE = 46;
/** The marking's baseline at the foot of a slide; a deck page's footer shares the line. */
export const SLIDE_FOOT_BASELINE = SLIDE_SIZE.height - 22;
const TITLE_SIZE = 44;

/**
 * One slide at one build step as a 1600 × 900 picture, drawn as present/SlideView.tsx shows it: a
 * title slide's title and text; a frame slide's board through its frame (nodes of later steps
 * hidden or dimmed) under the slide's title; a document slide's page (a PDF page, or a scan) with
 * its marks and callouts; and the marking at the top and bottom of a classified case. With
 * `resources`, a document page keeps its own proportions (read from the file); without, A4.
 * @example const picture = await slidePicture(doc, slide, 0, 'vi', resources)
 */
export async function slidePicture(
  doc: Y.Doc,
  slide: Slide,
  step: number,
  language: string,
  resources?: Pick<RenderResources, 'blob'>,
): Promise<Picture> {
  const texts = exportTexts(language);
  const { classification } = readMeta(doc);
  const { width, height } = SLIDE_SIZE;
  const marked = markingWord(texts, classification) !== null;
  const shapes: Shape[] = [];
  let top = marked ? MARKING_BASELINE + 24 : PAD / 2;
  // Room at the foot for the marking and, on a deck page, the footer beside it.
  const bottom = height - 76;
  if (slide.kind !== 'title' && slide.title.trim()) {
    const baseline = top + TITLE_SIZE;
    shapes.push({
      kind: 'text',
      x: PAD,
      y: baseline,
      text: ellipsize(slide.title, TITLE_SIZE, 700, width - 2 * PAD),
      size: TITLE_SIZE,
      weight: 700,
      fill: '#0f172a',
    });
    top = baseline + 24;
  }
  const area = { x: PAD, y: top, width: width - 2 * PAD, height: bottom - top };
  if (slide.kind === 'title') shapes.push(...titleSlide(slide, area));
  else if (slide.kind === 'frame')
    shapes.push(...(await frameSlide(doc, slide, step, language, area, texts)));
  else if (slide.kind === 'statements')
    shapes.push(
      ...(await statementsSlideShapes(
        doc,
        slide,
        area,
        texts,
        async (file, page) =>
          (resources && (await pageSize(file, page, resources))) ?? defaultSize(file),
      )),
    );
  else shapes.push(...(await documentSlide(doc, slide, area, texts, resources)));
  shapes.push(
    ...markingShapes(classification, texts, width, MARKING_BASELINE, MARKING_SIZE),
    ...markingShapes(classification, texts, width, SLIDE_FOOT_BASELINE, MARKING_SIZE),
  );
  // A title slide looks as it does on the courtroom screen (present.css `.slide--title`): white on
  // the deep blue, so that its thumbnail, the hearing picture and the PDF page all match the screen.
  const background = slide.kind === 'title' ? TITLE_BACKGROUND : '#ffffff';
  return { width, height, background, shapes, title: slide.title };
}

const TITLE_BACKGROUND = '#0b2545';

/** The last step of a slide: everything shown. */
export function lastStep(slide: Slide): number {
  return positionsOf(slide) - 1;
}

type Area = { x: number; y: number; width: number; height: number };

function titleSlide(slide: Slide, area: Area): Shape[] {
  const titleSize = 64;
  const textSize = 30;
  const title = wrapText(slide.title, titleSize, 700, area.width - 2 * PAD).slice(0, 4);
  const body = slide.text
    ? wrapText(slide.text, textSize, 400, area.width - 4 * PAD).slice(0, 8)
    : [];
  const titleLead = titleSize * 1.25;
  const textLead = textSize * 1.45;
  const blockHeight = title.length * titleLead + (body.length ? 32 + body.length * textLead : 0);
  let y = area.y + (area.height - blockHeight) / 2 + titleSize;
  const centre = area.x + area.width / 2;
  const shapes: Shape[] = [];
  for (const line of title) {
    shapes.push({
      kind: 'text',
      x: centre,
      y,
      text: line,
      size: titleSize,
      weight: 700,
      fill: '#ffffff',
      anchor: 'middle',
    });
    y += titleLead;
  }
  y += 32 - titleLead + textLead;
  for (const line of body) {
    shapes.push({
      kind: 'text',
      x: centre,
      y,
      text: line,
      size: textSize,
      fill: '#e2e8f0',
      anchor: 'middle',
    });
    y += textLead;
  }
  return shapes;
}

async function frameSlide(
  doc: Y.Doc,
  slide: Slide,
  step: number,
  language: string,
  area: Area,
  texts: ExportTexts,
): Promise<Shape[]> {
  if (!slide.boardId || !slide.frame) return missing(texts.missingBoard, area);
  try {
    const picture = await boardPicture(doc, slide.boardId, {
      frame: slide.frame,
      waiting: waitingAt(slide, step),
      dim: slide.build === 'dim',
      language,
    });
    return [placed(picture, area)];
  } catch {
    return missing(texts.missingBoard, area);
  }
}

async function documentSlide(
  doc: Y.Doc,
  slide: Slide,
  area: Area,
  texts: ExportTexts,
  resources: Pick<RenderResources, 'blob'> | undefined,
): Promise<Shape[]> {
  const file = listFiles(doc).find((f) => f.hash === slide.file);
  if (!file) return missing(texts.missingFile, area);
  const pageNumber = slide.page ?? 1;
  const size = (resources && (await pageSize(file, pageNumber, resources))) ?? defaultSize(file);
  const fit = fitBox(size.width, size.height, area);
  const box: Box = { x: fit.x, y: fit.y, w: fit.width, h: fit.height };
  const pageShape: Shape =
    file.mime === 'application/pdf'
      ? {
          kind: 'pdfPage',
          x: box.x,
          y: box.y,
          width: box.w,
          height: box.h,
          hash: file.hash,
          page: pageNumber,
        }
      : {
          kind: 'image',
          x: box.x,
          y: box.y,
          width: box.w,
          height: box.h,
          hash: file.hash,
          mime: file.mime,
        };
  return [
    { kind: 'rect', x: box.x, y: box.y, width: box.w, height: box.h, fill: '#ffffff' },
    pageShape,
    {
      kind: 'rect',
      x: box.x,
      y: box.y,
      width: box.w,
      height: box.h,
      fill: 'none',
      stroke: '#cbd5e1',
      strokeWidth: 1.5,
    },
    ...markShapes(listMarks(doc, file.hash, pageNumber), box, pageShape),
  ];
}

function missing(message: string, area: Area): Shape[] {
  return [
    { kind: 'rect', ...area, fill: '#f1f5f9', stroke: '#cbd5e1', strokeWidth: 2, radius: 12 },
    {
      kind: 'text',
      x: area.x + area.width / 2,
      y: area.y + area.height / 2 + 10,
      text: message,
      size: 28,
      fill: '#64748b',
      anchor: 'middle',
    },
  ];
}

/** Without the file's bytes: a PDF page is taken for A4 portrait, a scan for 4:3. */
function defaultSize(file: CaseFile): { width: number; height: number } {
  return file.mime === 'application/pdf' ? { width: 595, height: 842 } : { width: 4, height: 3 };
}

/** Page sizes by file hash and page (a hash names its bytes for ever, so they never go stale). */
const sizes = new Map<string, { width: number; height: number } | null>();

/** The size of a page of a case-file PDF (points) or of a picture (pixels); null if unreadable. */
async function pageSize(
  file: CaseFile,
  page: number,
  resources: Pick<RenderResources, 'blob'>,
): Promise<{ width: number; height: number } | null> {
  const key = `${file.hash}#${page}`;
  if (sizes.has(key)) return sizes.get(key) ?? null;
  let size: { width: number; height: number } | null = null;
  try {
    const bytes = await resources.blob(file.hash);
    if (bytes && file.mime === 'application/pdf') {
      // pdf-lib only when a slide shows a PDF page: thumbnails of other slides never load it.
      const { PDFDocument } = await import('pdf-lib');
      const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
      const found = pdf.getPages()[page - 1];
      // A page turned by /Rotate shows (and is embedded) turned: its width and height swap.
      const turned = found && found.getRotation().angle % 180 !== 0;
      const own = found?.getSize();
      size = own ? (turned ? { width: own.height, height: own.width } : own) : null;
    } else if (bytes) size = imageSize(bytes);
  } catch {
    size = null;
  }
  if (sizes.size > 1000) sizes.clear();
  sizes.set(key, size);
  return size;
}

/** A PNG's or JPEG's pixel size from its header; null for others. */
export function imageSize(b: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50)
    return { width: view.getUint32(16), height: view.getUint32(20) };
  if (b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      const length = view.getUint16(i + 2);
      // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
        return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
      i += 2 + length;
    }
  }
  return null;
}

/** Width of a slide's marking, for a footer that must leave it clear. */
export function slideMarkingHalfWidth(doc: Y.Doc, language: string): number {
  const { classification } = readMeta(doc);
  const word = markingWord(exportTexts(language), classification);
  if (!word) return 0;
  return textWidth(word, MARKING_SIZE, 700) / 2 + MARKING_SIZE;
}
