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
