import { BOARD_MARGIN, type Rect, type RenderOptions } from '../../render/board.ts';
import type { Picture, Shape } from '../../render/picture.ts';

/**
 * The last step of the chart and timeline renderers: shapes drawn in board coordinates become the
 * whole board with a margin, or one frame of it (the frame's size, everything moved by -x, -y and
 * clipped to it).
 */
export function framePicture(
  shapes: Shape[],
  bounds: Rect,
  options: RenderOptions,
  title: string,
): Picture {
  const frame = options.frame;
  if (frame) {
    return {
      width: frame.w,
      height: frame.h,
      background: '#ffffff',
      title,
      shapes: [
        {
          kind: 'group',
          transform: [1, 0, 0, 1, -frame.x, -frame.y],
          clip: { x: frame.x, y: frame.y, width: frame.w, height: frame.h },
          children: shapes,
        },
      ],
    };
  }
  const width = Math.ceil(bounds.w + 2 * BOARD_MARGIN);
  const height = Math.ceil(bounds.h + 2 * BOARD_MARGIN);
  return {
    width,
    height,
    background: '#ffffff',
    title,
    shapes: [
      {
        kind: 'group',
        transform: [1, 0, 0, 1, BOARD_MARGIN - bounds.x, BOARD_MARGIN - bounds.y],
        children: shapes,
      },
    ],
  };
}

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
