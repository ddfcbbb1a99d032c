import { describe, expect, it } from 'vitest';
import { normalizePath, parsePath, type PathSegment } from '../../src/render/pathData.ts';

/** The point a cubic segment reaches at t (to check arcs against the circle they draw). */
function cubicAt(from: [number, number], s: PathSegment, t: number): [number, number] {
  const [x1, y1, x2, y2, x3, y3] = s.points as [number, number, number, number, number, number];
  const u = 1 - t;
  const x = u * u * u * from[0] + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
  const y = u * u * u * from[1] + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
  return [x, y];
}

const commandsOf = (d: string) => d.replace(/[^A-Za-z]/g, '');

describe('normalizePath', () => {
  it('keeps absolute M, L, C, Q and Z as they are', () => {
    expect(normalizePath('M0 0 L10 0 C10 5 5 10 0 10 Q-5 5 0 0 Z')).toBe(
      'M0 0L10 0C10 5 5 10 0 10Q-5 5 0 0Z',
    );
  });

  it('makes relative commands absolute, and closing returns to the subpath start', () => {
    expect(normalizePath('m10 10 l5 0 0 5 z m1 1 l2 2')).toBe('M10 10L15 10L15 15ZM11 11L13 13');
  });

  it('reads further pairs after M as lines, relative after m', () => {
    expect(normalizePath('m1 1 2 2 3 3')).toBe('M1 1L3 3L6 6');
    expect(normalizePath('M1 1 2 2')).toBe('M1 1L2 2');
  });

  it('draws H and V as lines, absolute and relative', () => {
    expect(normalizePath('M2 3 H10 V8 h-4 v-2')).toBe('M2 3L10 3L10 8L6 8L6 6');
  });

  it('reflects the previous control point for S and T', () => {
    expect(normalizePath('M0 0 C0 10 10 10 10 0 S20 -10 20 0')).toBe(
      'M0 0C0 10 10 10 10 0C10 -10 20 -10 20 0',
    );
    expect(normalizePath('M0 0 Q5 10 10 0 T20 0')).toBe('M0 0Q5 10 10 0Q15 -10 20 0');
    // Without a previous curve the control point is the current point.
    expect(normalizePath('M0 0 S5 5 10 0')).toBe('M0 0C0 0 5 5 10 0');
    expect(normalizePath('M0 0 L4 0 T8 0')).toBe('M0 0L4 0Q4 0 8 0');
  });

  it('makes relative curves absolute', () => {
    expect(normalizePath('M10 10 c0 5 5 5 5 0 q2 -3 4 0')).toBe(
      'M10 10C10 15 15 15 15 10Q17 7 19 10',
    );
  });

  it('turns a quarter arc into one cubic on the circle', () => {
    expect(normalizePath('M2 2 A10 10 0 0 1 12 12')).toBe('M2 2C7.52 2 12 6.48 12 12');
    const [, arc] = parsePath('M2 2 A10 10 0 0 1 12 12');
    const [x, y] = cubicAt([2, 2], arc!, 0.5);
    // Centre (2, 12), radius 10: the midpoint lies on the circle within a hundredth.
    expect(Math.abs(Math.hypot(x - 2, y - 12) - 10)).toBeLessThan(0.01);
  });

  it('follows the sweep and large-arc flags', () => {
    // The door symbol's swing: from the hinge side round to the floor, clockwise.
    const small = parsePath('M0 0 A10 10 0 0 0 10 10');
    const [mx, my] = cubicAt([0, 0], small[1]!, 0.5);
    // Counter-clockwise (sweep 0): centre (10, 0), the arc bulges down-left.
    expect(Math.hypot(mx - 10, my)).toBeCloseTo(10, 1);
    expect(mx).toBeLessThan(5);
    const large = parsePath('M0 0 A10 10 0 1 1 10 10');
    expect(commandsOf(normalizePath('M0 0 A10 10 0 1 1 10 10'))).toBe('MCCC');
    expect(large.at(-1)!.points.slice(-2)).toEqual([10, 10]);
  });

  it('reads arc flags written without separators', () => {
    expect(normalizePath('M0 0a5 5 0 0110 0')).toBe(normalizePath('M0 0 a5 5 0 0 1 10 0'));
  });

  it('scales radii up that are too small to reach the end, as browsers do', () => {
    const segments = parsePath('M0 0 A1 1 0 0 1 20 0');
    const [x, y] = cubicAt([0, 0], segments.at(-1)!, 1);
    expect([x, y]).toEqual([20, 0]);
    // A half circle of radius 10: the top reaches y = -10 (sweep 1 from left to right goes up).
    const top = Math.min(...segments.slice(1).map((s) => cubicAt([0, 0], s, 0.5)[1]));
    expect(top).toBeLessThan(-5);
  });

  it('draws an arc with a zero radius as a line, and drops one that ends where it starts', () => {
    expect(normalizePath('M0 0 A0 5 0 0 1 10 0')).toBe('M0 0L10 0');
    expect(normalizePath('M3 3 A5 5 0 0 1 3 3')).toBe('M3 3');
  });

  it('reads exponents and signs packed together', () => {
    expect(normalizePath('M1e1-5L.5.5')).toBe('M10 -5L0.5 0.5');
  });

  it('refuses data it cannot read', () => {
    expect(() => normalizePath('10 10')).toThrow(SyntaxError);
    expect(() => normalizePath('M0 0 L5')).toThrow(SyntaxError);
    expect(() => normalizePath('M0 0 X5 5')).toThrow(SyntaxError);
  });
});
