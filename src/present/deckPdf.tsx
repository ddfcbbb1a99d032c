import type * as Y from 'yjs';
import { positionsOf, type Slide } from '../core/commands/deck.ts';
import { readMeta } from '../core/doc.ts';
import { Marking } from './Marking.tsx';
import { SlideView } from './SlideView.tsx';
import { renderedPicture } from '../export/capture.ts';

/**
 * PDFs with pdf-lib: the deck (16:9 pages, one per slide or per build step, optional notes pages) and
 * a board on a sheet of paper with a title block. Pages are pictures of what the screen shows, so
 * Vietnamese text is exact whatever fonts the reader has.
 */

export interface Progress {
  done: number;
  total: number;
}

/** Thrown when the person cancels a long export. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

const SLIDE = { width: 1600, height: 900 };
const PAGE_16_9 = { width: 960, height: 540 };

export async function deckPdf(
  doc: Y.Doc,
  caseId: string,
  slides: readonly Slide[],
  options: { perStep: boolean; notes: boolean; notesTitle: string },
  onProgress: (p: Progress) => void,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(slides[0]?.title ?? 'CaseBoard');
  pdf.setCreator('CaseBoard');
  const pages: Array<{ slide: Slide; step: number }> = [];
  for (const slide of slides) {
    const steps = options.perStep ? positionsOf(slide) : 1;
    for (let step = 0; step < steps; step++)
      pages.push({ slide, step: options.perStep ? step : positionsOf(slide) - 1 });
  }
  // A classified case carries its marking on every page, slides and notes alike.
  const marking = <Marking classification={readMeta(doc).classification} />;
  const total = pages.length + (options.notes ? slides.length : 0);
  let done = 0;
  onProgress({ done, total });
  for (let i = 0; i < pages.length; i++) {
    if (signal.aborted) throw new Cancelled();
    const { slide, step } = pages[i]!;
    const picture = await renderedPicture(
      <div className="slide-print">
        <SlideView doc={doc} caseId={caseId} slide={slide} step={step} instant />
        {marking}
      </div>,
      SLIDE.width,
      SLIDE.height,
    );
    const image = await pdf.embedJpg(new Uint8Array(await picture.arrayBuffer()));
    const page = pdf.addPage([PAGE_16_9.width, PAGE_16_9.height]);
    page.drawImage(image, { x: 0, y: 0, width: PAGE_16_9.width, height: PAGE_16_9.height });
    onProgress({ done: ++done, total });
    // A slide's notes follow its last page.
    const last = i === pages.length - 1 || pages[i + 1]!.slide.id !== slide.id;
    if (options.notes && last) {
      if (signal.aborted) throw new Cancelled();
      const notes = await renderedPicture(
        <div className="pdf-page pdf-notes">
          <h1>{slide.title}</h1>
          <h2>{options.notesTitle}</h2>
          <p>{slide.notes}</p>
          {marking}
        </div>,
        SLIDE.width,
        SLIDE.height,
        50,
      );
      const notesImage = await pdf.embedJpg(new Uint8Array(await notes.arrayBuffer()));
      pdf
        .addPage([PAGE_16_9.width, PAGE_16_9.height])
        .drawImage(notesImage, { x: 0, y: 0, width: PAGE_16_9.width, height: PAGE_16_9.height });
      onProgress({ done: ++done, total });
    }
  }
  return pdf.save();
}
