import regular from '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf?url';
import semiBold from '@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf?url';
import bold from '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf?url';
import vi400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2?url';
import vi600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-600-normal.woff2?url';
import vi700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-700-normal.woff2?url';
import ext400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-400-normal.woff2?url';
import ext600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-600-normal.woff2?url';
import ext700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-700-normal.woff2?url';
import latin400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2?url';
import latin600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-600-normal.woff2?url';
import latin700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-700-normal.woff2?url';
import { fileUrl } from '../files/api.ts';
import {
  FONT_WEIGHTS,
  WEB_FONT_SUBSETS,
  type FontBytes,
  type FontWeight,
} from '../render/fonts.ts';
import type { RenderResources } from '../render/resources.ts';
import { svgFontCss } from '../render/svg.ts';
import { LruCache } from '../ui/lruCache.ts';
import { toBase64 } from './documents/svg.ts';

/**
 * What exports need in the page (`RenderResources`), fetched from this origin only, on first use,
 * and kept: the case file's blobs from the server (the session cookie authorises them), Be Vietnam
 * Pro's TrueType files and web fonts from the page's own bundle (Vite `?url` assets, the same files
 * `src/render/fonts.ts` names as package paths), and pictures of PDF pages drawn with pdf.js as the
 * file viewer draws them. The page's CSP allows all of it: `connect-src 'self'` for the fetches,
 * `img-src data: blob:` for the pictures made from them.
 */

/** The TrueType files by weight, as URLs of the page's own assets (FONT_FILES in render/fonts.ts). */
const TTF_URLS: Record<FontWeight, string> = { 400: regular, 600: semiBold, 700: bold };

/** The web fonts by subset and weight (WEB_FONT_SUBSETS, webFontFile in render/fonts.ts). */
const WOFF2_URLS: Record<string, Record<FontWeight, string>> = {
  vietnamese: { 400: vi400, 600: vi600, 700: vi700 },
  'latin-ext': { 400: ext400, 600: ext600, 700: ext700 },
  latin: { 400: latin400, 600: latin600, 700: latin700 },
};

/** How sharp a PDF page is drawn for SVG and PNG (1 = 72 dpi). */
const PDF_PAGE_SCALE = 2;

/** A font the export needs could not be fetched (offline before it was ever loaded, a server away). */
export class ResourceError extends Error {
  constructor(readonly url: string) {
    super(`could not fetch ${url}`);
  }
}

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { credentials: 'same-origin' }).catch(() => null);
  if (!response?.ok) throw new ResourceError(url);
  return new Uint8Array(await response.arrayBuffer());
}

/** A failed load is not kept: the next export tries again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    if (!loading) {
      const started = load();
      started.catch(() => {
        if (loading === started) loading = null;
      });
      loading = started;
    }
    return loading;
  };
}

const fonts = once(async (): Promise<FontBytes> => {
  const [w400, w600, w700] = await Promise.all(FONT_WEIGHTS.map((w) => bytesOf(TTF_URLS[w])));
  return { 400: w400!, 600: w600!, 700: w700! };
});

const fontCss = once(async (): Promise<string> => {
  const files = await Promise.all(
    WEB_FONT_SUBSETS.flatMap(({ subset, range }) =>
      FONT_WEIGHTS.map(async (weight) => ({
        weight,
        range,
        base64: toBase64(await bytesOf(WOFF2_URLS[subset]![weight])),
      })),
    ),
  );
  return svgFontCss(files);
});

/** Blobs and PDF pages of all cases, by URL (a blob's URL names its content): a few at a time. */
const blobs = new LruCache<string, Promise<Uint8Array | null>>(24);
const pdfPages = new LruCache<string, Promise<string | null>>(24);

/**
 * The resources of one case's exports in the page.
 * @example await boardSvg(doc, boardId, {}, { resources: pageResources(caseId), language, date });
 */
export function pageResources(caseId: string): RenderResources {
  return {
    blob(hash) {
      const url = fileUrl(caseId, hash);
      let loading = blobs.get(url);
      if (!loading) {
        // A missing file draws as missing; a failed fetch is tried again by the next export.
        loading = fetch(url, { credentials: 'same-origin' }).then(
          async (response) => (response.ok ? new Uint8Array(await response.arrayBuffer()) : null),
          () => {
            throw new ResourceError(url);
          },
        );
        loading.then(
          (bytes) => bytes ?? blobs.delete(url),
          () => blobs.delete(url),
        );
        blobs.set(url, loading);
      }
      return loading;
    },
    fonts,
    fontCss,
    pdfPageImage(hash, page) {
      const key = `${fileUrl(caseId, hash)}#${page}`;
      let drawing = pdfPages.get(key);
      if (!drawing) {
        drawing = import('../files/pdf.ts')
          .then(({ renderPage }) => renderPage(fileUrl(caseId, hash), page, PDF_PAGE_SCALE))
          .then(
            (drawn) => drawn.src,
            () => null,
          );
        drawing.then(
          (src) => src ?? pdfPages.delete(key),
          () => pdfPages.delete(key),
        );
        pdfPages.set(key, drawing);
      }
      return drawing;
    },
  };
}
