import type { Rect, Viewport } from '@xyflow/react';

/**
 * The zoom a board too big to fit opens at: node labels and link words (15 px) are 10.5 px tall
 * on screen.
 */
export const READABLE_ZOOM = 0.7;

/**
 * The smallest zoom a whole board may be fitted at when it opens: a little under `READABLE_ZOOM`,
 * since seeing every node of a small chart beside the register beats reading it cut at the edge;
 * labels and link words (15 px) are still 9 px tall on screen there.
 */
export const FIT_ZOOM = 0.6;

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The camera a board opens with: the whole board fitted into the view inside `margins` (kept free
 * for the controls and the minimap), never larger than 1:1 and never smaller than `fitMin`. A
 * board too big to fit so opens at readable zoom at its top-left corner, the way a page is read,
 * and is centred along an axis where it does fit.
 *
 * @example openingViewport({ x: 0, y: 0, width: 900, height: 600 }, { width: 540, height: 600 }, { top: 16, right: 16, bottom: 16, left: 56 })
 */
export function openingViewport(
  bounds: Rect,
  view: { width: number; height: number },
  margins: Margins,
  zoomRange: { min: number; max: number } = { min: READABLE_ZOOM, max: 1 },
  fitMin = Math.min(FIT_ZOOM, zoomRange.min),
): Viewport {
  const width = Math.max(1, view.width - margins.left - margins.right);
  const height = Math.max(1, view.height - margins.top - margins.bottom);
  const fit = Math.min(width / Math.max(1, bounds.width), height / Math.max(1, bounds.height));
  const zoom = fit >= fitMin ? Math.min(zoomRange.max, fit) : zoomRange.min;
  const place = (start: number, size: number, room: number, margin: number) =>
    size * zoom <= room ? margin + (room - size * zoom) / 2 - start * zoom : margin - start * zoom;
  return {
    x: place(bounds.x, bounds.width, width, margins.left),
    y: place(bounds.y, bounds.height, height, margins.top),
    zoom,
  };
}
