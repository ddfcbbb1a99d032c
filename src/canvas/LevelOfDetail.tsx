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
  /**
   * Told when the board switches to or from the simplified drawing. A board may stop handing
   * React Flow new nodes while simplified (its DOM is not drawn), which saves React Flow's work
   * per change; it must hand them over again when told `false`.
   */
  onSimplified?(simplified: boolean): void;
  /**
   * Zoomed in, culls nodes far outside the view (a board that hands React Flow only what is near
   * the view, as the mind map does, has nothing to cull).
   */
  cull?: boolean;
}

/** The LOD switch (localStorage `caseboard.lod` = `off` draws every node, for the benchmark). */
export function levelOfDetailEnabled(): boolean {
  try {
    return localStorage.getItem('caseboard.lod') !== 'off';
  } catch {
    return true;
  }
}

const CULL_MARGIN = 0.5; // nodes within half a screen of the view stay drawn
/** Below this zoom a board is drawn simplified. */
export const LOD_THRESHOLD = 0.45;

/**
 * Draws less on big boards, with no React work per frame:
 * - zoomed out below `threshold`, React Flow's node and edge layers are taken out of rendering
 *   (display: none; they stay mounted) and one canvas draws nodes as boxes, edges as straight lines,
 *   and labels only where they are big enough to read; selection, other people's selections and
 *   hover still show, and clicking a node still selects it (double-click zooms to it);
 * - zoomed in, nodes far outside the view are culled with `content-visibility: hidden`, which skips
 *   their layout and paint without unmounting them, so nothing re-mounts when they come back (the
 *   evidence, relationship and timeline boards; the mind map gives React Flow only what is near the
 *   view instead, `viewWindow.ts`, and turns this off).
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
  onSimplified,
  cull: culling = true,
}: LevelOfDetailProps) {
  const store = useStoreApi();
  const flow = useReactFlow();
  const canvas = useRef<HTMLCanvasElement>(null);
  const props = useRef({ nodes, edges, look, label, edgeColor, onNodeClick, onSimplified });
  props.current = { nodes, edges, look, label, edgeColor, onNodeClick, onSimplified };
  const redraw = useRef<() => void>(() => undefined);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    let frame = 0;
    let simplified = false;
    let hover: string | null = null;
    let culledBox: { x0: number; y0: number; x1: number; y1: number; zoom: number } | null = null;
    // Node and edge elements by id, found once per change of the board (not per pan).
    const found = new Map<string, Map<string, Element>>();
    let fitted = false;

    const dom = () => store.getState().domNode;

    const setSimplified = (on: boolean) => {
      if (on === simplified) return;
      simplified = on;
      if (on) {
        // Skip the layers first, then drop the culling marks inside them (no layout: skipped).
        dom()?.classList.add('is-simplified');
        uncullAll();
      } else {
        // Cull before the layers come back, so only what is near the view is laid out again.
        culledBox = null;
        if (culling) cull();
        dom()?.classList.remove('is-simplified');
      }
      element.hidden = !on;
      hover = null;
      props.current.onSimplified?.(on);
    };

    const uncullAll = () => {
      for (const el of dom()?.querySelectorAll('[data-culled]') ?? [])
        el.removeAttribute('data-culled');
      culledBox = null;
    };

    /** Re-decides which nodes are culled, only when the view has moved well away from the last. */
    const cull = () => {
      const { transform, width, height, nodeLookup, fitViewQueued } = store.getState();
      // Not before the first fit: culling nodes that are about to be drawn small is wasted work.
      if (!fitted) {
        if (fitViewQueued) return;
        fitted = true;
      }
      const [tx, ty, zoom] = transform;
      const x0 = -tx / zoom;
      const y0 = -ty / zoom;
      const x1 = x0 + width / zoom;
      const y1 = y0 + height / zoom;
      const mx = (x1 - x0) * CULL_MARGIN;
      const my = (y1 - y0) * CULL_MARGIN;
      const last = culledBox;
      if (
        last &&
        Math.abs(Math.log(last.zoom / zoom)) < 0.4 &&
        x0 >= last.x0 - mx / 2 &&
        y0 >= last.y0 - my / 2 &&
        x1 <= last.x1 + mx / 2 &&
        y1 <= last.y1 + my / 2
      )
        return;
      culledBox = { x0, y0, x1, y1, zoom };
      const root = dom();
      if (!root) return;
      const elements = (selector: string) => {
        let map = found.get(selector);
        if (map) return map;
        found.set(selector, (map = new Map<string, Element>()));
        for (const el of root.querySelectorAll(selector))
          map.set((el as HTMLElement | SVGElement).dataset.id!, el);
        return map;
      };
      const outside = (ax: number, ay: number, bx: number, by: number) =>
        bx < x0 - mx || ax > x1 + mx || by < y0 - my || ay > y1 + my;
      const mark = (el: Element, out: boolean) => {
        if (out === el.hasAttribute('data-culled')) return;
        if (out) el.setAttribute('data-culled', '');
        else el.removeAttribute('data-culled');
      };
      const nodeElements = elements('.react-flow__node[data-id]');
      for (const [id, node] of nodeLookup) {
        const el = nodeElements.get(id);
        if (!el) continue;
        // A node React Flow has not measured (new, or changed while culled) is drawn so that it
        // can be: a skipped element is never measured, and React Flow hides unmeasured nodes.
        if (!node.measured.width) {
          mark(el, false);
          continue;
        }
        const b = box(node.internals.userNode, nodeLookup);
        const p = node.internals.positionAbsolute;
        mark(el, outside(p.x, p.y, p.x + b.w, p.y + b.h));
      }
      // An edge is culled when the box spanning both of its ends lies outside (SVG: display none).
      const edgeElements = elements('.react-flow__edge[data-id]');
      for (const edge of store.getState().edges) {
        const el = edgeElements.get(edge.id);
        const s = nodeLookup.get(edge.source);
        const t = nodeLookup.get(edge.target);
        if (!el || !s || !t) continue;
        const a = s.internals.positionAbsolute;
        const b = t.internals.positionAbsolute;
        const sb = box(s.internals.userNode, nodeLookup);
        const tb = box(t.internals.userNode, nodeLookup);
        mark(
          el,
          outside(
            Math.min(a.x, b.x),
            Math.min(a.y, b.y),
            Math.max(a.x + sb.w, b.x + tb.w),
            Math.max(a.y + sb.h, b.y + tb.h),
          ),
        );
      }
    };

    const draw = () => {
      frame = 0;
      const { transform, width, height } = store.getState();
      const { nodes, edges } = props.current;
      setSimplified(transform[2] < threshold && width > 0);
      if (!simplified) {
        if (culling) cull();
        return;
      }
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
        // New or moved nodes may need culling decisions again.
        if (state.nodes !== previous.nodes || state.edges !== previous.edges) {
          culledBox = null;
          found.clear();
        }
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
      uncullAll();
      root?.classList.remove('is-simplified');
    };
  }, [store, flow, threshold, culling]);

  // Redraw when the board or how its nodes look has changed.
  useEffect(() => redraw.current(), [nodes, edges, look, label]);

  return <canvas ref={canvas} className="lod-layer" hidden aria-hidden="true" />;
}
