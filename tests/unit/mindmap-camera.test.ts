import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  fitCamera,
  openingCamera,
  READABLE_ZOOM,
} from '../../src/boards/mindmap/camera.ts';

const screen = { width: 1000, height: 600 };

describe('mind-map camera', () => {
  it('bounds every box', () => {
    expect(
      boundsOf([
        { x: -50, y: 10, width: 100, height: 20 },
        { x: 200, y: -40, width: 60, height: 30 },
      ]),
    ).toEqual({ x: -50, y: -40, width: 310, height: 70 });
    expect(boundsOf([])).toBeNull();
  });

  it('fits a map centred, never blown up past its natural size', () => {
    const small = fitCamera({ x: 0, y: 0, width: 200, height: 100 }, screen);
    expect(small).toEqual({ x: 400, y: 250, zoom: 1 });
    const wide = fitCamera({ x: -2000, y: -100, width: 4000, height: 200 }, screen);
    expect(wide.zoom).toBeCloseTo((1000 - 96) / 4000);
    // The map's centre lands on the screen's centre.
    expect(0 * wide.zoom + wide.x).toBeCloseTo(500);
  });

  it('opens a map that fits readably as a fit', () => {
    const bounds = { x: 0, y: 0, width: 600, height: 300 };
    const root = { x: 0, y: 130, width: 100, height: 40 };
    expect(openingCamera(bounds, root, screen)).toEqual(fitCamera(bounds, screen));
  });

  it('opens a big balanced map readable, on its central topic', () => {
    const bounds = { x: -2000, y: -1500, width: 4000, height: 3000 };
    const root = { x: -100, y: -20, width: 200, height: 40 };
    const camera = openingCamera(bounds, root, screen);
    expect(camera.zoom).toBe(READABLE_ZOOM);
    expect(0 * camera.zoom + camera.x).toBeCloseTo(500);
    expect(0 * camera.zoom + camera.y).toBeCloseTo(300);
  });

  it('opens a big map growing right at its left edge, and an org chart at its top', () => {
    const root = { x: 0, y: 1480, width: 200, height: 40 };
    const right = openingCamera({ x: 0, y: 0, width: 4000, height: 3000 }, root, screen);
    // The central topic is at the left, not off screen; vertically it is centred.
    expect(right.x).toBeCloseTo(48);
    expect(1500 * right.zoom + right.y).toBeCloseTo(300);
    const top = { x: 1900, y: 0, width: 200, height: 40 };
    const down = openingCamera({ x: 0, y: 0, width: 4000, height: 3000 }, top, screen);
    expect(down.y).toBeCloseTo(48);
    expect(2000 * down.zoom + down.x).toBeCloseTo(500);
  });
});
