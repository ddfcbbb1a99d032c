import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { boundsOf, fitCamera, openingCamera } from './camera.ts';
import type { TopicNode } from './view.ts';

/** How long the camera takes to bring a topic into view, ms. */
const MOVE_MS = 200;

/**
 * The map's camera: where it opens, fitting the whole map, and keeping the selected topic in view
 * when the keyboard moves it. It works from the current layout's boxes, not from React Flow's
 * nodes: those are the previous layout's while the map is drawn simplified.
 */
export function useMapCamera(
  container: RefObject<HTMLDivElement | null>,
  laidOut: TopicNode[],
  selected: string | undefined,
) {
  const flow = useReactFlow();
  const laidOutRef = useRef(laidOut);
  laidOutRef.current = laidOut;
  // Moves glide in a straight line at the zoom they start from. React Flow's default flies out and
  // back in (d3's zoom interpolation), so the zoom read during a move was lower than both ends: a
  // move started then (arrow keys pressed quickly, Enter in the find box) kept that lower zoom, and
  // the map zoomed out a little with every key, more the slower the machine.
  const centre = useCallback(
    (x: number, y: number) => {
      const { zoom } = flow.getViewport();
      void flow.setCenter(x, y, { duration: MOVE_MS, zoom, interpolate: 'linear' });
    },
    [flow],
  );

  const placeCamera = useCallback(
    (how: 'open' | 'fit') => {
      const box = container.current?.getBoundingClientRect();
      const topicsNow = laidOutRef.current;
      const bounds = boundsOf(
        topicsNow.map((n) => ({ ...n.position, width: n.data.width, height: n.data.height })),
      );
      if (!box || box.width === 0 || !bounds) return;
      const root = topicsNow.find((n) => n.data.root) ?? topicsNow[0]!;
      const screen = { width: box.width, height: box.height };
      void flow.setViewport(
        how === 'open'
          ? openingCamera(
              bounds,
              { ...root.position, width: root.data.width, height: root.data.height },
              screen,
            )
          : fitCamera(bounds, screen),
        how === 'fit' ? { duration: 200 } : undefined,
      );
    },
    [flow, container],
  );

  /** Centres a topic without changing the zoom. */
  const reveal = useCallback(
    (id: string) => {
      const node = laidOutRef.current.find((n) => n.id === id);
      if (node)
        centre(node.position.x + node.data.width / 2, node.position.y + node.data.height / 2);
    },
    [centre],
  );

  /** A topic's box on screen, relative to the map's container: where its editor goes. */
  const screenBox = (node: TopicNode) => {
    const p = flow.flowToScreenPosition(node.position);
    const box = container.current?.getBoundingClientRect();
    const zoom = flow.getViewport().zoom;
    return {
      x: p.x - (box?.left ?? 0),
      y: p.y - (box?.top ?? 0),
      width: node.data.width * zoom,
      height: node.data.height * zoom,
    };
  };

  useEffect(() => {
    const node = laidOut.find((n) => n.id === selected);
    if (!node) return;
    const { x, y, zoom } = flow.getViewport();
    const box = container.current?.getBoundingClientRect();
    if (!box) return;
    const sx = node.position.x * zoom + x;
    const sy = node.position.y * zoom + y;
    if (
      sx < 0 ||
      sy < 0 ||
      sx + node.data.width * zoom > box.width ||
      sy + node.data.height * zoom > box.height
    ) {
      centre(node.position.x + node.data.width / 2, node.position.y + node.data.height / 2);
    }
  }, [selected, laidOut, flow, container, centre]);

  return { placeCamera, reveal, screenBox };
}
