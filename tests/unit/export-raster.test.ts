import { describe, expect, it } from 'vitest';
import { fittedScale, MAX_AREA, MAX_SIDE, svgSize } from '../../src/export/raster.ts';

describe('PNG from the exported SVG', () => {
  it('reads the picture’s size from the SVG’s root, not from a shape inside it', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="825.5" height="422.75" viewBox="0 0 825.5 422.75"><rect x="0" y="0" width="10" height="10"/></svg>';
    expect(svgSize(svg)).toEqual({ width: 825.5, height: 422.75 });
    expect(() => svgSize('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).toThrow('empty');
  });

  it('keeps the chosen scale, and lowers it only as far as a canvas needs', () => {
    expect(fittedScale(1200, 800, 4)).toBe(4);
    // 6,000 px wide at 4× would be 24,000 px: one side capped.
    expect(fittedScale(6000, 800, 4)).toBeCloseTo(MAX_SIDE / 6000, 9);
    // 9,000 × 9,000 at 2× fits no side limit's 16,000 px, nor the area: the area decides.
    const scale = fittedScale(9000, 9000, 2);
    expect(9000 * scale).toBeLessThanOrEqual(MAX_SIDE);
    expect(9000 * scale * 9000 * scale).toBeLessThanOrEqual(MAX_AREA * 1.0001);
  });
});
