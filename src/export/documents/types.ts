import type { Rect } from '../../render/board.ts';
import type { RenderResources } from '../../render/resources.ts';

export type Paper = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

export interface ExportContext {
  resources: RenderResources;
  /** The language of the words exports add (footer, title block, legend): 'vi' or 'en'. */
  language: string;
  /** The date of export, printed in footers. */
  date: Date;
  /**
   * The time zone the date is written in (IANA name, e.g. 'Asia/Ho_Chi_Minh'); absent: the
   * machine's. The page leaves it out (the person's own zone); a server running in UTC gives it,
   * so that an export made at 6 am in Hà Nội is not dated the day before.
   */
  timeZone?: string;
  /** Who exports (the title block's author); may be empty. */
  author?: string;
}

export interface BoardPdfOptions {
  paper: Paper;
  orientation: Orientation;
  /** Only this rectangle of the board (a frame slide's); absent: the whole board. */
  frame?: Rect | null;
  /** Scenes: draw at 1:scale (metres on paper), over several pages if needed; absent: fit. */
  scale?: number | null;
  /** "Kèm ý kiến": an appendix listing the board's review notes (notesAppendix.ts); absent: none. */
  includeNotes?: boolean;
}

export interface DeckPdfOptions {
  /** A page per build step rather than per slide. */
  perStep: boolean;
  /** A notes page after each slide that has notes. */
  notes: boolean;
  /** Only these slides (ids), in deck order; absent: all. */
  slideIds?: readonly string[];
}

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

/** Throws `Cancelled` when `signal` has been aborted. */
export function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Cancelled();
}

/**
 * Lets the event loop run between pages, so that a long export keeps the page responsive and a
 * Cancel button's abort is seen.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
