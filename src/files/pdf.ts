import type * as PdfJs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';

/**
 * pdf.js, bundled (its worker too) and loaded only when a PDF is first opened. Nothing is fetched
 * from another host: no CDN worker, no remote fonts, and no eval.
 */
let loaded: Promise<typeof PdfJs> | null = null;

function pdfjs(): Promise<typeof PdfJs> {
  loaded ??= Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return loaded;
}

const documents = new Map<string, Promise<PDFDocumentProxy>>();

/** Opens a PDF by URL, once per URL for the page's lifetime. */
export function openPdf(url: string): Promise<PDFDocumentProxy> {
  let doc = documents.get(url);
  if (!doc) {
    doc = pdfjs().then(
      (lib) =>
        lib.getDocument({
          url,
          isEvalSupported: false,
          withCredentials: true,
          // pdf.js's data ships with the page (see vite.config.ts): nothing comes from another host.
          standardFontDataUrl: '/pdfjs/standard_fonts/',
          cMapUrl: '/pdfjs/cmaps/',
          cMapPacked: true,
          wasmUrl: '/pdfjs/wasm/',
        }).promise,
    );
    doc.catch(() => documents.delete(url));
    documents.set(url, doc);
  }
  return doc;
}

/**
 * Renders one page to a PNG data URL at `scale` (1 = 72 dpi); returns it with the page's size.
 * The marks layer draws over this image, and callouts crop it.
 */
export async function renderPage(
  url: string,
  pageNumber: number,
  scale: number,
): Promise<{ src: string; width: number; height: number }> {
  const pdf = await openPdf(url);
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  await page.render({ canvas, viewport }).promise;
  return {
    src: canvas.toDataURL('image/png'),
    width: viewport.width / scale,
    height: viewport.height / scale,
  };
}

const thumbnails = new Map<string, Promise<string>>();

/** A small image of a PDF's first page, cached per URL. */
export function pdfThumbnail(url: string): Promise<string> {
  let thumb = thumbnails.get(url);
  if (!thumb) {
    thumb = renderPage(url, 1, 0.3).then((r) => r.src);
    thumb.catch(() => thumbnails.delete(url));
    thumbnails.set(url, thumb);
  }
  return thumb;
}
