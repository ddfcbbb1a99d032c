/**
 * Geometry of the presenting stage, in fractions of its box (0…1) so that followers and hearing
 * links with other screen sizes see the pointer, spotlight and zoom at the same place.
 */
export type Point = { x: number; y: number };
export type Region = { x: number; y: number; w: number; h: number };

/** The spotlight's radius, as a fraction of the smaller side of the screen. */
export const SPOTLIGHT_RADIUS = 0.16;

/** A point of the screen as a fraction of a box, clamped to the box. */
export function fractionIn(
  box: { left: number; top: number; width: number; height: number },
  clientX: number,
  clientY: number,
): Point {
  return {
    x: Math.min(1, Math.max(0, (clientX - box.left) / box.width)),
    y: Math.min(1, Math.max(0, (clientY - box.top) / box.height)),
  };
}

/** The region between two corners, whichever way it was dragged. */
export function regionOf(a: Point, b: Point): Region {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(a.x - b.x),
    h: Math.abs(a.y - b.y),
  };
}

/** Whether a dragged region is large enough to zoom to (a click is not a zoom). */
export function isZoomable(region: Region): boolean {
  return region.w > 0.02 && region.h > 0.02;
}

/** The CSS transform that fills the stage with a region, keeping its aspect ratio. */
export function zoomTransform(region: Region): string {
  const scale = Math.min(1 / region.w, 1 / region.h);
  return `scale(${scale}) translate(${-region.x * 100}%, ${-region.y * 100}%)`;
}
