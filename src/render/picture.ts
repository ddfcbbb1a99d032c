import type { FontWeight } from './fonts.ts';

/**
 * A picture drawn from the case document: plain shapes in board units (y down), the one format every
 * board kind's renderer produces and every export consumes. `svg.ts` writes it as vector SVG,
 * `pdf.ts` draws it on a PDF page with pdf-lib, the page rasterises the SVG for PNG. Only these
 * shapes exist, so that each output can draw all of them exactly (no filters, no foreignObject, no
 * CSS). Colours are `#rrggbb`; text is stored in NFC.
 */

export interface Paint {
  /** Fill colour, or 'none' (the default for paths and lines is 'none', for others black). */
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  /** Dash pattern, in units. */
  dash?: readonly number[];
  /** 0..1 (fill and stroke alike). */
  opacity?: number;
}

export type Shape =
  | ({ kind: 'rect'; x: number; y: number; width: number; height: number; radius?: number } & Paint)
  | ({ kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number } & Paint)
  /** Path data with M, L, C, Q, Z only (absolute): see `arcTo` for curves of circles. */
  | ({
      kind: 'path';
      d: string;
      lineCap?: 'butt' | 'round' | 'square';
      lineJoin?: 'miter' | 'round';
    } & Paint)
  | {
      kind: 'text';
      /** Left, centre or right end of the text (by `anchor`), and its baseline. */
      x: number;
      y: number;
      text: string;
      size: number;
      weight?: FontWeight;
      fill?: string;
      anchor?: 'start' | 'middle' | 'end';
      opacity?: number;
    }
  /** A picture from the case file (`hash` of its blob), drawn stretched into the box. */
  | {
      kind: 'image';
      x: number;
      y: number;
      width: number;
      height: number;
      hash: string;
      mime: string;
      opacity?: number;
    }
  /** A page of a PDF in the case file: vector in a PDF export, a picture elsewhere. */
  | {
      kind: 'pdfPage';
      x: number;
      y: number;
      width: number;
      height: number;
      hash: string;
      page: number;
    }
  | {
      kind: 'group';
      children: Shape[];
      /** Affine matrix [a, b, c, d, e, f] as in SVG's matrix(). */
      transform?: readonly [number, number, number, number, number, number];
      /** Children clipped to this rectangle (in the group's own units, before `transform`). */
      clip?: { x: number; y: number; width: number; height: number };
      opacity?: number;
      /** What the group is, for tests and for readers of the SVG (`data-id`). */
      id?: string;
    };

/** A drawn board or slide: its size in units (1 unit = 1 CSS px at scale 1) and its shapes. */
export interface Picture {
  width: number;
  height: number;
  /** Filled behind everything; null: transparent. */
  background: string | null;
  shapes: Shape[];
  /** The title written into the file (SVG <title>, PDF title). */
  title: string;
}

/** The hashes of the case-file blobs a picture draws (to load before writing it). */
export function blobsOf(picture: Picture): { images: Set<string>; pdfPages: Set<string> } {
  const images = new Set<string>();
  const pdfPages = new Set<string>();
  const visit = (shape: Shape): void => {
    if (shape.kind === 'image') images.add(shape.hash);
    else if (shape.kind === 'pdfPage') pdfPages.add(shape.hash);
    else if (shape.kind === 'group') shape.children.forEach(visit);
  };
  picture.shapes.forEach(visit);
  return { images, pdfPages };
}

/** Every text a picture draws, in order (tests compare them with what readers extract). */
export function textsOf(picture: Picture): string[] {
  const texts: string[] = [];
  const visit = (shape: Shape): void => {
    if (shape.kind === 'text') texts.push(shape.text);
    else if (shape.kind === 'group') shape.children.forEach(visit);
  };
  picture.shapes.forEach(visit);
  return texts;
}

/** Path data of a circular arc from the current point, as cubic Béziers (≤ 90° each). */
export function arcPath(cx: number, cy: number, r: number, from: number, to: number): string {
  const parts: string[] = [];
  const steps = Math.max(1, Math.ceil(Math.abs(to - from) / (Math.PI / 2)));
  const delta = (to - from) / steps;
  const k = (4 / 3) * Math.tan(delta / 4);
  let a = from;
  parts.push(`M${n(cx + r * Math.cos(a))} ${n(cy + r * Math.sin(a))}`);
  for (let i = 0; i < steps; i++) {
    const b = a + delta;
    const [x1, y1] = [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    const [x2, y2] = [cx + r * Math.cos(b), cy + r * Math.sin(b)];
    parts.push(
      `C${n(x1 - k * r * Math.sin(a))} ${n(y1 + k * r * Math.cos(a))} ${n(x2 + k * r * Math.sin(b))} ${n(y2 - k * r * Math.cos(b))} ${n(x2)} ${n(y2)}`,
    );
    a = b;
  }
  return parts.join('');
}

/** A number written short (two decimals at most). */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

type Box = { x: number; y: number; width: number; height: number };
type Matrix = readonly [number, number, number, number, number, number];

/**
 * The shapes of a picture without what its clipped groups would cut away entirely: a slide's frame
 * shows a corner of a large map, and neither its PDF page nor its thumbnail should carry (or shape
 * the text of) every topic outside it. What is partly inside stays whole; the clip still cuts it.
 */
export function cullClipped(picture: Picture): Picture {
  return { ...picture, shapes: cullShapes(picture.shapes, null) };
}

function cullShapes(shapes: readonly Shape[], clip: Box | null): Shape[] {
  const out: Shape[] = [];
  for (const shape of shapes) {
    if (shape.kind !== 'group') {
      if (!clip || intersects(shapeBounds(shape), clip)) out.push(shape);
      continue;
    }
    // The clip in the group's own units: the parent's clip taken through the inverse transform,
    // met with the group's own clip.
    let inner = clip && shape.transform ? transformBox(clip, invert(shape.transform)) : clip;
    if (inner === undefined) inner = null;
    if (shape.clip) inner = inner ? meet(inner, shape.clip) : shape.clip;
    if (inner && (inner.width <= 0 || inner.height <= 0)) continue;
    const children = cullShapes(shape.children, inner);
    if (children.length > 0) out.push({ ...shape, children });
  }
  return out;
}

function shapeBounds(shape: Exclude<Shape, { kind: 'group' }>): Box | null {
  switch (shape.kind) {
    case 'rect':
    case 'image':
    case 'pdfPage': {
      const pad = 'strokeWidth' in shape ? (shape.strokeWidth ?? 1) : 0;
      return {
        x: shape.x - pad,
        y: shape.y - pad,
        width: shape.width + 2 * pad,
        height: shape.height + 2 * pad,
      };
    }
    case 'ellipse': {
      const pad = shape.strokeWidth ?? 1;
      return {
        x: shape.cx - shape.rx - pad,
        y: shape.cy - shape.ry - pad,
        width: 2 * (shape.rx + pad),
        height: 2 * (shape.ry + pad),
      };
    }
    case 'text': {
      // Generous: a text's width is not known here; a line is at most a few hundred characters.
      const reach = shape.size * Math.max(1, shape.text.length) * 0.7;
      const left =
        shape.anchor === 'middle'
          ? shape.x - reach / 2
          : shape.anchor === 'end'
            ? shape.x - reach
            : shape.x;
      return { x: left, y: shape.y - shape.size * 1.2, width: reach, height: shape.size * 1.6 };
    }
    case 'path': {
      // The control points bound a Bézier curve, so every number of the path bounds it.
      const numbers = shape.d.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi)?.map(Number) ?? [];
      if (numbers.length < 2) return null;
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let i = 0; i + 1 < numbers.length; i += 2) {
        minX = Math.min(minX, numbers[i]!);
        maxX = Math.max(maxX, numbers[i]!);
        minY = Math.min(minY, numbers[i + 1]!);
        maxY = Math.max(maxY, numbers[i + 1]!);
      }
      const pad = (shape.strokeWidth ?? 1) * 2;
      return {
        x: minX - pad,
        y: minY - pad,
        width: maxX - minX + 2 * pad,
        height: maxY - minY + 2 * pad,
      };
    }
  }
}

/** Whether a shape of these bounds can show inside `clip` (unknown bounds: kept). */
function intersects(bounds: Box | null, clip: Box): boolean {
  if (!bounds) return true;
  return (
    bounds.x <= clip.x + clip.width &&
    bounds.x + bounds.width >= clip.x &&
    bounds.y <= clip.y + clip.height &&
    bounds.y + bounds.height >= clip.y
  );
}

function meet(a: Box, b: Box): Box {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    width: Math.min(a.x + a.width, b.x + b.width) - x,
    height: Math.min(a.y + a.height, b.y + b.height) - y,
  };
}

function invert([a, b, c, d, e, f]: Matrix): Matrix | null {
  const det = a * d - b * c;
  if (Math.abs(det) < 1e-12) return null;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** The bounding box of `box` taken through `m` (null matrix: nothing known, no clip). */
function transformBox(box: Box, m: Matrix | null): Box | null {
  if (!m) return null;
  const corners = [
    [box.x, box.y],
    [box.x + box.width, box.y],
    [box.x, box.y + box.height],
    [box.x + box.width, box.y + box.height],
  ].map(([x, y]) => [m[0] * x! + m[2] * y! + m[4], m[1] * x! + m[3] * y! + m[5]] as const);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
