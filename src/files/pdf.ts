import type * as PdfJs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { LruCache } from '../ui/lruCache.ts';

/**
 * pdf.js, bundled (its worker too) and loaded only when a PDF is first opened. Nothing is fetched
 * from another host: no CDN worker, no remote fonts, and no eval.
 */
function pdfjs(): Promise<typeof PdfJs> {
  // The module system loads each module once: later calls get the same library.
  return Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
}

/**
 * One PDF opened for a viewer: loaded on first use, and destroyed (its worker-side document, page
 * caches and pending loads with it) when the viewer closes. Opened again if used after that, so a
 * view that mounts twice (React's strict mode) still works.
 * @example const pdf = new PdfFile(url); await pdf.renderPage(1, 2); pdf.destroy();
 */
export class PdfFile {
  private task: PdfJs.PDFDocumentLoadingTask | null = null;
  private loading: Promise<PDFDocumentProxy> | null = null;

  constructor(readonly url: string) {}

  /** The document, opened once until `destroy`. */
  open(): Promise<PDFDocumentProxy> {
    if (!this.loading) {
      const loading = pdfjs().then((lib) => {
        if (this.loading !== loading) throw new Error('The PDF was closed.');
        this.task = lib.getDocument({
          url: this.url,
          isEvalSupported: false,
          withCredentials: true,
          // pdf.js's data ships with the page (see vite.config.ts): nothing comes from another host.
          standardFontDataUrl: '/pdfjs/standard_fonts/',
          cMapUrl: '/pdfjs/cmaps/',
          cMapPacked: true,
          wasmUrl: '/pdfjs/wasm/',
        });
        return this.task.promise;
      });
      // A failed load is not kept: the next use tries again.
      loading.catch(() => {
        if (this.loading === loading) this.loading = null;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  /**
   * Renders one page to a PNG data URL at `scale` (1 = 72 dpi); returns it with the page's size.
   * The marks layer draws over this image, and callouts crop it.
   */
  async renderPage(
    pageNumber: number,
    scale: number,
  ): Promise<{ src: string; width: number; height: number }> {
    const pdf = await this.open();
    const page = await pdf.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvas, viewport }).promise;
    page.cleanup();
    return {
      src: canvas.toDataURL('image/png'),
      width: viewport.width / scale,
      height: viewport.height / scale,
    };
  }

  /** Frees the document in pdf.js and its worker. */
  destroy(): void {
    const task = this.task;
    this.task = null;
    this.loading = null;
    void task?.destroy();
  }
}

/** Renders one page of a PDF opened for this alone, and closes it. */
export async function renderPage(
  url: string,
  pageNumber: number,
  scale: number,
): Promise<{ src: string; width: number; height: number }> {
  const pdf = new PdfFile(url);
  try {
    return await pdf.renderPage(pageNumber, scale);
  } finally {
    pdf.destroy();
  }
}

/** First pages of PDFs as small images, by URL (a file's URL names its content). */
const thumbnails = new LruCache<string, Promise<string>>(200);

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
