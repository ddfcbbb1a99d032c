/**
 * Exports drawn from the case document, without React or the DOM, shared by the page's export menus
 * and the server's export routes (server/http/exports.ts) and `npm run export`:
 * - `boardPicture`: a board or a frame of it, by its kind's renderer (boards/renderers.ts);
 * - `boardSvg`: that picture as self-contained vector SVG (`pictureSvg` for any picture);
 * - `boardPdf`: that picture on A4/A3 paper with the classification marking, the footer (case
 *   number and title, page number, date of export), the title block, and for scenes the scene's
 *   sheet (title block, scale bar, north arrow and legend);
 * - `deckPdf`: the deck, a vector page per slide (or per build step), document slides embedding
 *   their PDF page, notes pages on request;
 * - `slidePicture`: one slide at one build step (thumbnails, the hearing link's picture).
 * Text is embedded as Be Vietnam Pro subsets, selectable and searchable. The words the exports add
 * are in texts.ts (vi, en).
 */
import type { boardPdf as BoardPdf } from './boardPdf.ts';
import type { deckPdf as DeckPdf } from './deckPdf.ts';

export {
  Cancelled,
  type BoardPdfOptions,
  type DeckPdfOptions,
  type ExportContext,
  type Orientation,
  type Paper,
  type Progress,
} from './types.ts';
export { boardPicture, UnknownBoardKind } from './picture.ts';
export { boardSvg, pictureSvg } from './svg.ts';
export { SceneTooLarge } from '../../boards/renderers.ts';
export { slidePicture, SLIDE_SIZE } from './slides.ts';

export { exportTexts, type ExportTexts } from './texts.ts';

/**
 * The board's PDF (boardPdf.ts), its code (pdf-lib, fontkit) loaded on first use: a page that only
 * draws slide thumbnails never downloads it.
 */
export async function boardPdf(...args: Parameters<typeof BoardPdf>): Promise<Uint8Array> {
  return (await import('./boardPdf.ts')).boardPdf(...args);
}

/** The deck's PDF (deckPdf.ts), its code loaded on first use like `boardPdf`'s. */
export async function deckPdf(...args: Parameters<typeof DeckPdf>): Promise<Uint8Array> {
  return (await import('./deckPdf.ts')).deckPdf(...args);
}
