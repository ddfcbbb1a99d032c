import type * as Y from 'yjs';
import type { Slide } from '../../core/commands/deck.ts';
import type { Rect, RenderOptions } from '../../render/board.ts';
import type { Picture } from '../../render/picture.ts';
import type { RenderResources } from '../../render/resources.ts';

/**
 * Exports drawn from the case document, without React or the DOM, shared by the page's export menus
 * and the server's export routes (server/http/exports.ts) and `npm run export`:
 * - `boardPicture`: a board or a frame of it, by its kind's renderer (boards/renderers.ts);
 * - `boardSvg`: that picture as self-contained vector SVG;
 * - `boardPdf`: that picture on A4/A3 paper with the classification marking, the footer (case
 *   number and title, page number, date of export), and for scenes the title block, scale bar,
 *   north arrow and legend;
 * - `deckPdf`: the deck, a vector page per slide (or per build step), document slides embedding
 *   their PDF page, notes pages on request;
 * - `slidePicture`: one slide at one build step (thumbnails, the hearing link's picture).
 * Text is embedded as Be Vietnam Pro subsets, selectable and searchable.
 */

export type Paper = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

export interface ExportContext {
  resources: RenderResources;
  /** The language of the words exports add (footer, title block, legend): 'vi' or 'en'. */
  language: string;
  /** The date of export, printed in footers. */
  date: Date;
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
}

export interface DeckPdfOptions {
  /** A page per build step rather than per slide. */
  perStep: boolean;
  /** A notes page after each slide. */
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

export async function boardPicture(
  _doc: Y.Doc,
  _boardId: string,
  _options: RenderOptions,
): Promise<Picture> {
  throw new Error('not yet');
}

export async function boardSvg(
  _doc: Y.Doc,
  _boardId: string,
  _options: { frame?: Rect | null },
  _context: ExportContext,
): Promise<string> {
  throw new Error('not yet');
}

export async function boardPdf(
  _doc: Y.Doc,
  _boardId: string,
  _options: BoardPdfOptions,
  _context: ExportContext,
  _onProgress?: (p: Progress) => void,
  _signal?: AbortSignal,
): Promise<Uint8Array> {
  throw new Error('not yet');
}

export async function deckPdf(
  _doc: Y.Doc,
  _options: DeckPdfOptions,
  _context: ExportContext,
  _onProgress?: (p: Progress) => void,
  _signal?: AbortSignal,
): Promise<Uint8Array> {
  throw new Error('not yet');
}

export async function slidePicture(
  _doc: Y.Doc,
  _slide: Slide,
  _step: number,
  _language: string,
): Promise<Picture> {
  throw new Error('not yet');
}
