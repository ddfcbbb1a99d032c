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
  setFontAndSize,
  setGraphicsState,
  setLineCap,
  setLineJoin,
  setLineWidth,
  setTextMatrix,
  showText,
  stroke,
  LineCapStyle,
  LineJoinStyle,
  type PDFDocument,
  type PDFFont,
  type PDFHexString,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { FONT_WEIGHTS, type FontBytes, type FontWeight } from './fonts.ts';
import { fitBox } from './paper.ts';
import { embedAssets, type Assets, type BlobSource } from './pdfAssets.ts';
import { fillColour, isColour, pageMatrix, pathOperators, strokeColour } from './pdfOperators.ts';
import type { Paint, Picture, Shape } from './picture.ts';

export type { BlobSource } from './pdfAssets.ts';
export { pageMatrix, parseColour, pathOperators } from './pdfOperators.ts';

/**
 * A `Picture` drawn on a PDF page with pdf-lib's own operators: vector paths, text in the embedded
 * Be Vietnam Pro subsets (selectable, searchable, copied with its diacritics through the fonts'
 * ToUnicode maps), pictures at their full resolution and case-file PDF pages embedded as pages
 * (form XObjects), not pictures of them. The same shapes as `svg.ts` writes, drawn the same way.
 */

/** The embedded weights of Be Vietnam Pro in one PDF. */
export type PdfFonts = Record<FontWeight, PDFFont>;

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
    FONT_WEIGHTS.map(async (weight) => {
      const font = await pdf.embedFont(bytes[weight], {
        subset: true,
        customName: `${subsetTag()}+${names[weight]}`,
        features: { liga: false, clig: false, dlig: false, kern: false },
      });
      return [weight, font] as const;
    }),
  );
  return Object.fromEntries(entries) as PdfFonts;
}

/**
 * A text shaped once per font and export: fontkit's layout is most of a deck's time, and a board's
 * labels recur on every slide framed on it. Width at size 1 (it scales with the size).
 */
const shapedTexts = new WeakMap<PDFFont, Map<string, { width: number; encoded: PDFHexString }>>();

function shapedText(font: PDFFont, text: string): { width: number; encoded: PDFHexString } {
  let texts = shapedTexts.get(font);
  if (!texts) shapedTexts.set(font, (texts = new Map()));
  let shaped = texts.get(text);
  if (!shaped) {
    shaped = { width: font.widthOfTextAtSize(text, 1), encoded: font.encodeText(text) };
    texts.set(text, shaped);
  }
  return shaped;
}

/**
 * Six capitals, different for every subset: two exports merged into one file (as case files are)
 * must not carry two different subsets under one name, which readers may take for one font.
 */
function subsetTag(): string {
  return Array.from({ length: 6 }, () =>
    String.fromCharCode(65 + Math.floor(Math.random() * 26)),
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
  // In slices: one call with a large board's ~100,000 operators as arguments overflows the stack.
  for (let i = 0; i < ops.length; i += 10_000) page.pushOperators(...ops.slice(i, i + 10_000));
}

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
        return this.pdfPage(shape, alpha);
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
    const shaped = shapedText(font, text);
    const width = shaped.width * t.size;
    const x = t.anchor === 'middle' ? t.x - width / 2 : t.anchor === 'end' ? t.x - width : t.x;
    this.ops.push(pushGraphicsState());
    this.opacity(alpha * (t.opacity ?? 1));
    this.ops.push(
      ...fillColour(isColour(t.fill ?? '#000000') ? (t.fill ?? '#000000') : '#000000'),
      beginText(),
      setFontAndSize(this.fontKey(weight), t.size),
      // The page's matrix turns y down; this one turns the glyphs upright again.
      setTextMatrix(1, 0, 0, -1, x, t.y),
      showText(shaped.encoded),
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

  private pdfPage(shape: Extract<Shape, { kind: 'pdfPage' }>, alpha: number): void {
    const embedded = this.assets.pages.get(`${shape.hash}#${shape.page}`);
    if (!embedded) return this.missing(shape);
    const key = this.page.node.newXObject(`Page${this.xObjects++}`, embedded.page.ref);
    this.ops.push(pushGraphicsState());
    this.opacity(alpha);
    this.ops.push(
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
