import { describe, expect, it } from 'vitest';
import { openingViewport, READABLE_ZOOM } from '../../src/canvas/openingView.ts';

const margins = { top: 16, right: 16, bottom: 16, left: 56 };

describe('openingViewport', () => {
  it('fits and centres a small board at no more than 1:1', () => {
    const v = openingViewport(
      { x: 100, y: 50, width: 200, height: 100 },
      { width: 872, height: 632 },
      margins,
    );
    expect(v.zoom).toBe(1);
    expect(v.x + 100).toBeCloseTo(56 + (800 - 200) / 2);
    expect(v.y + 50).toBeCloseTo(16 + (600 - 100) / 2);
  });

  it('opens a big board readable, at its top-left corner', () => {
    const v = openingViewport(
      { x: -40, y: 10, width: 3000, height: 2000 },
      { width: 540, height: 600 },
      margins,
    );
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(v.x + -40 * v.zoom).toBeCloseTo(56);
    expect(v.y + 10 * v.zoom).toBeCloseTo(16);
  });

  it('centres along the axis where the board fits', () => {
    const v = openingViewport(
      { x: 0, y: 0, width: 2000, height: 100 },
      { width: 540, height: 600 },
      margins,
    );
    expect(v.x).toBeCloseTo(56);
    expect(v.y + (100 * v.zoom) / 2).toBeCloseTo(16 + 568 / 2);
  });
});
