import { describe, expect, it } from 'vitest';
import { clippedPath, linkCurve, nodeBox } from '../../src/canvas/useDrawnBoard.ts';

/** The points of an SVG path of M and L commands. */
function points(d: string): Array<[number, number]> {
  return [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('links drawn by a big board itself', () => {
  const a = { x0: 0, y0: 0, x1: 200, y1: 40 };
  const b = { x0: 10_000, y0: 3000, x1: 10_200, y1: 3040 };

  it('runs from the right of the source to the left of the target, its word half way', () => {
    const curve = linkCurve(a, b);
    expect(curve.points.slice(0, 2)).toEqual([200, 20]);
    expect(curve.points.slice(-2)).toEqual([10_000, 3020]);
    expect(curve.labelX).toBeCloseTo(5100);
    expect(curve.labelY).toBeCloseTo(1520);
  });

  it('keeps only the part inside the window, with the arrowhead only when the target is in it', () => {
    const { points: curve } = linkCurve(a, b);
    const near = clippedPath(curve, { x0: -500, y0: -500, x1: 1000, y1: 800 });
    expect(near.end).toBe(false);
    const drawn = points(near.d);
    expect(drawn[0]).toEqual([200, 20]);
    // Nothing beyond one sampling step outside the window.
    for (const [x] of drawn) expect(x).toBeLessThan(1000 + 10_000 / 8);
    expect(drawn.length).toBeLessThan(curve.length / 2 / 4);

    const far = clippedPath(curve, { x0: 9000, y0: 2500, x1: 11_000, y1: 3500 });
    expect(far.end).toBe(true);
    expect(points(far.d).at(-1)).toEqual([10_000, 3020]);

    expect(clippedPath(curve, { x0: 0, y0: 5000, x1: 500, y1: 6000 }).d).toBe('');
  });

  it('takes a node never measured to be one line of label', () => {
    expect(nodeBox({ id: 'n', position: { x: 5, y: 6 }, data: {} })).toEqual({
      x0: 5,
      y0: 6,
      x1: 205,
      y1: 50,
    });
    expect(
      nodeBox({ id: 'n', position: { x: 5, y: 6 }, data: {}, measured: { width: 90, height: 30 } }),
    ).toEqual({ x0: 5, y0: 6, x1: 95, y1: 36 });
  });
});
