import { PDFDocument, type PDFEmbeddedPage, type PDFImage } from 'pdf-lib';
import { blobsOf, type Picture, type Shape } from './picture.ts';

/** The case file's blobs by hash (images, PDFs); null when missing. */
export type BlobSource = (hash: string) => Promise<Uint8Array | null>;

/** A case-file PDF page embedded as a form XObject, and how its PDF turns it for display. */
export interface EmbeddedPage {
  page: PDFEmbeddedPage;
  /** The page's /Rotate: 0, 90, 180 or 270 degrees clockwise. */
  rotation: number;
}

export interface Assets {
  images: Map<string, PDFImage | null>;
  pages: Map<string, EmbeddedPage | null>;
}

type Embedded = PDFImage | EmbeddedPage | PDFDocument | null;
const cache = new WeakMap<PDFDocument, Map<string, Promise<Embedded>>>();

/** Embeds the pictures and PDF pages `picture` draws (once per document, shared by its pages). */
export async function embedAssets(
  pdf: PDFDocument,
  picture: Picture,
  blobs: BlobSource,
): Promise<Assets> {
  let embedded = cache.get(pdf);
  if (!embedded) cache.set(pdf, (embedded = new Map()));
  const store = embedded;
  const once = <T extends Embedded>(key: string, make: () => Promise<T>): Promise<T | null> => {
    let found = store.get(key);
    // A blob that cannot be read or embedded is drawn as a grey box, not a failed export.
    if (!found) store.set(key, (found = make().catch(() => null)));
    return found as Promise<T | null>;
  };
  // A case-file PDF is parsed once however many of its pages are shown.
  const source = (hash: string) =>
    once(`pdf:${hash}`, async () => {
      const bytes = await blobs(hash);
      if (!bytes) throw new Error(`missing ${hash}`);
      return PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    });
  const images = new Map<string, PDFImage | null>();
  const pages = new Map<string, EmbeddedPage | null>();
  const wanted: Promise<void>[] = [];
  const visit = (shape: Shape): void => {
    if (shape.kind === 'group') shape.children.forEach(visit);
    else if (shape.kind === 'image') {
      wanted.push(
        once(`image:${shape.hash}`, async () => {
          const bytes = await blobs(shape.hash);
          if (!bytes) return null;
          if (isPng(bytes)) return pdf.embedPng(bytes);
          if (isJpeg(bytes)) return pdf.embedJpg(bytes);
          return null;
        }).then((image) => void images.set(shape.hash, image)),
      );
    } else if (shape.kind === 'pdfPage') {
      const key = `${shape.hash}#${shape.page}`;
      wanted.push(
        once(key, async (): Promise<EmbeddedPage | null> => {
          const doc = await source(shape.hash);
          const found = doc?.getPages()[shape.page - 1];
          if (!found) return null;
          const rotation = (((found.getRotation().angle % 360) + 360) % 360) as number;
          return { page: await pdf.embedPage(found), rotation };
        }).then((p) => void pages.set(key, p)),
      );
    }
  };
  const { images: imageHashes, pdfPages } = blobsOf(picture);
  if (imageHashes.size || pdfPages.size) picture.shapes.forEach(visit);
  await Promise.all(wanted);
  return { images, pages };
}

const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8;
