import { useEffect, useRef, useState } from 'react';
import { useNodesInitialized, useReactFlow, useStoreApi, type Rect } from '@xyflow/react';
import { openingViewport } from './openingView.ts';

/** Height of the zoom controls in the bottom-left corner, with their margin. */
const CONTROLS_HEIGHT = 120;
/** The minimap, drawn only where the board is wide enough to spare its corner. */
export const MINIMAP = { width: 160, height: 110, minBoardWidth: 760 };

/**
 * The surface's element and whether it is wide enough for the minimap; opens the camera once,
 * when nodes are measured (not on a slide, nor when a node is to be focused).
 */
export function useOpeningView(
  present: unknown,
  focusNodeId: string | null | undefined,
  /**
   * A board that hands React Flow only part of its nodes (`useDrawnBoard.ts`) gives the bounds of
   * all of them, and says when those it has handed over are measured (or there are none near).
   */
  whole?: { bounds(): Rect; ready: boolean } | null,
) {
  const flow = useReactFlow();
  // The board's width decides whether the minimap has room; the camera opens once nodes are
  // measured, readable and clear of the controls and the minimap.
  const surface = useRef<HTMLDivElement>(null);
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const element = surface.current;
    if (!element) return;
    const observer = new ResizeObserver(() =>
      setWide(element.clientWidth >= MINIMAP.minBoardWidth),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const store = useStoreApi();
  const initialized = useNodesInitialized() || !!whole?.ready;
  const opened = useRef(false);
  useEffect(() => {
    if (present || opened.current || !initialized) return;
    opened.current = true;
    if (focusNodeId) return;
    const { width, height } = store.getState();
    // Measured here, not from `wide`: the first measurement may not have reached the state yet.
    const minimap = (surface.current?.clientWidth ?? 0) >= MINIMAP.minBoardWidth;
    const right = minimap ? MINIMAP.width + 31 : 16;
    const bounds = whole ? whole.bounds() : flow.getNodesBounds(flow.getNodes());
    // The left margin keeps the board clear of the zoom controls in the bottom-left corner; a
    // board that, fitted, stays above them may use that room too.
    const tight = openingViewport(
      bounds,
      { width, height },
      { top: 16, right, bottom: 16, left: 16 },
    );
    const clearOfControls =
      bounds.x * tight.zoom + tight.x >= 56 ||
      (bounds.y + bounds.height) * tight.zoom + tight.y <= height - CONTROLS_HEIGHT;
    void flow.setViewport(
      clearOfControls
        ? tight
        : openingViewport(bounds, { width, height }, { top: 16, right, bottom: 16, left: 56 }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when ready: not again for new bounds
  }, [present, initialized, focusNodeId, store, flow]);
  return { surface, wide };
}
