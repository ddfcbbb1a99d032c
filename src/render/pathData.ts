import { n } from './picture.ts';

/**
 * SVG path data in the small dialect pictures use: absolute M, L, C, Q and Z only, which the PDF
 * writer draws directly. `normalizePath` turns any path data (relative commands, H/V, the smooth
 * S/T, elliptical arcs A) into that dialect; `parsePath` gives the segments to transform.
 */

export interface PathSegment {
  command: 'M' | 'L' | 'C' | 'Q' | 'Z';
  /** Absolute coordinates: x, y pairs (M, L: one; Q: two; C: three; Z: none). */
  points: number[];
}

const ARGUMENTS: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7 };

/** The commands and numbers of path data, in order (arc flags may be written without spaces). */
function tokens(d: string): Array<{ command: string; args: number[] }> {
  const result: Array<{ command: string; args: number[] }> = [];
  const re = /([MmLlHhVvCcSsQqTtAaZz])|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|([\s,]+)|(.)/g;
  let current: { command: string; args: number[] } | null = null;
  let match: RegExpExecArray | null;
  while ((match = re.exec(d)) !== null) {
    if (match[1]) {
      current = { command: match[1], args: [] };
      result.push(current);
    } else if (match[2] !== undefined) {
      if (!current) throw new SyntaxError(`Path data must start with a command: ${d}`);
      const upper = current.command.toUpperCase();
      const slot = current.args.length % (ARGUMENTS[upper] ?? 1);
      // Arc flags are single digits: "a5 5 0 011 1" reads 0, 1, 1.
      if (upper === 'A' && (slot === 3 || slot === 4) && match[2].length > 1) {
        const text = match[2];
        current.args.push(Number(text[0]));
        re.lastIndex = match.index + 1;
      } else current.args.push(Number(match[2]));
    } else if (match[4] !== undefined) {
      throw new SyntaxError(`Unexpected "${match[4]}" in path data: ${d}`);
    }
  }
  return result;
}

/**
 * Path data as absolute M, L, C, Q and Z segments: relative commands made absolute, H and V as L,
 * S and T with their reflected control points, arcs as cubic Béziers (at most 90° each).
 *
 * @example parsePath('m10 10 h5 v5 z') // M10 10, L15 10, L15 15, Z
 */
export function parsePath(d: string): PathSegment[] {
  const out: PathSegment[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  // The last control point of a C/S or Q/T, for the smooth commands' reflection.
  let lastCubic: [number, number] | null = null;
  let lastQuad: [number, number] | null = null;
  for (const { command, args } of tokens(d)) {
    const upper = command.toUpperCase();
    const relative = command !== upper;
    if (upper === 'Z') {
      out.push({ command: 'Z', points: [] });
      x = startX;
      y = startY;
      lastCubic = lastQuad = null;
      continue;
    }
    const count = ARGUMENTS[upper]!;
    if (args.length === 0 || args.length % count !== 0)
      throw new SyntaxError(`${command} takes ${count} numbers at a time: ${d}`);
    for (let i = 0; i < args.length; i += count) {
      const a = args.slice(i, i + count);
      const dx = relative ? x : 0;
      const dy = relative ? y : 0;
      // After the first pair, further pairs of an M are lines.
      const kind = upper === 'M' && i > 0 ? 'L' : upper;
      let cubic: [number, number] | null = null;
      let quad: [number, number] | null = null;
      switch (kind) {
        case 'M':
          x = a[0]! + dx;
          y = a[1]! + dy;
          startX = x;
          startY = y;
          out.push({ command: 'M', points: [x, y] });
          break;
        case 'L':
          x = a[0]! + dx;
          y = a[1]! + dy;
          out.push({ command: 'L', points: [x, y] });
          break;
        case 'H':
          x = a[0]! + dx;
          out.push({ command: 'L', points: [x, y] });
          break;
        case 'V':
          y = a[0]! + dy;
          out.push({ command: 'L', points: [x, y] });
          break;
        case 'C':
        case 'S': {
          const [x1, y1]: [number, number] =
            kind === 'C'
              ? [a[0]! + dx, a[1]! + dy]
              : lastCubic
                ? [2 * x - lastCubic[0], 2 * y - lastCubic[1]]
                : [x, y];
          const o = kind === 'C' ? 2 : 0;
          const x2 = a[o]! + dx;
          const y2 = a[o + 1]! + dy;
          x = a[o + 2]! + dx;
          y = a[o + 3]! + dy;
          out.push({ command: 'C', points: [x1, y1, x2, y2, x, y] });
          cubic = [x2, y2];
          break;
        }
        case 'Q':
        case 'T': {
          const control: [number, number] =
            kind === 'Q'
              ? [a[0]! + dx, a[1]! + dy]
              : lastQuad
                ? [2 * x - lastQuad[0], 2 * y - lastQuad[1]]
                : [x, y];
          const o = kind === 'Q' ? 2 : 0;
          x = a[o]! + dx;
          y = a[o + 1]! + dy;
          out.push({ command: 'Q', points: [...control, x, y] });
          quad = control;
          break;
        }
        case 'A': {
          const toX = a[5]! + dx;
          const toY = a[6]! + dy;
          out.push(...arcSegments(x, y, a[0]!, a[1]!, a[2]!, a[3]! !== 0, a[4]! !== 0, toX, toY));
          x = toX;
          y = toY;
          break;
        }
      }
      lastCubic = cubic;
      lastQuad = quad;
    }
  }
  return out;
}

/**
 * An elliptical arc (SVG's endpoint form) as cubic Béziers, by the centre parametrisation of the
 * SVG specification (appendix B.2.4); a line when a radius is zero, nothing when the ends coincide.
 */
function arcSegments(
  x1: number,
  y1: number,
  rxIn: number,
  ryIn: number,
  degrees: number,
  large: boolean,
  sweep: boolean,
  x2: number,
  y2: number,
): PathSegment[] {
  if (x1 === x2 && y1 === y2) return [];
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  if (rx === 0 || ry === 0) return [{ command: 'L', points: [x2, y2] }];
  const phi = (degrees * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const mx = (x1 - x2) / 2;
  const my = (y1 - y2) / 2;
  const px = cos * mx + sin * my;
  const py = -sin * mx + cos * my;
  // Radii too small to reach the end are scaled up just enough.
  const lambda = (px * px) / (rx * rx) + (py * py) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * py * py - ry * ry * px * px;
  const den = rx * rx * py * py + ry * ry * px * px;
  const root = Math.sqrt(Math.max(0, num / den)) * (large === sweep ? -1 : 1);
  const cxp = (root * rx * py) / ry;
  const cyp = (-root * ry * px) / rx;
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number) =>
    Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const theta = angle(1, 0, (px - cxp) / rx, (py - cyp) / ry);
  let delta = angle((px - cxp) / rx, (py - cyp) / ry, (-px - cxp) / rx, (-py - cyp) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const steps = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9));
  const step = delta / steps;
  const k = (4 / 3) * Math.tan(step / 4);
  // A point of the unit circle at `t`, and its tangent, on the ellipse.
  const at = (t: number, scale = 0): [number, number] => {
    const ex = rx * (Math.cos(t) - scale * Math.sin(t));
    const ey = ry * (Math.sin(t) + scale * Math.cos(t));
    return [cx + cos * ex - sin * ey, cy + sin * ex + cos * ey];
  };
  const segments: PathSegment[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = theta + i * step;
    const t1 = t0 + step;
    const c1 = at(t0, k);
    const c2 = at(t1, -k);
    const end = i === steps - 1 ? [x2, y2] : at(t1);
    segments.push({ command: 'C', points: [...c1, ...c2, ...end] });
  }
  return segments;
}

/** Segments written as path data, each point through `map` (a transform) when given. */
export function formatPath(
  segments: readonly PathSegment[],
  map?: (x: number, y: number) => [number, number],
): string {
  return segments
    .map((s) => {
      const coords: string[] = [];
      for (let i = 0; i < s.points.length; i += 2) {
        const [x, y] = map ? map(s.points[i]!, s.points[i + 1]!) : [s.points[i]!, s.points[i + 1]!];
        coords.push(`${n(x)} ${n(y)}`);
      }
      return `${s.command}${coords.join(' ')}`;
    })
    .join('');
}

/**
 * Any SVG path data in the pictures' dialect (absolute M, L, C, Q, Z).
 *
 * @example normalizePath('M2 2 A10 10 0 0 1 12 12') // 'M2 2C7.52 2 12 6.48 12 12'
 */
export function normalizePath(d: string): string {
  return formatPath(parsePath(d));
}
