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
export { boardPdf, boardSheet } from './boardPdf.ts';
export { SceneTooLarge } from '../../boards/renderers.ts';
export { slidePicture, SLIDE_SIZE } from './slides.ts';
export { deckPdf } from './deckPdf.ts';
export { exportTexts, type ExportTexts } from './texts.ts';
