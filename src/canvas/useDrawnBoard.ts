import { useMemo, useRef } from 'react';
import type { Edge, Node } from '@xyflow/react';
import { meets, type Area, type ViewWindow } from './viewWindow.ts';

/**
 * Boards of up to this many nodes are drawn whole: they cost little, and panning them mounts
 * nothing. Bigger ones give React Flow only the nodes in the view window (as the mind map does).
 */
export const WINDOWED = 400;

/** The size a node is taken to have before React Flow has measured it (a one-line label). */
const GUESS = { width: 200, height: 44 };

/** A node's box in board coordinates: its set or measured size, or a guess. */
export function nodeBox(node: Node): Area {
  const width = node.width ?? node.measured?.width ?? GUESS.width;
  const height = node.height ?? node.measured?.height ?? GUESS.height;
  return {
    x0: node.position.x,
    y0: node.position.y,
    x1: node.position.x + width,
    y1: node.position.y + height,
  };
}

/**
 * A link drawn by the board itself rather than by React Flow, because one of its ends is outside
 * the window: the part of its path inside the window (React Flow's bezier from the source's right
 * to the target's left, as a polyline), whether its arrowhead end is inside, and where its word
 * goes.
 */
export interface BoardLine<E extends Edge = Edge> {
  edge: E;
  d: string;
  /** The path reaches the target's end (its arrowhead is drawn). */
  end: boolean;
  labelX: number;
  labelY: number;
}

/** React Flow's bezier of a link from the right of box `a` to the left of box `b`, as points. */
export function linkCurve(a: Area, b: Area): { points: number[]; labelX: number; labelY: number } {
  const sx = a.x1;
  const sy = (a.y0 + a.y1) / 2;
  const tx = b.x0;
  const ty = (b.y0 + b.y1) / 2;
  // As @xyflow/system's getBezierPath with curvature 0.25, source Right and target Left.
  const distance = tx - sx;
  const offset = distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
  const c1x = sx + offset;
  const c2x = tx - offset;
  const length = Math.abs(distance) + Math.abs(ty - sy) + 2 * offset;
  const steps = Math.max(8, Math.min(160, Math.ceil(length / 40)));
  const points: number[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    const w0 = u * u * u;
    const w1 = 3 * u * u * t;
    const w2 = 3 * u * t * t;
    const w3 = t * t * t;
    points.push(w0 * sx + w1 * c1x + w2 * c2x + w3 * tx, w0 * sy + w1 * sy + w2 * ty + w3 * ty);
  }
  return {
    points,
    labelX: sx * 0.125 + c1x * 0.375 + c2x * 0.375 + tx * 0.125,
    labelY: sy * 0.5 + ty * 0.5,
  };
}

/**
 * The runs of a polyline that meet the area, as an SVG path: a link across a big board is drawn
 * only where it can be seen (a long, dashed path costs the rasterizer across its whole length).
 */
export function clippedPath(points: readonly number[], area: Area): { d: string; end: boolean } {
  let d = '';
  let open = false;
  let end = false;
  const f = (n: number) => Math.round(n * 10) / 10;
  for (let i = 0; i + 3 < points.length; i += 2) {
    const [x0, y0, x1, y1] = [points[i]!, points[i + 1]!, points[i + 2]!, points[i + 3]!];
    const inside = meets(
      area,
      Math.min(x0, x1),
      Math.min(y0, y1),
      Math.abs(x1 - x0),
      Math.abs(y1 - y0),
    );
    if (!inside) {
      open = false;
      continue;
    }
    if (!open) d += `M${f(x0)},${f(y0)}`;
    d += `L${f(x1)},${f(y1)}`;
    open = true;
    if (i + 4 === points.length) end = true;
  }
  return { d, end };
}

type LineCache<E extends Edge> = Map<
  string,
  { edge: E; a: Area; b: Area; curve: ReturnType<typeof linkCurve> }
>;

const NONE: never[] = [];

/** The same items in the same order: React Flow is not handed a new array for nothing. */
function same<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const sameArea = (a: Area, b: Area) =>
  a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;

/**
 * What a React Flow board (evidence and relationship charts, slides of them) hands React Flow:
 * - a board of up to `WINDOWED` nodes, or with the window switched off (`'all'`): everything;
 * - a bigger board: the nodes meeting the view window and those in `keep` (selected, dragged,
 *   edited, the ends of the selected link) as `flowNodes`, the links between two of them as
 *   `flowEdges`; the other links meeting the window as `lines`, drawn by `BoardLinks` so that a
 *   link to a node outside the window still shows; nothing while zoomed out (the level-of-detail
 *   canvas draws the board then).
 * A pan within the window changes none of React Flow's input.
 */
export function useDrawnBoard<N extends Node, E extends Edge>(input: {
  nodes: N[];
  edges: E[];
  window: ViewWindow | null | 'all';
  keep: ReadonlySet<string>;
}): {
  windowed: boolean;
  flowNodes: N[];
  flowEdges: E[];
  lines: BoardLine<E>[];
  /** Every node with a size (a guess for those React Flow never measured), for the LOD canvas. */
  sized: N[];
} {
  const { nodes, edges, window, keep } = input;
  const windowed = window !== 'all' && nodes.length > WINDOWED;
  const lastNodes = useRef<N[]>(NONE);
  const lastEdges = useRef<E[]>(NONE);
  const lastLines = useRef<BoardLine<E>[]>(NONE);
  const cache = useRef<LineCache<E>>(new Map());
  const guessed = useRef(new Map<string, { base: N; out: N }>());

  const sized = useMemo(() => {
    if (!windowed) return nodes;
    const seen = new Set<string>();
    const out = nodes.map((node) => {
      if (node.width !== undefined || node.measured?.width !== undefined) return node;
      seen.add(node.id);
      const cached = guessed.current.get(node.id);
      if (cached?.base === node) return cached.out;
      const next = { ...node, measured: { ...GUESS } };
      guessed.current.set(node.id, { base: node, out: next });
      return next;
    });
    for (const id of guessed.current.keys()) if (!seen.has(id)) guessed.current.delete(id);
    return out;
  }, [nodes, windowed]);

  const boxes = useMemo(() => {
    const map = new Map<string, Area>();
    if (windowed) for (const node of nodes) if (!node.hidden) map.set(node.id, nodeBox(node));
    return map;
  }, [nodes, windowed]);

  const flowNodes = useMemo(() => {
    if (!windowed) return nodes;
    if (!window || window.simplified) return (lastNodes.current = NONE);
    const { area } = window;
    const shown = nodes.filter((node) => {
      if (keep.has(node.id)) return true;
      const b = boxes.get(node.id);
      return !!b && meets(area, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
    });
    return (lastNodes.current = same(lastNodes.current, shown) ? lastNodes.current : shown);
  }, [windowed, nodes, boxes, window, keep]);

  const flowEdges = useMemo(() => {
    if (!windowed) return edges;
    if (flowNodes.length === 0) return (lastEdges.current = NONE);
    const drawn = new Set(flowNodes.map((node) => node.id));
    const shown = edges.filter((edge) => drawn.has(edge.source) && drawn.has(edge.target));
    return (lastEdges.current = same(lastEdges.current, shown) ? lastEdges.current : shown);
  }, [windowed, edges, flowNodes]);

  const lines = useMemo(() => {
    if (!windowed || !window || window.simplified) return (lastLines.current = NONE);
    const { area } = window;
    const drawn = new Set(flowNodes.map((node) => node.id));
    const out: BoardLine<E>[] = [];
    const seen = new Set<string>();
    for (const edge of edges) {
      if (edge.hidden || (drawn.has(edge.source) && drawn.has(edge.target))) continue;
      const a = boxes.get(edge.source);
      const b = boxes.get(edge.target);
      if (!a || !b) continue;
      const x0 = Math.min(a.x0, b.x0);
      const y0 = Math.min(a.y0, b.y0);
      const x1 = Math.max(a.x1, b.x1);
      const y1 = Math.max(a.y1, b.y1);
      if (!meets(area, x0, y0, x1 - x0, y1 - y0)) continue;
      seen.add(edge.id);
      let cached = cache.current.get(edge.id);
      if (!cached || cached.edge !== edge || !sameArea(cached.a, a) || !sameArea(cached.b, b)) {
        cached = { edge, a, b, curve: linkCurve(a, b) };
        cache.current.set(edge.id, cached);
      }
      const { points, labelX, labelY } = cached.curve;
      const { d, end } = clippedPath(points, area);
      if (d) out.push({ edge, d, end, labelX, labelY });
    }
    for (const id of cache.current.keys()) if (!seen.has(id)) cache.current.delete(id);
    return (lastLines.current = out);
  }, [windowed, window, edges, flowNodes, boxes]);

  return { windowed, flowNodes, flowEdges, lines, sized };
}
