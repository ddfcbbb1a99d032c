import type { Rect, RenderOptions } from '../../render/board.ts';

/** How a node or event waiting for a later build step is drawn: not at all, dimmed, or as usual. */
export function waitingLook(id: string, options: RenderOptions): 'hidden' | 'dim' | 'shown' {
  if (!options.waiting?.has(id)) return 'shown';
  return options.dim ? 'dim' : 'hidden';
}

/** The opacity of what waits dimmed (the editor fades it to a trace). */
export const DIM_OPACITY = 0.25;

/** The smallest rectangle around the given ones; an empty board is a small blank one. */
export function unionOf(rects: readonly Rect[]): Rect {
  if (rects.length === 0) return { x: 0, y: 0, w: 200, h: 100 };
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.w));
  const bottom = Math.max(...rects.map((r) => r.y + r.h));
  return { x, y, w: right - x, h: bottom - y };
}
