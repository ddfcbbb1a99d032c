import { useEffect, useState } from 'react';
import { useStoreApi } from '@xyflow/react';

/** A rectangle of the board, in board coordinates. */
export interface Area {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The part of a big board that is drawn as DOM: the view grown by a margin on every side, or
 * nothing while the board is zoomed out below the level-of-detail threshold (a canvas draws it).
 */
export interface ViewWindow {
  area: Area;
  zoom: number;
  simplified: boolean;
}

/** How far beyond the view the window reaches, as a share of the view's size on each side. */
const MARGIN = 0.5;
/** A zoom this many times bigger or smaller than the window's makes a new window. */
const ZOOM_STEP = 1.5;

export function viewArea(
  transform: readonly [number, number, number],
  width: number,
  height: number,
): Area {
  const [tx, ty, zoom] = transform;
  const x0 = -tx / zoom;
  const y0 = -ty / zoom;
  return { x0, y0, x1: x0 + width / zoom, y1: y0 + height / zoom };
}

/** The area grown by `share` of its size on every side. */
export function grown(area: Area, share: number): Area {
  const dx = (area.x1 - area.x0) * share;
  const dy = (area.y1 - area.y0) * share;
  return { x0: area.x0 - dx, y0: area.y0 - dy, x1: area.x1 + dx, y1: area.y1 + dy };
}

/** Whether a box meets the area. */
export function meets(area: Area, x: number, y: number, width: number, height: number): boolean {
  return x <= area.x1 && x + width >= area.x0 && y <= area.y1 && y + height >= area.y0;
}

/**
 * Whether a window still serves a view: the view lies inside it with at least half its margin to
 * spare, and the zoom has not changed much (zooming in far would leave the window needlessly big).
 */
export function serves(window: ViewWindow, view: Area, zoom: number, simplified: boolean): boolean {
  if (window.simplified !== simplified) return false;
  if (simplified) return true;
  if (zoom > window.zoom * ZOOM_STEP || zoom < window.zoom / ZOOM_STEP) return false;
  const spare = grown(view, MARGIN / 2);
  return (
    spare.x0 >= window.area.x0 &&
    spare.y0 >= window.area.y0 &&
    spare.x1 <= window.area.x1 &&
    spare.y1 <= window.area.y1
  );
}

/**
 * The board's view window, re-decided only when the view leaves it (a pan of a quarter of the
 * screen, a zoom by half, or crossing the simplified threshold): a pan within it costs no React
 * work. Null until React Flow knows its size.
 */
export function useViewWindow(threshold: number): ViewWindow | null {
  const store = useStoreApi();
  const [window, setWindow] = useState<ViewWindow | null>(null);
  useEffect(() => {
    let current: ViewWindow | null = null;
    const decide = () => {
      const { transform, width, height } = store.getState();
      if (width === 0 || height === 0) return;
      const zoom = transform[2];
      const view = viewArea(transform, width, height);
      const simplified = zoom < threshold;
      if (current && serves(current, view, zoom, simplified)) return;
      current = { area: grown(view, MARGIN), zoom, simplified };
      setWindow(current);
    };
    decide();
    return store.subscribe((state, previous) => {
      if (
        state.transform !== previous.transform ||
        state.width !== previous.width ||
        state.height !== previous.height
      )
        decide();
    });
  }, [store, threshold]);
  return window;
}
