import fontkit from '@pdf-lib/fontkit';
import {
  appendBezierCurve,
  beginText,
  clip,
  closePath,
  concatTransformationMatrix,
  drawObject,
  endPath,
  endText,
  fill,
  fillAndStroke,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setDashPattern,
  setFillingRgbColor,
  setFontAndSize,
  setGraphicsState,
  setLineCap,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
  LineCapStyle,
  LineJoinStyle,
  PDFDocument,
  type PDFEmbeddedPage,
  type PDFFont,
  type PDFImage,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { FONT_WEIGHTS, type FontBytes, type FontWeight } from './fonts.ts';
import { fitBox } from './paper.ts';
import { blobsOf, type Paint, type Picture, type Shape } from './picture.ts';

/**
 * A `Picture` drawn on a PDF page with pdf-lib's own operators: vector paths, text in the embedded
 * Be Vietnam Pro subsets (selectable, searchable, copied with its diacritics through the fonts'
 * ToUnicode maps), pictures at their full resolution and case-file PDF pages embedded as pages
 * (form XObjects), not pictures of them. The same shapes as `svg.ts` writes, drawn the same way.
 */

/** The embedded weights of Be Vietnam Pro in one PDF. */
export type PdfFonts = Record<FontWeight, PDFFont>;

/** The case file's blobs by hash (images, PDFs); null when missing. */
export type BlobSource = (hash: string) => Promise<Uint8Array | null>;

export interface PdfBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Embeds the three weights as subsets. Ligatures and kerning are off so that each character is one
 * glyph of its own advance width: what `render/metrics.ts` measured the layout with, and what text
 * extraction maps back one to one. The subset tag (`ABCDEF+`) tells readers it is a subset.
 * @example const fonts = await embedFonts(pdf, await resources.fonts())
 */
export async function embedFonts(pdf: PDFDocument, bytes: FontBytes): Promise<PdfFonts> {
  pdf.registerFontkit(fontkit);
  const names: Record<FontWeight, string> = {
    400: 'BeVietnamPro-Regular',
    600: 'BeVietnamPro-SemiBold',
    700: 'BeVietnamPro-Bold',
  };
  const entries = await Promise.all(
    FONT_WEIGHTS.map(async (weight, index) => {
      const font = await pdf.embedFont(bytes[weight], {
        subset: true,
        customName: `${subsetTag(index)}+${names[weight]}`,
        features: { liga: false, clig: false, dlig: false, kern: false },
      });
      return [weight, font] as const;
    }),
  );
  return Object.fromEntries(entries) as PdfFonts;
}

/** Six capitals, distinct per weight (the PDF reference asks only that subsets differ). */
function subsetTag(index: number): string {
  return Array.from('CBOARD', (ch, i) =>
    String.fromCharCode(65 + ((ch.charCodeAt(0) - 65 + index * (i + 1)) % 26)),
  ).join('');
}

/**
 * Draws `picture` into `box` (PDF points, y up) of `page`, scaled to fit and centred, keeping its
 * proportions. Images and PDF pages it shows are read with `blobs` and embedded once per document.
 * @example await drawPicture(pdf, page, picture, { x: 0, y: 0, width: 960, height: 540 }, fonts, blob)
 */
export async function drawPicture(
  pdf: PDFDocument,
  page: PDFPage,
  picture: Picture,
  box: PdfBox,
  fonts: PdfFonts,
  blobs: BlobSource,
): Promise<void> {
  const assets = await embedAssets(pdf, picture, blobs);
  const fit = fitBox(picture.width, picture.height, box);
  const painter = new Painter(page, fonts, assets);
  const ops = painter.ops;
  ops.push(
    pushGraphicsState(),
    // Picture units (y down) to the box (y up): one matrix, so shapes keep their own numbers.
    concatTransformationMatrix(fit.scale, 0, 0, -fit.scale, fit.x, fit.y + fit.height),
  );
  if (picture.background) {
    ops.push(...fillColour(picture.background), rectangle(0, 0, picture.width, picture.height));
    ops.push(fill());
  }
  for (const shape of picture.shapes) painter.shape(shape, 1);
  ops.push(popGraphicsState());
  page.pushOperators(...ops);
}

/** A case-file PDF page embedded as a form XObject, and how its PDF turns it for display. */
interface EmbeddedPage {
  page: PDFEmbeddedPage;
  /** The page's /Rotate: 0, 90, 180 or 270 degrees clockwise. */
  rotation: number;
}

interface Assets {
  images: Map<string, PDFImage | null>;
  pages: Map<string, EmbeddedPage | null>;
}

type Embedded = PDFImage | EmbeddedPage | PDFDocument | null;
const cache = new WeakMap<PDFDocument, Map<string, Promise<Embedded>>>();

/** Embeds the pictures and PDF pages `picture` draws (once per document, shared by its pages). */
async function embedAssets(pdf: PDFDocument, picture: Picture, blobs: BlobSource): Promise<Assets> {
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

/** The bézier constant of a quarter circle. */
const KAPPA = 0.5522847498;

/** Writes shapes as operators, tracking the resources (fonts, XObjects, opacity) they name. */
class Painter {
  readonly ops: PDFOperator[] = [];
  private readonly fontKeys = new Map<FontWeight, PDFName>();
  private readonly alphaKeys = new Map<number, PDFName>();
  private xObjects = 0;

  constructor(
    private readonly page: PDFPage,
    private readonly fonts: PdfFonts,
    private readonly assets: Assets,
  ) {}

  /** Draws one shape; `alpha` is the opacity of the groups around it (PDF's is not nested). */
  shape(shape: Shape, alpha: number): void {
    switch (shape.kind) {
      case 'rect':
        return this.painted(shape, alpha, () => this.rectPath(shape));
      case 'ellipse':
        return this.painted(shape, alpha, () =>
          this.ellipsePath(shape.cx, shape.cy, shape.rx, shape.ry),
        );
      case 'path':
        return this.painted(
          shape,
          alpha,
          () => this.ops.push(...pathOperators(shape.d)),
          shape.lineCap,
          shape.lineJoin,
        );
      case 'text':
        return this.text(shape, alpha);
      case 'image':
        return this.image(shape, alpha);
      case 'pdfPage':
        return this.pdfPage(shape);
      case 'group':
        return this.group(shape, alpha);
    }
  }

  private group(shape: Extract<Shape, { kind: 'group' }>, alpha: number): void {
    this.ops.push(pushGraphicsState());
    if (shape.transform) this.ops.push(concatTransformationMatrix(...shape.transform));
    if (shape.clip) {
      const c = shape.clip;
      this.ops.push(rectangle(c.x, c.y, c.width, c.height), clip(), endPath());
    }
    const inner = alpha * (shape.opacity ?? 1);
    for (const child of shape.children) this.shape(child, inner);
    this.ops.push(popGraphicsState());
  }

  private painted(
    p: Paint & { kind: string },
    alpha: number,
    outline: () => void,
    lineCap?: 'butt' | 'round' | 'square',
    lineJoin?: 'miter' | 'round',
  ): void {
    const fillPaint = p.fill ?? (p.kind === 'path' ? 'none' : '#000000');
    const doFill = isColour(fillPaint);
    const doStroke = p.stroke !== undefined && isColour(p.stroke) && (p.strokeWidth ?? 1) > 0;
    if (!doFill && !doStroke) return;
    this.ops.push(pushGraphicsState());
    this.opacity(alpha * (p.opacity ?? 1));
    if (doFill) this.ops.push(...fillColour(fillPaint));
    if (doStroke) {
      this.ops.push(...strokeColour(p.stroke!), setLineWidth(p.strokeWidth ?? 1));
      if (p.dash?.length) this.ops.push(setDashPattern([...p.dash], 0));
      if (lineCap)
        this.ops.push(
          setLineCap(
            lineCap === 'round'
              ? LineCapStyle.Round
              : lineCap === 'square'
                ? LineCapStyle.Projecting
                : LineCapStyle.Butt,
          ),
        );
      if (lineJoin)
        this.ops.push(
          setLineJoin(lineJoin === 'round' ? LineJoinStyle.Round : LineJoinStyle.Miter),
        );
    }
    outline();
    this.ops.push(doFill && doStroke ? fillAndStroke() : doFill ? fill() : stroke());
    this.ops.push(popGraphicsState());
  }

  private rectPath(r: Extract<Shape, { kind: 'rect' }>): void {
    const radius = Math.min(r.radius ?? 0, r.width / 2, r.height / 2);
    if (radius <= 0) {
      this.ops.push(rectangle(r.x, r.y, r.width, r.height));
      return;
    }
    const [x, y, w, h, k] = [r.x, r.y, r.width, r.height, radius * KAPPA];
    this.ops.push(
      moveTo(x + radius, y),
      lineTo(x + w - radius, y),
      appendBezierCurve(x + w - radius + k, y, x + w, y + radius - k, x + w, y + radius),
      lineTo(x + w, y + h - radius),
      appendBezierCurve(
        x + w,
        y + h - radius + k,
        x + w - radius + k,
        y + h,
        x + w - radius,
        y + h,
      ),
      lineTo(x + radius, y + h),
      appendBezierCurve(x + radius - k, y + h, x, y + h - radius + k, x, y + h - radius),
      lineTo(x, y + radius),
      appendBezierCurve(x, y + radius - k, x + radius - k, y, x + radius, y),
      closePath(),
    );
  }

  private ellipsePath(cx: number, cy: number, rx: number, ry: number): void {
    const [kx, ky] = [rx * KAPPA, ry * KAPPA];
    this.ops.push(
      moveTo(cx + rx, cy),
      appendBezierCurve(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry),
      appendBezierCurve(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy),
      appendBezierCurve(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry),
      appendBezierCurve(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy),
      closePath(),
    );
  }

  private text(t: Extract<Shape, { kind: 'text' }>, alpha: number): void {
    // Control characters have no glyph; a line break or tab inside one text is a space.
    const text = t.text
      .normalize('NFC')
      .replace(/[\r\n\t]/g, ' ')
      // eslint-disable-next-line no-control-regex -- what no font draws
      .replace(/[\u0000-\u001f\u007f]/g, '');
    if (!text.trim() || t.size <= 0) return;
    const weight = t.weight ?? 400;
    const font = this.fonts[weight];
    const width = font.widthOfTextAtSize(text, t.size);
    const x = t.anchor === 'middle' ? t.x - width / 2 : t.anchor === 'end' ? t.x - width : t.x;
    this.ops.push(pushGraphicsState());
    this.opacity(alpha * (t.opacity ?? 1));
    this.ops.push(
      ...fillColour(isColour(t.fill ?? '#000000') ? (t.fill ?? '#000000') : '#000000'),
      beginText(),
      setFontAndSize(this.fontKey(weight), t.size),
      // The page's matrix turns y down; this one turns the glyphs upright again.
      setTextMatrix(1, 0, 0, -1, x, t.y),
      showText(font.encodeText(text)),
      endText(),
      popGraphicsState(),
    );
  }

  private image(shape: Extract<Shape, { kind: 'image' }>, alpha: number): void {
    const image = this.assets.images.get(shape.hash);
    if (!image) return this.missing(shape);
    const key = this.page.node.newXObject(`Image${this.xObjects++}`, image.ref);
    this.ops.push(pushGraphicsState());
    this.opacity(alpha * (shape.opacity ?? 1));
    // The image's unit square, its top row at y = 1, onto the box (y down).
    this.ops.push(
      concatTransformationMatrix(shape.width, 0, 0, -shape.height, shape.x, shape.y + shape.height),
      drawObject(key),
      popGraphicsState(),
    );
  }

  private pdfPage(shape: Extract<Shape, { kind: 'pdfPage' }>): void {
    const embedded = this.assets.pages.get(`${shape.hash}#${shape.page}`);
    if (!embedded) return this.missing(shape);
    const key = this.page.node.newXObject(`Page${this.xObjects++}`, embedded.page.ref);
    this.ops.push(
      pushGraphicsState(),
      concatTransformationMatrix(...pageMatrix(shape, embedded.page, embedded.rotation)),
      drawObject(key),
      popGraphicsState(),
    );
  }

  /** A picture or page that could not be read: a grey box where it would be. */
  private missing(box: { x: number; y: number; width: number; height: number }): void {
    const { x, y, width, height } = box;
    this.shape(
      { kind: 'rect', x, y, width, height, fill: '#e5e7eb', stroke: '#94a3b8', strokeWidth: 1 },
      1,
    );
  }

  private fontKey(weight: FontWeight): PDFName {
    let key = this.fontKeys.get(weight);
    if (!key) {
      const font = this.fonts[weight];
      key = this.page.node.newFontDictionary(font.name, font.ref);
      this.fontKeys.set(weight, key);
    }
    return key;
  }

  private opacity(alpha: number): void {
    if (alpha >= 1) return;
    const value = Math.max(0, Math.round(alpha * 1000) / 1000);
    let key = this.alphaKeys.get(value);
    if (!key) {
      const state = this.page.doc.context.obj({ Type: 'ExtGState', ca: value, CA: value });
      key = this.page.node.newExtGState('GS', state);
      this.alphaKeys.set(value, key);
    }
    this.ops.push(setGraphicsState(key));
  }
}

/**
 * The matrix from a PDF page's own points (y up, unrotated) to `box` (y down), turned as the page's
 * /Rotate (clockwise) shows it, so that the page fills the box the way a reader displays it.
 */
export function pageMatrix(
  box: { x: number; y: number; width: number; height: number },
  page: { width: number; height: number },
  rotation: number,
): [number, number, number, number, number, number] {
  const { x, y, width: W, height: H } = box;
  const [w, h] = [page.width, page.height];
  switch (rotation) {
    case 90:
      // The page's left edge becomes the top: u runs down, v runs right.
      return [0, H / w, W / h, 0, x, y];
    case 180:
      return [-W / w, 0, 0, H / h, x + W, y];
    case 270:
      return [0, -H / w, -W / h, 0, x + W, y + H];
    default:
      return [W / w, 0, 0, -H / h, x, y + H];
  }
}

/**
 * Path data (absolute M, L, H, V, C, Q, Z; quadratics become cubics) as path operators.
 * @example pathOperators('M0 0L10 0Q20 0 20 10Z').length // 4
 */
export function pathOperators(d: string): PDFOperator[] {
  const ops: PDFOperator[] = [];
  const tokens = d.match(/[MLHVCQZmlhvcqz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  let i = 0;
  let command = '';
  let [x, y, startX, startY] = [0, 0, 0, 0];
  const num = (): number => Number(tokens[i++]);
  const hasNumber = () => i < tokens.length && !/^[A-Za-z]$/.test(tokens[i]!);
  while (i < tokens.length) {
    if (/^[A-Za-z]$/.test(tokens[i]!)) command = tokens[i++]!.toUpperCase();
    else if (!command) return ops;
    switch (command) {
      case 'M':
        [x, y] = [num(), num()];
        [startX, startY] = [x, y];
        ops.push(moveTo(x, y));
        command = 'L';
        break;
      case 'L':
        [x, y] = [num(), num()];
        ops.push(lineTo(x, y));
        break;
      case 'H':
        x = num();
        ops.push(lineTo(x, y));
        break;
      case 'V':
        y = num();
        ops.push(lineTo(x, y));
        break;
      case 'C': {
        const [x1, y1, x2, y2] = [num(), num(), num(), num()];
        [x, y] = [num(), num()];
        ops.push(appendBezierCurve(x1, y1, x2, y2, x, y));
        break;
      }
      case 'Q': {
        const [qx, qy] = [num(), num()];
        const [ex, ey] = [num(), num()];
        ops.push(
          appendBezierCurve(
            x + (2 / 3) * (qx - x),
            y + (2 / 3) * (qy - y),
            ex + (2 / 3) * (qx - ex),
            ey + (2 / 3) * (qy - ey),
            ex,
            ey,
          ),
        );
        [x, y] = [ex, ey];
        break;
      }
      case 'Z':
        ops.push(closePath());
        [x, y] = [startX, startY];
        if (hasNumber()) command = 'L';
        else continue;
        break;
      default:
        return ops;
    }
    if (Number.isNaN(x) || Number.isNaN(y)) return ops.slice(0, -1);
  }
  return ops;
}

function isColour(value: string | undefined): value is string {
  return value !== undefined && parseColour(value) !== null;
}

/** `#rrggbb` or `#rgb` as 0–1 components; null for 'none' and what is not a colour. */
export function parseColour(value: string): [number, number, number] | null {
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  if (long) return [1, 2, 3].map((i) => parseInt(long[i]!, 16) / 255) as [number, number, number];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  if (short)
    return [1, 2, 3].map((i) => parseInt(short[i]!.repeat(2), 16) / 255) as [
      number,
      number,
      number,
    ];
  if (value === 'white') return [1, 1, 1];
  if (value === 'black') return [0, 0, 0];
  return null;
}

function fillColour(value: string): PDFOperator[] {
  const [r, g, b] = parseColour(value) ?? [0, 0, 0];
  return [setFillingRgbColor(r, g, b)];
}

function strokeColour(value: string): PDFOperator[] {
  const [r, g, b] = parseColour(value) ?? [0, 0, 0];
  return [setStrokingRgbColor(r, g, b)];
}
