import {
  appendBezierCurve,
  closePath,
  lineTo,
  moveTo,
  setFillingRgbColor,
  setStrokingRgbColor,
  type PDFOperator,
} from 'pdf-lib';

/** Path data, colours and page placement as PDF operators and matrices (used by pdf.ts). */

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

export function isColour(value: string | undefined): value is string {
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

export function fillColour(value: string): PDFOperator[] {
  const [r, g, b] = parseColour(value) ?? [0, 0, 0];
  return [setFillingRgbColor(r, g, b)];
}

export function strokeColour(value: string): PDFOperator[] {
  const [r, g, b] = parseColour(value) ?? [0, 0, 0];
  return [setStrokingRgbColor(r, g, b)];
}
