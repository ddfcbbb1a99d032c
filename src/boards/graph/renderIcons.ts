import type { Shape } from '../../render/picture.ts';
import type { PartyType } from '../../core/links.ts';
import type { FactStatus } from '../../core/proof.ts';
import type { EntityKind } from '../../core/register.ts';

/**
 * The canvas nodes' icons (lucide's User, FileSearch, Calendar … in the editor) redrawn as a few
 * plain vector strokes in a 14 × 14 box, so that every export format draws them: no icon font, no
 * emoji. Each is recognisable at print size rather than a copy of lucide's outline.
 */

export type IconName = EntityKind | PartyType | 'broken' | FactStatus;

const W = 1.5;
const line = (d: string, color: string): Shape => ({
  kind: 'path',
  d,
  stroke: color,
  strokeWidth: W,
  lineCap: 'round',
  lineJoin: 'round',
});
const circle = (
  cx: number,
  cy: number,
  r: number,
  color: string,
  fill = 'none',
): Extract<Shape, { kind: 'ellipse' }> => ({
  kind: 'ellipse',
  cx,
  cy,
  rx: r,
  ry: r,
  fill,
  stroke: color,
  strokeWidth: W,
});
const box = (x: number, y: number, w: number, h: number, color: string, radius = 1.5): Shape => ({
  kind: 'rect',
  x,
  y,
  width: w,
  height: h,
  radius,
  fill: 'none',
  stroke: color,
  strokeWidth: W,
});

const DRAW: Record<IconName, (c: string) => Shape[]> = {
  person: (c) => [circle(7, 4.5, 2.7, c), line('M2 13 C2 8.6 12 8.6 12 13', c)],
  evidence: (c) => [
    line('M8.5 1.5 L3 1.5 L3 12.5 L6 12.5 M8.5 1.5 L11 4 L11 6', c),
    circle(9, 9.5, 2.3, c),
    line('M10.7 11.2 L12.6 13.1', c),
  ],
  event: (c) => [
    box(1.5, 2.5, 11, 10, c),
    line('M1.5 5.8 L12.5 5.8 M4.5 1 L4.5 3.5 M9.5 1 L9.5 3.5', c),
  ],
  fact: (c) => [
    circle(7, 7, 5.8, c),
    line('M5.2 5.4 C5.2 3.4 8.8 3.4 8.8 5.4 C8.8 6.9 7 6.9 7 8.6', c),
    circle(7, 10.6, 0.4, c, c),
  ],
  place: (c) => [
    line(
      'M7 13 C3.5 9.2 2.5 7.3 2.5 5.5 C2.5 2.9 4.5 1 7 1 C9.5 1 11.5 2.9 11.5 5.5 C11.5 7.3 10.5 9.2 7 13 Z',
      c,
    ),
    circle(7, 5.5, 1.6, c),
  ],
  phone: (c) => [box(3.5, 1, 7, 12, c), line('M6.3 10.6 L7.7 10.6', c)],
  vehicle: (c) => [
    line('M1.5 10 L1.5 7 L3.5 4 L10.5 4 L12.5 7 L12.5 10 Z M1.5 7 L12.5 7', c),
    circle(4, 10.5, 1.4, c, '#ffffff'),
    circle(10, 10.5, 1.4, c, '#ffffff'),
  ],
  account: (c) => [box(1, 3, 12, 8.5, c), line('M1 6 L13 6 M3.5 9 L6 9', c)],
  organisation: (c) => [
    box(2.5, 1.5, 9, 11.5, c, 0.5),
    line(
      'M5 4.5 L5.5 4.5 M8.5 4.5 L9 4.5 M5 7.5 L5.5 7.5 M8.5 7.5 L9 7.5 M6 13 L6 10.5 L8 10.5 L8 13',
      c,
    ),
  ],
  other: (c) => [
    box(1.5, 1.5, 5.5, 5.5, c, 0.5),
    circle(10, 10, 2.8, c),
    line('M3.5 12.5 L5.5 9 L7.5 12.5 Z', c),
  ],
  broken: (c) => [
    line(
      'M5.5 3.5 L7 2 C8.5 0.5 11 0.5 12.2 1.8 C13.5 3 13.5 5.5 12 7 L10.5 8.5 M8.5 10.5 L7 12 C5.5 13.5 3 13.5 1.8 12.2 C0.5 11 0.5 8.5 2 7 L3.5 5.5',
      c,
    ),
  ],
  proven: (c) => [circle(7, 7, 5.8, c), line('M4.3 7.2 L6.2 9.1 L9.9 5.2', c)],
  disputed: (c) => [
    line('M7 1.5 L13 12.3 L1 12.3 Z', c),
    line('M7 5.5 L7 8.3', c),
    circle(7, 10.2, 0.4, c, c),
  ],
  // lucide's CircleDashed: a ring of dashes.
  unproven: (c) => [{ ...circle(7, 7, 5.8, c), dash: [2.2, 2.1] }],
};

/** An icon in its 14 × 14 box placed at (x, y), scaled to `size`. */
export function icon(name: IconName, x: number, y: number, color: string, size = 14): Shape {
  const k = size / 14;
  return { kind: 'group', transform: [k, 0, 0, k, x, y], children: DRAW[name](color) };
}
