import type * as Y from 'yjs';
import { listSlides, positionsOf, type Slide } from '../../core/commands/deck.ts';
import { readMeta, type CaseMeta } from '../../core/doc.ts';
import { wrapText } from '../../render/metrics.ts';
import { DECK_PAGE } from '../../render/paper.ts';
import { drawPicture } from '../../render/pdf.ts';
import type { Picture, Shape } from '../../render/picture.ts';
import { footerShapes, markingShapes } from './chrome.ts';
import { createExportPdf } from './pdfFile.ts';
import {
  lastStep,
  slideMarkingHalfWidth,
  slidePicture,
  SLIDE_FOOT_BASELINE,
  SLIDE_SIZE,
} from './slides.ts';
import { exportTexts, type ExportTexts } from './texts.ts';
import {
  checkCancelled,
  nextTurn,
  type DeckPdfOptions,
  type ExportContext,
  type Progress,
} from './types.ts';

/** One page of the deck PDF: a slide at a step, or (part of) a slide's notes. */
type DeckPage =
  | { kind: 'slide'; slide: Slide; step: number }
  | { kind: 'notes'; slide: Slide; lines: string[]; part: number; parts: number };

/** Deck pages are slides scaled from 1600 units to 960 points. */
const SCALE = DECK_PAGE.width / SLIDE_SIZE.width;
const NOTES_SIZE = 13;
const NOTES_LEAD = NOTES_SIZE * 1.5;
const NOTES_TOP = 110;
const NOTES_BOTTOM = DECK_PAGE.height - 56;
const FOOTER_SIZE = 8;
const SIDE = 38;

/**
 * The deck as a vector PDF of 16:9 pages (960 × 540 pt): a page per slide (all its steps shown) or
 * per build step, document slides embedding their PDF page as a page, and a notes page after each
 * slide that has notes when asked. Every page carries the marking of a classified case (top and
 * bottom) and the footer. Reports progress per page; `signal` aborted → `Cancelled`.
 * @example const bytes = await deckPdf(doc, { perStep: false, notes: true }, context, setProgress, controller.signal)
 */
export async function deckPdf(
  doc: Y.Doc,
  options: DeckPdfOptions,
  context: ExportContext,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  checkCancelled(signal);
  const meta = readMeta(doc);
  const texts = exportTexts(context.language);
  const pages = planPages(doc, options);
  // A deck without slides still makes a readable file: one page naming the case.
  if (!pages.length)
    pages.push({
      kind: 'slide',
      slide: {
        id: '',
        order: '',
        kind: 'title',
        title: meta.title || meta.caseNumber,
        text: texts.emptyDeck,
        notes: '',
        steps: [],
        build: 'hide',
      },
      step: 0,
    });
  const { pdf, fonts } = await createExportPdf(context, {
    title: meta.title || meta.caseNumber,
    subject: [meta.caseNumber, meta.title].filter(Boolean).join(' — '),
  });
  const blobs = (hash: string) => context.resources.blob(hash);
  const keepClear = slideMarkingHalfWidth(doc, context.language) * SCALE;
  onProgress?.({ done: 0, total: pages.length });
  for (const [index, spec] of pages.entries()) {
    checkCancelled(signal);
    const footer = footerShapes({
      meta,
      texts,
      date: context.date,
      timeZone: context.timeZone,
      page: index + 1,
      total: pages.length,
      left: SIDE,
      right: DECK_PAGE.width - SIDE,
      baseline: SLIDE_FOOT_BASELINE * SCALE,
      size: FOOTER_SIZE,
      keepClear: keepClear || DECK_PAGE.width / 6,
      rule: false,
    });
    const picture =
      spec.kind === 'slide'
        ? await slidePage(doc, spec.slide, spec.step, context, footer)
        : notesPage(meta, texts, spec, footer);
    checkCancelled(signal);
    const page = pdf.addPage([DECK_PAGE.width, DECK_PAGE.height]);
    await drawPicture(
      pdf,
      page,
      picture,
      { x: 0, y: 0, width: DECK_PAGE.width, height: DECK_PAGE.height },
      fonts,
      blobs,
    );
    onProgress?.({ done: index + 1, total: pages.length });
    await nextTurn();
  }
  checkCancelled(signal);
  return pdf.save();
}

/** Every page in order: the slides (or their steps), each followed by its notes when asked. */
function planPages(doc: Y.Doc, options: DeckPdfOptions): DeckPage[] {
  const wanted = options.slideIds ? new Set(options.slideIds) : null;
  const slides = listSlides(doc).filter((s) => !wanted || wanted.has(s.id));
  const pages: DeckPage[] = [];
  const perPage = Math.floor((NOTES_BOTTOM - NOTES_TOP) / NOTES_LEAD);
  for (const slide of slides) {
    if (options.perStep && slide.kind === 'frame')
      for (let step = 0; step < positionsOf(slide); step++)
        pages.push({ kind: 'slide', slide, step });
    else pages.push({ kind: 'slide', slide, step: lastStep(slide) });
    if (!options.notes || !slide.notes.trim()) continue;
    const lines = wrapText(slide.notes, NOTES_SIZE, 400, DECK_PAGE.width - 2 * SIDE - 20);
    const parts = Math.ceil(lines.length / perPage);
    for (let part = 0; part < parts; part++)
      pages.push({
        kind: 'notes',
        slide,
        lines: lines.slice(part * perPage, (part + 1) * perPage),
        part,
        parts,
      });
  }
  return pages;
}

async function slidePage(
  doc: Y.Doc,
  slide: Slide,
  step: number,
  context: ExportContext,
  footer: Shape[],
): Promise<Picture> {
  const picture = await slidePicture(doc, slide, step, context.language, context.resources);
  const background = picture.background ?? '#ffffff';
  return {
    width: DECK_PAGE.width,
    height: DECK_PAGE.height,
    background,
    title: picture.title,
    shapes: [
      { kind: 'group', transform: [SCALE, 0, 0, SCALE, 0, 0], children: picture.shapes },
      ...(background === '#ffffff' ? footer : footer.map(lightText)),
    ],
  };
}

/** The footer's words on a dark slide (a title slide): light grey, readable on the deep blue. */
function lightText(shape: Shape): Shape {
  if (shape.kind === 'text') return { ...shape, fill: '#cbd5e1' };
  if (shape.kind === 'group') return { ...shape, children: shape.children.map(lightText) };
  return shape;
}

function notesPage(
  meta: CaseMeta,
  texts: ExportTexts,
  spec: Extract<DeckPage, { kind: 'notes' }>,
  footer: Shape[],
): Picture {
  const { width, height } = DECK_PAGE;
  const heading = [texts.notes, spec.slide.title].filter(Boolean).join(' — ');
  const shapes: Shape[] = [
    ...markingShapes(meta.classification, texts, width, 28, 15),
    {
      kind: 'text',
      x: SIDE,
      y: 82,
      text: spec.parts > 1 ? `${heading} (${spec.part + 1}/${spec.parts})` : heading,
      size: 20,
      weight: 700,
      fill: '#0f172a',
    },
    ...spec.lines.map((line, i): Shape => ({
      kind: 'text',
      x: SIDE + 10,
      y: NOTES_TOP + NOTES_SIZE + i * NOTES_LEAD,
      text: line,
      size: NOTES_SIZE,
      fill: '#1e293b',
    })),
    ...markingShapes(meta.classification, texts, width, SLIDE_FOOT_BASELINE * SCALE, 15),
    ...footer,
  ];
  return { width, height, background: '#ffffff', shapes, title: heading };
}
