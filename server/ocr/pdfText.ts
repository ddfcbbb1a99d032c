import {
  convertLegacy,
  fixLegacyText,
  restoreTcvn3SoftHyphens,
} from '../../src/core/legacyText.ts';
import type { PageWord } from './textSearch.ts';

/** One page of a PDF's own text layer, as read by pdf.js. */
export interface PdfTextPage {
  page: number;
  /** Pages in the file. */
  count: number;
  words: PageWord[];
  /** The old encoding the text layer was in and was converted from (TCVN3, VNI), if any. */
  encoding: 'tcvn3' | 'vni' | null;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  hasEOL?: boolean;
}

/**
 * Reads every page's text layer with its word positions, calling `onPage` page by page. Each
 * piece of text is converted from TCVN3 or VNI when it is in one (`fixLegacyText`); a word's box
 * is its share of its piece's width, as fractions of the page.
 */
export async function readPdfText(
  bytes: Uint8Array,
  onPage: (page: PdfTextPage) => void,
): Promise<void> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const words: PageWord[] = [];
      let encoding: PdfTextPage['encoding'] = null;
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextItem;
        let fixed = fixLegacyText(item.str);
        // TCVN3's "ư" (byte 0xAD, a soft hyphen) comes out of pdf.js as a space or a hyphen.
        if (fixed.encoding === 'tcvn3')
          fixed = {
            text: convertLegacy(restoreTcvn3SoftHyphens(item.str), 'tcvn3'),
            encoding: 'tcvn3',
          };
        if (fixed.encoding) encoding = fixed.encoding;
        const str = fixed.text.normalize('NFC');
        const t = pdfjs.Util.transform(viewport.transform, item.transform);
        const height = Math.hypot(t[2]!, t[3]!);
        const left = t[4]!;
        const top = t[5]! - height;
        const width = item.width * viewport.scale;
        const perChar = str.length > 0 ? width / str.length : 0;
        for (const match of str.matchAll(/\S+/gu)) {
          words.push({
            text: match[0],
            x: clamp(left + match.index * perChar, viewport.width),
            y: clamp(top, viewport.height),
            w: clamp(match[0].length * perChar, viewport.width),
            h: clamp(height, viewport.height),
          });
        }
        const last = words.at(-1);
        if (item.hasEOL && last) last.eol = true;
      }
      onPage({ page: n, count: pdf.numPages, words, encoding });
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
}

const clamp = (value: number, size: number) =>
  size > 0 ? Math.min(1, Math.max(0, value / size)) : 0;
