/**
 * Where the enlarged copy of a document callout goes. A callout marks a region of a page and shows
 * it enlarged beside it; the copy must be larger than the region, stay inside the page and leave
 * the region (and so the text around it as little as possible) uncovered. Pure geometry in any one
 * unit (the marks layer uses the page's width as 1).
 */
import type { Mark } from './commands/files.ts';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type CalloutSide = 'right' | 'left' | 'below' | 'above';

export interface CalloutPlacement extends Box {
  side: CalloutSide;
  /** The copy's size over the region's (the same in both directions). */
  scale: number;
}

/** The largest enlargement the placement aims for; more only blurs the page image. */
export const CALLOUT_MAX_SCALE = 3;

const SIDES: CalloutSide[] = ['right', 'left', 'below', 'above'];

/**
 * Places the enlarged copy of `region` inside `page` (a box from 0, 0): on the side with the most
 * room (right, left, below, above; the first of equals), as large as that side allows up to
 * `CALLOUT_MAX_SCALE`, centred on the region along that side and kept a `gap` from it and half a
 * gap inside the page's edges. When no side has room for a copy larger than the region (a region filling most of the
 * page), the copy is centred on the page at the largest size that fits: over the region, since
 * there is nowhere else.
 * @example placeCallout({ x: 0.1, y: 0.1, w: 0.1, h: 0.05 }, { w: 1, h: 1.4 }) // right, scale 3
 * @example placeCallout({ x: 0.1, y: 0.3, w: 0.8, h: 0.05 }, { w: 1, h: 1.4 }).side // 'below'
 */
export function placeCallout(
  region: Box,
  page: { w: number; h: number },
  gap = page.w * 0.02,
): CalloutPlacement {
  const rw = Math.max(region.w, 1e-6);
  const rh = Math.max(region.h, 1e-6);
  let best: CalloutPlacement | null = null;
  for (const side of SIDES) {
    const room = roomOn(side, region, page, gap);
    const scale = Math.min(CALLOUT_MAX_SCALE, room.w / rw, room.h / rh);
    if (scale <= 1 || (best && scale <= best.scale)) continue;
    const w = rw * scale;
    const h = rh * scale;
    const centred = {
      x: clamp(region.x + rw / 2 - w / 2, room.x, room.x + room.w - w),
      y: clamp(region.y + rh / 2 - h / 2, room.y, room.y + room.h - h),
    };
    best = { side, scale, w, h, ...centred };
  }
  if (best) return best;
  const scale = Math.min(page.w / rw, page.h / rh);
  const w = rw * scale;
  const h = rh * scale;
  return { side: 'right', scale, w, h, x: (page.w - w) / 2, y: (page.h - h) / 2 };
}

/** The free band of the page on one side of the region, `gap` away from it. */
function roomOn(side: CalloutSide, r: Box, page: { w: number; h: number }, gap: number): Box {
  // Half a gap of margin keeps the copy's frame off the page's edge.
  const m = gap / 2;
  const [right, bottom] = [page.w - m, page.h - m];
  switch (side) {
    case 'right':
      return { x: r.x + r.w + gap, y: m, w: right - r.x - r.w - gap, h: bottom - m };
    case 'left':
      return { x: m, y: m, w: r.x - gap - m, h: bottom - m };
    case 'below':
      return { x: m, y: r.y + r.h + gap, w: right - m, h: bottom - r.y - r.h - gap };
    case 'above':
      return { x: m, y: m, w: right - m, h: r.y - gap - m };
  }
}

/**
 * Keeps a moved or resized copy inside the page and no smaller than its region, with the region's
 * proportions (width decides; the height follows).
 * @example fitCallout({ x: 0.9, y: 0, w: 0.3, h: 0 }, { x: 0, y: 0, w: 0.1, h: 0.1 }, { w: 1, h: 1 }) // { x: 0.7, y: 0, w: 0.3, h: 0.3 }
 */
export function fitCallout(copy: Box, region: Box, page: { w: number; h: number }): Box {
  const ratio = Math.max(region.h, 1e-6) / Math.max(region.w, 1e-6);
  const maxW = Math.min(page.w, page.h / ratio);
  const w = clamp(copy.w, Math.min(region.w, maxW), maxW);
  const h = w * ratio;
  return { x: clamp(copy.x, 0, page.w - w), y: clamp(copy.y, 0, page.h - h), w, h };
}

/**
 * The connector from a region to its copy: the part of the line between their centres that lies
 * outside both boxes, so it touches each box's border and crosses neither.
 * @example connectBoxes({ x: 0, y: 0, w: 1, h: 1 }, { x: 3, y: 0, w: 1, h: 1 }) // { x1: 1, y1: 0.5, x2: 3, y2: 0.5 }
 */
export function connectBoxes(
  from: Box,
  to: Box,
): { x1: number; y1: number; x2: number; y2: number } {
  const a = centre(from);
  const b = centre(to);
  const start = exitPoint(from, a, b);
  const end = exitPoint(to, b, a);
  return { x1: start.x, y1: start.y, x2: end.x, y2: end.y };
}

function centre(box: Box): { x: number; y: number } {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

/** Where the ray from `inside` (the box's centre) towards `target` leaves the box. */
function exitPoint(
  box: Box,
  inside: { x: number; y: number },
  target: { x: number; y: number },
): { x: number; y: number } {
  const dx = target.x - inside.x;
  const dy = target.y - inside.y;
  const tx = dx === 0 ? Infinity : box.w / 2 / Math.abs(dx);
  const ty = dy === 0 ? Infinity : box.h / 2 / Math.abs(dy);
  const t = Math.min(tx, ty, 1);
  return { x: inside.x + dx * t, y: inside.y + dy * t };
}

const clamp = (n: number, min: number, max: number) => Math.min(Math.max(n, min), max);

/**
 * A callout mark's region and enlarged copy in the marks layer's space (the page's width is 1, its
 * height `aspect`). A copy without a stored place (`w2`: callouts of older cases) is placed by
 * `placeCallout`; a stored one is kept inside the page by `fitCallout`.
 * @example calloutBoxes({ id: 'm', kind: 'callout', page: 1, x: 0.1, y: 0.1, w: 0.1, h: 0.05 }, 1.4).copy
 */
export function calloutBoxes(mark: Mark, aspect: number): { region: Box; copy: Box } {
  const region = { x: mark.x, y: mark.y * aspect, w: mark.w ?? 0.1, h: (mark.h ?? 0.1) * aspect };
  const page = { w: 1, h: aspect };
  if (mark.w2 === undefined || mark.x2 === undefined || mark.y2 === undefined)
    return { region, copy: placeCallout(region, page) };
  const copy = { x: mark.x2, y: mark.y2 * aspect, w: mark.w2, h: (mark.w2 * region.h) / region.w };
  return { region, copy: fitCallout(copy, region, page) };
}
