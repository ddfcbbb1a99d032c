import type * as Y from 'yjs';
import type { Rect } from '../../render/board.ts';
import { blobsOf, type Picture, type Shape } from '../../render/picture.ts';
import type { RenderResources } from '../../render/resources.ts';
import { toSvg } from '../../render/svg.ts';
import { boardPicture } from './picture.ts';
import type { ExportContext } from './types.ts';

/**
 * A picture as a self-contained SVG: the web fonts embedded for browsers, the case-file pictures
 * and PDF pages it shows as data: URLs (pages as pictures, from `pdfPageImage` where the
 * surroundings can draw them).
 * @example const svg = await pictureSvg(await slidePicture(doc, slide, 0, 'vi'), resources)
 */
export async function pictureSvg(picture: Picture, resources: RenderResources): Promise<string> {
  const { images, pdfPages } = blobsOf(picture);
  const mimes = new Map<string, string>();
  const pages = new Set<string>();
  const visit = (shape: Shape): void => {
    if (shape.kind === 'image') mimes.set(shape.hash, shape.mime);
    else if (shape.kind === 'pdfPage') pages.add(`${shape.hash}#${shape.page}`);
    else if (shape.kind === 'group') shape.children.forEach(visit);
  };
  picture.shapes.forEach(visit);
  const imageUrls = new Map<string, string>();
  const pageUrls = new Map<string, string>();
  await Promise.all([
    ...[...images].map(async (hash) => {
      const bytes = await resources.blob(hash);
      if (bytes) imageUrls.set(hash, `data:${mimes.get(hash)};base64,${toBase64(bytes)}`);
    }),
    ...[...pages].map(async (key) => {
      const [hash, page] = key.split('#') as [string, string];
      if (!pdfPages.has(hash) || !resources.pdfPageImage) return;
      const url = await resources.pdfPageImage(hash, Number(page));
      if (url) pageUrls.set(key, url);
    }),
  ]);
  return toSvg(picture, {
    fontCss: await resources.fontCss(),
    images: imageUrls,
    pdfPages: pageUrls,
  });
}

/**
 * A board, or a frame of it, as a self-contained vector SVG.
 * @example const svg = await boardSvg(doc, boardId, {}, { resources, language: 'vi', date: new Date() })
 */
export async function boardSvg(
  doc: Y.Doc,
  boardId: string,
  options: { frame?: Rect | null },
  context: Pick<ExportContext, 'resources' | 'language'>,
): Promise<string> {
  const picture = await boardPicture(doc, boardId, {
    frame: options.frame ?? null,
    language: context.language,
  });
  return pictureSvg(picture, context.resources);
}

/** Bytes as base64, in the page and in Node alike (no Buffer in the page). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
