import type * as Y from 'yjs';
import type { Picture, Shape } from './picture.ts';

/**
 * A board kind's renderer (src/boards/<kind>/render.ts): the board, or one frame of it, drawn from
 * the case document as a `Picture`, with the same layout code the editor uses. Pure TypeScript: it
 * runs in the page (export menu, slide thumbnails, the hearing link's picture) and in Node (the
 * server's export routes, `npm run export`). It reads the document only; it never measures the DOM.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface RenderOptions {
  /**
   * Only this rectangle of the board, in board coordinates (a slide's frame): the picture is the
   * frame's size, its shapes clipped to it. Absent: the whole board with a margin.
   */
  frame?: Rect | null;
  /** Nodes waiting for a later build step of a slide: left out, or drawn dimmed with `dim`. */
  waiting?: ReadonlySet<string>;
  dim?: boolean;
  /** The language of words the renderer adds (axis dates, legends): 'vi' or 'en'. */
  language: string;
}

export type BoardRender = (doc: Y.Doc, boardId: string, options: RenderOptions) => Picture;

/** Thrown by a renderer when the board does not exist or is not of its kind. */
export class NoSuchBoard extends Error {
  constructor(boardId: string) {
    super(`no board ${boardId}`);
  }
}

/** The margin around a whole board's picture, in board units. */
export const BOARD_MARGIN = 40;

/**
 * The last step of a renderer: shapes drawn in board coordinates become the
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
