import type { FontBytes } from './fonts.ts';

/**
 * What writing a picture needs from its surroundings, given by the page
 * (src/export/pageResources.ts: fetch from the server) or by Node (server/export/resources.ts: the
 * blob store and node_modules): the case file's blobs and the fonts.
 */
export interface RenderResources {
  /** The bytes of a case-file blob (an image, a PDF) by its hash; null when it is missing. */
  blob(hash: string): Promise<Uint8Array | null>;
  /** Be Vietnam Pro's TrueType files, embedded (as subsets) in PDFs. */
  fonts(): Promise<FontBytes>;
  /** @font-face rules with the web fonts as data: URLs, embedded in SVGs for browsers. */
  fontCss(): Promise<string>;
  /** A PNG data: URL of a PDF page, for SVG and PNG (the page draws it with pdf.js); absent: none. */
  pdfPageImage?(hash: string, page: number): Promise<string | null>;
}
