import { describe, expect, it } from 'vitest';
import {
  calloutBoxes,
  connectBoxes,
  fitCallout,
  placeCallout,
  type Box,
} from '../../src/core/callout.ts';

/** An A4 page in portrait, its width as the unit. */
const page = { w: 1, h: 1.414 };

const inside = (box: Box) =>
  box.x >= -1e-9 &&
  box.y >= -1e-9 &&
  box.x + box.w <= page.w + 1e-9 &&
  box.y + box.h <= page.h + 1e-9;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('callout placement', () => {
  const regions: Array<[string, Box]> = [
    ['a small region on the left', { x: 0.1, y: 0.2, w: 0.12, h: 0.05 }],
    ['a small region on the right', { x: 0.8, y: 0.6, w: 0.12, h: 0.05 }],
    ['a wide line of text', { x: 0.08, y: 0.3, w: 0.84, h: 0.04 }],
    ['a wide line at the foot of the page', { x: 0.08, y: 1.3, w: 0.84, h: 0.05 }],
    ['a narrow column in the middle', { x: 0.45, y: 0.1, w: 0.1, h: 0.5 }],
    ['a signature in the bottom-right corner', { x: 0.7, y: 1.25, w: 0.25, h: 0.12 }],
  ];

  for (const [name, region] of regions)
    it(`places ${name} larger than the region, inside the page, not over it`, () => {
      const copy = placeCallout(region, page);
      expect(copy.w).toBeGreaterThan(region.w);
      expect(copy.h).toBeGreaterThan(region.h);
      expect(copy.w / copy.h).toBeCloseTo(region.w / region.h, 6);
      expect(inside(copy)).toBe(true);
      expect(overlaps(copy, region)).toBe(false);
    });

  it('chooses the side with room', () => {
    expect(placeCallout({ x: 0.1, y: 0.2, w: 0.12, h: 0.05 }, page).side).toBe('right');
    expect(placeCallout({ x: 0.8, y: 0.6, w: 0.12, h: 0.05 }, page).side).toBe('left');
    expect(placeCallout({ x: 0.08, y: 0.3, w: 0.84, h: 0.04 }, page).side).toBe('below');
    expect(placeCallout({ x: 0.08, y: 1.3, w: 0.84, h: 0.05 }, page).side).toBe('above');
  });

  it('keeps a wide region wider than it was, where the old placement shrank and clipped it', () => {
    const region = { x: 0.08, y: 0.3, w: 0.84, h: 0.04 };
    expect(placeCallout(region, page).w).toBeGreaterThan(region.w);
  });

  it('enlarges a small region at most CALLOUT_MAX_SCALE times', () => {
    expect(placeCallout({ x: 0.1, y: 0.1, w: 0.05, h: 0.02 }, page).scale).toBe(3);
  });

  it('centres a region that fills the page on the page, since no side has room', () => {
    const copy = placeCallout({ x: 0.02, y: 0.02, w: 0.96, h: 1.3 }, page);
    expect(inside(copy)).toBe(true);
  });
});

describe('moving and resizing a callout', () => {
  const region = { x: 0.1, y: 0.1, w: 0.2, h: 0.1 };
  it('keeps a dragged copy inside the page', () => {
    expect(fitCallout({ x: 0.9, y: 1.4, w: 0.4, h: 0.2 }, region, page)).toEqual({
      x: 0.6,
      y: page.h - 0.2,
      w: 0.4,
      h: 0.2,
    });
  });
  it('keeps the region’s proportions and no smaller than the region', () => {
    const small = fitCallout({ x: 0.5, y: 0.5, w: 0.05, h: 0.3 }, region, page);
    expect(small.w).toBeCloseTo(0.2);
    expect(small.h).toBeCloseTo(0.1);
    const big = fitCallout({ x: 0, y: 0, w: 5, h: 1 }, region, page);
    expect(big.w).toBeCloseTo(1);
    expect(big.h).toBeCloseTo(0.5);
  });
});

describe('the callout connector', () => {
  it('runs from the region’s border to the copy’s border', () => {
    expect(connectBoxes({ x: 0, y: 0, w: 1, h: 1 }, { x: 3, y: 0, w: 1, h: 1 })).toEqual({
      x1: 1,
      y1: 0.5,
      x2: 3,
      y2: 0.5,
    });
    const down = connectBoxes({ x: 0, y: 0, w: 2, h: 1 }, { x: 0, y: 3, w: 2, h: 1 });
    expect(down).toEqual({ x1: 1, y1: 1, x2: 1, y2: 3 });
  });
});

describe('callouts as stored', () => {
  const aspect = page.h;
  it('places a callout of an older case (no w2) where it fits, not where it was pinned', () => {
    // The old placement pinned a wide region's copy at x2 = 0.95, mostly off the page.
    const old = { id: 'm', kind: 'callout' as const, page: 1, x: 0.08, y: 0.3, w: 0.84, h: 0.03 };
    const { region, copy } = calloutBoxes({ ...old, x2: 0.95, y2: 0.3 }, aspect);
    expect(copy.w).toBeGreaterThan(region.w);
    expect(inside(copy)).toBe(true);
    expect(overlaps(copy, region)).toBe(false);
  });
  it('draws a moved copy where it was put, in the region’s proportions', () => {
    const mark = {
      id: 'm',
      kind: 'callout' as const,
      page: 1,
      ...{ x: 0.1, y: 0.1, w: 0.2, h: 0.05, x2: 0.5, y2: 0.5, w2: 0.4 },
    };
    const { region, copy } = calloutBoxes(mark, aspect);
    expect(copy.x).toBeCloseTo(0.5);
    expect(copy.y).toBeCloseTo(0.5 * aspect);
    expect(copy.w / copy.h).toBeCloseTo(region.w / region.h);
  });
});
