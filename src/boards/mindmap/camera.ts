/**
 * Where the camera stands on a mind map: pure functions of the layout's boxes and the screen, so a
 * fit never depends on what React Flow has measured (or kept from an older layout while the map
 * was drawn simplified).
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Camera {
  x: number;
  y: number;
  zoom: number;
}
export interface Screen {
  width: number;
  height: number;
}

/** The zoom at which a topic's 20 px line is 14 px on screen: labels can still be read. */
export const READABLE_ZOOM = 0.7;
/** Space kept free around a fitted map, in screen pixels: clear of the zoom controls in a corner. */
const MARGIN = 48;

/**
 * The box around all `boxes`.
 * @example boundsOf([{ x: 0, y: 0, width: 10, height: 10 }, { x: 20, y: 5, width: 10, height: 10 }]) // { x: 0, y: 0, width: 30, height: 15 }
 */
export function boundsOf(boxes: Iterable<Box>): Box | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The camera that shows all of `bounds` centred on `screen`, no larger than `maxZoom` and no
 * smaller than `minZoom`.
 * @example fitCamera({ x: 0, y: 0, width: 1000, height: 500 }, { width: 548, height: 548 }) // { x: 48, y: 161, zoom: 0.452 }
 */
export function fitCamera(bounds: Box, screen: Screen, minZoom = 0.05, maxZoom = 1): Camera {
  const free = { width: screen.width - 2 * MARGIN, height: screen.height - 2 * MARGIN };
  const zoom = clamp(
    Math.min(free.width / Math.max(bounds.width, 1), free.height / Math.max(bounds.height, 1)),
    minZoom,
    maxZoom,
  );
  return {
    x: (screen.width - bounds.width * zoom) / 2 - bounds.x * zoom,
    y: (screen.height - bounds.height * zoom) / 2 - bounds.y * zoom,
    zoom,
  };
}

/**
 * The camera a map opens with: fitted, but never below `READABLE_ZOOM` (as XMind opens at a zoom
 * whose text can be read, and the user scrolls for the rest). When the map does not fit, the
 * central topic `focus` is centred on each axis the map overflows, without leaving empty screen
 * where the map has more to show: a map growing right starts at the left edge, an org chart at the
 * top, a balanced map around its centre.
 */
export function openingCamera(bounds: Box, focus: Box, screen: Screen): Camera {
  const fitted = fitCamera(bounds, screen);
  if (fitted.zoom >= READABLE_ZOOM) return fitted;
  const zoom = READABLE_ZOOM;
  const axis = (start: number, size: number, centre: number, room: number) => {
    const drawn = size * zoom;
    if (drawn + 2 * MARGIN <= room) return (room - drawn) / 2 - start * zoom;
    const centred = room / 2 - centre * zoom;
    // Keep the map's edges at or beyond the screen's edges (with the margin).
    const most = MARGIN - start * zoom;
    const least = room - MARGIN - (start + size) * zoom;
    return clamp(centred, least, most);
  };
  return {
    x: axis(bounds.x, bounds.width, focus.x + focus.width / 2, screen.width),
    y: axis(bounds.y, bounds.height, focus.y + focus.height / 2, screen.height),
    zoom,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
