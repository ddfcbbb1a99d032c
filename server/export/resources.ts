import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import {
  FONT_FILES,
  FONT_WEIGHTS,
  WEB_FONT_SUBSETS,
  webFontFile,
  type FontBytes,
  type FontWeight,
} from '../../src/render/fonts.ts';
import type { RenderResources } from '../../src/render/resources.ts';
import { svgFontCss } from '../../src/render/svg.ts';

const require = createRequire(import.meta.url);

let fonts: Promise<FontBytes> | null = null;
let fontCss: Promise<string> | null = null;

/** Be Vietnam Pro's TrueType files from node_modules, read once per process. */
export function nodeFonts(): Promise<FontBytes> {
  fonts ??= Promise.all(
    FONT_WEIGHTS.map(async (weight) => {
      const bytes = await readFile(require.resolve(FONT_FILES[weight]));
      return [weight, new Uint8Array(bytes)] as const;
    }),
  ).then((entries) => Object.fromEntries(entries) as FontBytes);
  fonts.catch(() => (fonts = null));
  return fonts;
}

/** The web fonts' @font-face rules (every weight and subset, as data: URLs), read once. */
export function nodeFontCss(): Promise<string> {
  fontCss ??= Promise.all(
    FONT_WEIGHTS.flatMap((weight: FontWeight) =>
      WEB_FONT_SUBSETS.map(async ({ subset, range }) => {
        const bytes = await readFile(require.resolve(webFontFile(weight, subset)));
        return { weight, range, base64: bytes.toString('base64') };
      }),
    ),
  ).then(svgFontCss);
  fontCss.catch(() => (fontCss = null));
  return fontCss;
}

/** Where the case file's bytes come from: the server's blob store, or a function (tests). */
export type BlobReader =
  | ((hash: string) => Promise<Uint8Array | null>)
  | { has(hash: string): Promise<boolean>; open(hash: string): Readable };

/**
 * What the export pipeline (src/export/documents) needs in Node: the case file's blobs (from the
 * server's `BlobStore`, or a function over a Map in tests) and the fonts from node_modules. PDF
 * pages are not drawn as pictures here (no pdf.js canvas in Node): SVGs exported by the server
 * show a framed blank box where a document page would be, while PDFs embed the page itself.
 * @example nodeResources(blobStore)
 * @example nodeResources(async (hash) => blobs.get(hash) ?? null)
 */
export function nodeResources(blobs: BlobReader): RenderResources {
  const blob =
    typeof blobs === 'function'
      ? blobs
      : async (hash: string): Promise<Uint8Array | null> => {
          if (!(await blobs.has(hash))) return null;
          const chunks: Buffer[] = [];
          for await (const chunk of blobs.open(hash)) chunks.push(Buffer.from(chunk as Uint8Array));
          return new Uint8Array(Buffer.concat(chunks));
        };
  return { blob, fonts: nodeFonts, fontCss: nodeFontCss };
}
