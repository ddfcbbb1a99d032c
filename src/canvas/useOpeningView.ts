import { useEffect, useRef, useState } from 'react';
import { useNodesInitialized, useReactFlow, useStoreApi } from '@xyflow/react';
import { openingViewport } from './openingView.ts';

/** Height of the zoom controls in the bottom-left corner, with their margin. */
const CONTROLS_HEIGHT = 120;
/** The minimap, drawn only where the board is wide enough to spare its corner. */
export const MINIMAP = { width: 160, height: 110, minBoardWidth: 760 };

/**
 * The surface's element and whether it is wide enough for the minimap; opens the camera once,
 * when nodes are measured (not on a slide, nor when a node is to be focused).
 */
export function useOpeningView(present: unknown, focusNodeId: string | null | undefined) {
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
  const initialized = useNodesInitialized();
  const opened = useRef(false);
  useEffect(() => {
    if (present || opened.current || !initialized) return;
    opened.current = true;
    if (focusNodeId) return;
    const { width, height } = store.getState();
    // Measured here, not from `wide`: the first measurement may not have reached the state yet.
    const minimap = (surface.current?.clientWidth ?? 0) >= MINIMAP.minBoardWidth;
    const right = minimap ? MINIMAP.width + 31 : 16;
    const bounds = flow.getNodesBounds(flow.getNodes());
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
  }, [present, initialized, focusNodeId, store, flow]);
  return { surface, wide };
}
