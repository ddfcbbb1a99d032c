import { ASCENT, DESCENT, textWidth } from '../../render/metrics.ts';
import type { Shape } from '../../render/picture.ts';

/**
 * The box the shapes of a picture cover (transforms applied, strokes and text included), to size
 * a whole board's picture and to fit a scene on paper. Curves count by their control points, which
 * can only make the box a little larger.
 */

export interface Extent {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, k: Matrix): Matrix {
  return [
    m[0] * k[0] + m[2] * k[1],
    m[1] * k[0] + m[3] * k[1],
    m[0] * k[2] + m[2] * k[3],
    m[1] * k[2] + m[3] * k[3],
    m[0] * k[4] + m[2] * k[5] + m[4],
    m[1] * k[4] + m[3] * k[5] + m[5],
  ];
}

/** The extent of `shapes`, or null when they draw nothing. */
export function extentOf(shapes: readonly Shape[], matrix: Matrix = IDENTITY): Extent | null {
  const e = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const add = (x: number, y: number, m: Matrix) => {
    const px = m[0] * x + m[2] * y + m[4];
    const py = m[1] * x + m[3] * y + m[5];
    e.x0 = Math.min(e.x0, px);
    e.y0 = Math.min(e.y0, py);
    e.x1 = Math.max(e.x1, px);
    e.y1 = Math.max(e.y1, py);
  };
  const box = (x0: number, y0: number, x1: number, y1: number, m: Matrix) => {
    add(x0, y0, m);
    add(x1, y0, m);
    add(x1, y1, m);
    add(x0, y1, m);
  };
  const visit = (shape: Shape, m: Matrix): void => {
    const pad = 'strokeWidth' in shape && shape.stroke ? (shape.strokeWidth ?? 1) / 2 : 0;
    switch (shape.kind) {
      case 'rect':
      case 'image':
      case 'pdfPage':
        box(
          shape.x - pad,
          shape.y - pad,
          shape.x + shape.width + pad,
          shape.y + shape.height + pad,
          m,
        );
        return;
      case 'ellipse':
        box(
          shape.cx - shape.rx - pad,
          shape.cy - shape.ry - pad,
          shape.cx + shape.rx + pad,
          shape.cy + shape.ry + pad,
          m,
        );
        return;
      case 'path': {
        const numbers = shape.d.match(/-?[\d.]+(?:e-?\d+)?/g)?.map(Number) ?? [];
        for (let i = 0; i + 1 < numbers.length; i += 2)
          box(
            numbers[i]! - pad,
            numbers[i + 1]! - pad,
            numbers[i]! + pad,
            numbers[i + 1]! + pad,
            m,
          );
        return;
      }
      case 'text': {
        const w = textWidth(shape.text, shape.size, shape.weight ?? 400);
        const x0 =
          shape.anchor === 'middle'
            ? shape.x - w / 2
            : shape.anchor === 'end'
              ? shape.x - w
              : shape.x;
        box(x0, shape.y - ASCENT * shape.size, x0 + w, shape.y - DESCENT * shape.size, m);
        return;
      }
      case 'group': {
        const inner = shape.transform ? multiply(m, shape.transform) : m;
        if (shape.clip) {
          const c = shape.clip;
          const clipped = extentOf(shape.children);
          if (!clipped) return;
          box(
            Math.max(c.x, clipped.x0),
            Math.max(c.y, clipped.y0),
            Math.min(c.x + c.width, clipped.x1),
            Math.min(c.y + c.height, clipped.y1),
            inner,
          );
          return;
        }
        for (const child of shape.children) visit(child, inner);
      }
    }
  };
  for (const shape of shapes) visit(shape, matrix);
  return Number.isFinite(e.x0) ? e : null;
}
