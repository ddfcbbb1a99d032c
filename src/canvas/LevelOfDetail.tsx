import { useEffect, useRef } from 'react';
import { useReactFlow, useStoreApi, type Edge, type Node } from '@xyflow/react';
import { box, drawSimplified, type LodLook } from './lodDraw.ts';

export type { LodLook };

export interface LevelOfDetailProps {
  /** The board's nodes and edges as they are now (the canvas draws these, not React Flow's). */
  nodes: readonly Node[];
  edges: readonly Edge[];
  /** Below this zoom the board is drawn on one canvas layer instead of as DOM nodes. */
  threshold?: number;
  look(node: Node): LodLook;
  label(node: Node): string;
  /** An edge's colour on the canvas; its style's stroke when not given. */
  edgeColor?(edge: Edge): string;
  /** A click on a node while simplified, as React Flow's onNodeClick would report it. */
  onNodeClick?(event: MouseEvent, node: Node): void;
}

/** The LOD switch (localStorage `caseboard.lod` = `off` draws every node, for the benchmark). */
export function levelOfDetailEnabled(): boolean {
  try {
    return localStorage.getItem('caseboard.lod') !== 'off';
  } catch {
    return true;
  }
}

/** Below this zoom a board is drawn simplified. */
export const LOD_THRESHOLD = 0.45;

/**
 * Draws less on big boards, with no React work per frame:
 * - zoomed out below `threshold`, React Flow's node and edge layers are taken out of rendering
 *   (display: none; they stay mounted) and one canvas draws nodes as boxes, edges as straight lines,
 *   and labels only where they are big enough to read; selection, other people's selections and
 *   hover still show, and clicking a node still selects it (double-click zooms to it);
 * - zoomed in, a board hands React Flow only what is near the view (`viewWindow.ts`, or React
 *   Flow's own `onlyRenderVisibleElements`), so nothing far away is laid out or painted.
 * Everything runs from a subscription to React Flow's store, at most once per animation frame.
 */
export function LevelOfDetail({
  nodes,
  edges,
  threshold = LOD_THRESHOLD,
  look,
  label,
  edgeColor,
  onNodeClick,
}: LevelOfDetailProps) {
  const store = useStoreApi();
  const flow = useReactFlow();
  const canvas = useRef<HTMLCanvasElement>(null);
  const props = useRef({ nodes, edges, look, label, edgeColor, onNodeClick });
  props.current = { nodes, edges, look, label, edgeColor, onNodeClick };
  const redraw = useRef<() => void>(() => undefined);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    let frame = 0;
    let simplified = false;
    let hover: string | null = null;

    const dom = () => store.getState().domNode;

    const setSimplified = (on: boolean) => {
      if (on === simplified) return;
      simplified = on;
      dom()?.classList.toggle('is-simplified', on);
      element.hidden = !on;
      hover = null;
    };

    const draw = () => {
      frame = 0;
      const { transform, width, height } = store.getState();
      const { nodes, edges } = props.current;
      setSimplified(transform[2] < threshold && width > 0);
      if (!simplified) return;
      drawSimplified(
        element,
        context,
        { transform, width, height },
        {
          nodes,
          edges,
          nodeLookup: store.getState().nodeLookup,
          look: props.current.look,
          label: props.current.label,
          ...(props.current.edgeColor ? { edgeColor: props.current.edgeColor } : {}),
          hover,
        },
      );
    };

    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    redraw.current = schedule;

    const hit = (event: MouseEvent): Node | null => {
      const root = dom();
      if (!root) return null;
      const rect = root.getBoundingClientRect();
      const [tx, ty, zoom] = store.getState().transform;
      const x = (event.clientX - rect.left - tx) / zoom;
      const y = (event.clientY - rect.top - ty) / zoom;
      let found: Node | null = null;
      for (const node of props.current.nodes) {
        if (node.hidden) continue;
        const b = box(node, store.getState().nodeLookup);
        if (x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h) found = node;
      }
      return found;
    };

    const onMove = (event: PointerEvent) => {
      if (!simplified || event.buttons !== 0) return;
      const node = hit(event);
      const id = node?.id ?? null;
      if (id === hover) return;
      hover = id;
      const pane = dom()?.querySelector('.react-flow__pane');
      if (pane instanceof HTMLElement) {
        pane.title = node ? props.current.label(node) : '';
        pane.style.cursor = node ? 'pointer' : '';
      }
      schedule();
    };
    const onClick = (event: MouseEvent) => {
      if (!simplified) return;
      const node = hit(event);
      if (!node) return;
      // Taken here, so React Flow does not also see a click on the empty pane.
      event.stopPropagation();
      props.current.onNodeClick?.(event, node);
    };
    const onDoubleClick = (event: MouseEvent) => {
      if (!simplified) return;
      const node = hit(event);
      if (!node) return;
      event.stopPropagation();
      const b = box(node, store.getState().nodeLookup);
      void flow.setCenter(b.x + b.w / 2, b.y + b.h / 2, { zoom: 1, duration: 300 });
    };

    const root = dom();
    root?.addEventListener('pointermove', onMove);
    root?.addEventListener('click', onClick, true);
    root?.addEventListener('dblclick', onDoubleClick, true);
    const unsubscribe = store.subscribe((state, previous) => {
      if (
        state.transform !== previous.transform ||
        state.nodes !== previous.nodes ||
        state.edges !== previous.edges ||
        state.width !== previous.width ||
        state.height !== previous.height
      ) {
        schedule();
      }
    });
    schedule();
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      root?.removeEventListener('pointermove', onMove);
      root?.removeEventListener('click', onClick, true);
      root?.removeEventListener('dblclick', onDoubleClick, true);
      root?.classList.remove('is-simplified');
    };
  }, [store, flow, threshold]);

  // Redraw when the board or how its nodes look has changed.
  useEffect(() => redraw.current(), [nodes, edges, look, label]);

  return <canvas ref={canvas} className="lod-layer" hidden aria-hidden="true" />;
}
