/**
 * The geometry under the scene's labels: label sizes, side lengths along an outline, corners of a
 * rotated box, a room's outline, and the box and segment tests the placement uses. Metres.
 */
import type { Point, SceneObject } from '../scene.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What an area label must keep clear of: boxes, and segments (measurement and path lines). */
export interface Obstacles {
  boxes: Box[];
  segments: Array<[Point, Point]>;
}

/** A side's length label: its centre, its angle (degrees, never upside down) and the length. */
export interface SideLabel {
  x: number;
  y: number;
  angle: number;
  length: number;
}

/** Rough size of a one-line label of `chars` characters at `fontSize` metres. */
export function labelSize(chars: number, fontSize: number): { w: number; h: number } {
  return { w: chars * fontSize * 0.6, h: fontSize * 1.2 };
}

/** Signed area (positive when the outline runs clockwise on a screen, y pointing down). */
function signedArea(points: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return twice / 2;
}

/**
 * The length label of each side of an outline, in the order of its points, `offset` metres
 * outside the outline (to the left of the direction of travel for an open one), parallel to it.
 *
 * @example sideLabels([{x:0,y:0},{x:4,y:0},{x:4,y:3}], true, 0.3)[0] // {x:2, y:-0.3, angle:0, length:4}
 */
export function sideLabels(points: readonly Point[], closed: boolean, offset: number): SideLabel[] {
  const n = points.length;
  if (n < 2) return [];
  // Outward is to the left of travel for a clockwise (screen) loop, to the right otherwise.
  const side = closed && n > 2 && signedArea(points) < 0 ? -1 : 1;
  const labels: SideLabel[] = [];
  for (let i = 0; i < (closed && n > 2 ? n : n - 1); i++) {
    const a = points[i]!;
    const b = points[(i + 1) % n]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length === 0) continue;
    const nx = ((b.y - a.y) / length) * side;
    const ny = (-(b.x - a.x) / length) * side;
    const raw = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
    const angle = raw > 90 ? raw - 180 : raw <= -90 ? raw + 180 : raw;
    labels.push({
      x: (a.x + b.x) / 2 + nx * offset,
      y: (a.y + b.y) / 2 + ny * offset,
      angle: Math.round(angle * 1000) / 1000 + 0,
      length,
    });
  }
  return labels;
}

/** The four corners of a box object (rectangle, ellipse, symbol), rotation included, clockwise. */
export function cornersOf(o: Pick<SceneObject, 'x' | 'y' | 'w' | 'h' | 'rotation'>): Point[] {
  const c = { x: o.x + o.w / 2, y: o.y + o.h / 2 };
  const a = (o.rotation * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return [
    [o.x, o.y],
    [o.x + o.w, o.y],
    [o.x + o.w, o.y + o.h],
    [o.x, o.y + o.h],
  ].map(([x, y]) => ({
    x: c.x + (x! - c.x) * cos - (y! - c.y) * sin,
    y: c.y + (x! - c.x) * sin + (y! - c.y) * cos,
  }));
}

/** The outline a room's labels follow: a closed wall, a polygon or a rectangle; else null. */
export function roomOutline(o: SceneObject): Point[] | null {
  if ((o.shape === 'wall' && o.closed) || o.shape === 'polygon')
    return o.points.length >= 3 ? o.points : null;
  if (o.shape === 'rect') return cornersOf(o);
  return null;
}

/** The box around points. */
export function boundsOfPoints(points: readonly Point[]): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Whether a point is inside a polygon (even-odd rule). */
export function insidePolygon(p: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

/** Whether two boxes overlap (touching is not overlapping). */
export const boxesOverlap = (a: Box, b: Box) =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Whether the segment from p to q crosses the box (Liang–Barsky clipping). */
export function segmentCrossesBox(p: Point, q: Point, box: Box): boolean {
  // Quick rejection by the segment's own box, then clipping against the four sides.
  if (Math.max(p.x, q.x) < box.x0 || Math.min(p.x, q.x) > box.x1) return false;
  if (Math.max(p.y, q.y) < box.y0 || Math.min(p.y, q.y) > box.y1) return false;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t0 = 0;
  let t1 = 1;
  const clip = (d: number, r: number): boolean => {
    if (d === 0) return r >= 0;
    const t = r / d;
    if (d < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    return t0 <= t1;
  };
  return (
    clip(-dx, p.x - box.x0) &&
    clip(dx, box.x1 - p.x) &&
    clip(-dy, p.y - box.y0) &&
    clip(dy, box.y1 - p.y)
  );
}
