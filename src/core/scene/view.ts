/**
 * The scene's camera and calibration maths: fitting the drawing into the canvas, zooming about the
 * pointer, screen ↔ metres, and scaling a background image to a known length.
 */
import { boundsOf, calibrationFactor, distance, type Point, type SceneObject } from '../scene.ts';

/** Pixels per metre at zoom 1. */
export const PX = 50;

/** Where the scene's origin is on screen (pixels) and its zoom. */
export interface SceneView {
  x: number;
  y: number;
  k: number;
}

/**
 * The view that shows every object whole in a canvas of `width` × `height` pixels, with 40 pixels
 * of margin, zoom between 0.02 and 4; null when there is nothing to show.
 *
 * @example fitView([room], 800, 600) // { k: …, x: …, y: … } with the room centred
 */
export function fitView(
  objects: readonly SceneObject[],
  width: number,
  height: number,
): SceneView | null {
  const shown = objects.filter((o) => o.shape !== 'measure' || o.points.length > 0);
  if (width === 0 || shown.length === 0) return null;
  const bounds = shown.map(boundsOf);
  const x0 = Math.min(...bounds.map((b) => b.x0));
  const y0 = Math.min(...bounds.map((b) => b.y0));
  const x1 = Math.max(...bounds.map((b) => b.x1));
  const y1 = Math.max(...bounds.map((b) => b.y1));
  const k = Math.min(
    4,
    Math.max(
      0.02,
      Math.min((width - 80) / ((x1 - x0 || 1) * PX), (height - 80) / ((y1 - y0 || 1) * PX)),
    ),
  );
  return { k, x: width / 2 - ((x0 + x1) / 2) * PX * k, y: height / 2 - ((y0 + y1) / 2) * PX * k };
}

/** The view zoomed by `factor` about a point of the canvas (pixels), zoom kept in 0.02–40. */
export function zoomAt(view: SceneView, factor: number, at: Point): SceneView {
  const k = Math.min(40, Math.max(0.02, view.k * factor));
  return { k, x: at.x - ((at.x - view.x) * k) / view.k, y: at.y - ((at.y - view.y) * k) / view.k };
}

/**
 * The view moved (zoom kept) so that `point` (metres) is at the centre of a canvas of `width` ×
 * `height` pixels, unless it is already on screen with `margin` pixels to spare.
 */
export function revealPoint(
  view: SceneView,
  point: Point,
  width: number,
  height: number,
  margin = 40,
): SceneView {
  const sx = view.x + point.x * PX * view.k;
  const sy = view.y + point.y * PX * view.k;
  if (sx >= margin && sy >= margin && sx <= width - margin && sy <= height - margin) return view;
  return { k: view.k, x: width / 2 - point.x * PX * view.k, y: height / 2 - point.y * PX * view.k };
}

/** A point of the canvas (pixels from its top left corner) in metres. */
export function toWorld(view: SceneView, px: Point): Point {
  return { x: (px.x - view.x) / (PX * view.k), y: (px.y - view.y) / (PX * view.k) };
}

/**
 * The background's new place and size once the line from `a` to `b` drawn over it is `known`
 * metres long: scaled about `a`, so the line's start stays where it was.
 */
export function calibratedBackground(
  background: Pick<SceneObject, 'x' | 'y' | 'w' | 'h'>,
  a: Point,
  b: Point,
  known: number,
): Pick<SceneObject, 'x' | 'y' | 'w' | 'h'> {
  const f = calibrationFactor(distance(a, b), known);
  return {
    x: a.x + (background.x - a.x) * f,
    y: a.y + (background.y - a.y) * f,
    w: background.w * f,
    h: background.h * f,
  };
}
