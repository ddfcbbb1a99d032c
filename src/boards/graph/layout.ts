import dagre from '@dagrejs/dagre';
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';

/**
 * Automatic layouts of evidence and relationship charts. Pure: boxes and links in, top-left
 * positions out, with no two boxes overlapping. The result is written to the document as one move,
 * so everyone sees the same layout and can then place nodes by hand.
 */

export interface LayoutBox {
  id: string;
  w: number;
  h: number;
  /** Layered layouts: the column a node must not come before (evidence 0, events 1, facts 2). */
  column?: number;
  /** Current position, the start of a force layout. */
  x?: number;
  y?: number;
}

export interface LayoutLink {
  source: string;
  target: string;
}

export type Positions = Map<string, { x: number; y: number }>;

const GAP = 24;

/**
 * Layered layout, left to right (dagre). Each node lands in its column or further right; links
 * from a lower column to a higher one point right, so evidence sits on the left and facts on the
 * right.
 */
export function layeredLayout(
  boxes: readonly LayoutBox[],
  links: readonly LayoutLink[],
): Positions {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: GAP, ranksep: 120, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const ANCHOR = '\u0000anchor';
  const columns = boxes.some((b) => b.column !== undefined);
  if (columns) g.setNode(ANCHOR, { width: 1, height: 1 });
  for (const box of boxes) {
    g.setNode(box.id, { width: box.w, height: box.h });
    // An invisible anchor on the left holds every node at least in its column.
    if (columns)
      g.setEdge(ANCHOR, box.id, { minlen: 1 + 2 * (box.column ?? 0), weight: 0 }, box.id);
  }
  links.forEach((link, i) => {
    const a = byId.get(link.source);
    const b = byId.get(link.target);
    if (!a || !b || a === b) return;
    // Links within a column (evidence corroborating evidence) would push one item to the right.
    if (columns && (a.column ?? 0) === (b.column ?? 0)) return;
    const [from, to] = (a.column ?? 0) <= (b.column ?? 0) ? [a, b] : [b, a];
    const span = Math.max(1, 2 * ((to.column ?? 0) - (from.column ?? 0)));
    g.setEdge(from.id, to.id, { minlen: span, weight: 1 }, `l${i}`);
  });
  dagre.layout(g);
  const out: Positions = new Map();
  for (const box of boxes) {
    const node = g.node(box.id);
    out.set(box.id, { x: Math.round(node.x - box.w / 2), y: Math.round(node.y - box.h / 2) });
  }
  return out;
}

/**
 * Force-directed layout (d3-force), like an i2 link chart: linked nodes pull together, all push
 * apart; it starts from the current positions, so running it again changes little. Overlaps left by
 * the simulation are then pushed apart.
 */
export function forceLayout(boxes: readonly LayoutBox[], links: readonly LayoutLink[]): Positions {
  type SimNode = { id: string; w: number; h: number; x: number; y: number };
  const nodes: SimNode[] = boxes.map((b, i) => {
    // Nodes without a position start on a spiral, so the result does not depend on chance.
    const angle = i * 2.39996;
    const r = 40 * Math.sqrt(i + 1);
    return {
      id: b.id,
      w: b.w,
      h: b.h,
      x: (b.x ?? Math.cos(angle) * r) + b.w / 2,
      y: (b.y ?? Math.sin(angle) * r) + b.h / 2,
    };
  });
  const ids = new Set(nodes.map((n) => n.id));
  const edges = links
    .filter((l) => ids.has(l.source) && ids.has(l.target) && l.source !== l.target)
    .map((l) => ({ source: l.source, target: l.target }));
  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<SimNode, { source: string | SimNode; target: string | SimNode }>(edges)
        .id((n) => n.id)
        .distance(200),
    )
    .force('charge', forceManyBody().strength(-900))
    .force('x', forceX(0).strength(0.04))
    .force('y', forceY(0).strength(0.06))
    .force(
      'collide',
      forceCollide<SimNode>((n) => Math.hypot(n.w, n.h) / 2 + GAP / 2),
    )
    .stop();
  simulation.tick(300);
  const placed = nodes.map((n) => ({
    id: n.id,
    w: n.w,
    h: n.h,
    x: n.x - n.w / 2,
    y: n.y - n.h / 2,
  }));
  separate(placed);
  return new Map(placed.map((n) => [n.id, { x: Math.round(n.x), y: Math.round(n.y) }]));
}

/** Pushes overlapping boxes apart along the axis of least overlap until none overlap. */
export function separate(boxes: Array<{ x: number; y: number; w: number; h: number }>): void {
  for (let round = 0; round < 200; round++) {
    let moved = false;
    const order = [...boxes].sort((a, b) => a.x - b.x);
    for (let i = 0; i < order.length; i++) {
      const a = order[i]!;
      for (let j = i + 1; j < order.length; j++) {
        const b = order[j]!;
        if (b.x >= a.x + a.w + GAP) break;
        const dx = Math.min(a.x + a.w + GAP - b.x, b.x + b.w + GAP - a.x);
        const dy = Math.min(a.y + a.h + GAP - b.y, b.y + b.h + GAP - a.y);
        if (dx <= 0 || dy <= 0) continue;
        moved = true;
        // Each moves half the overlap away from the other, along the axis of least overlap.
        const axis = dx < dy ? 'x' : 'y';
        const push = (axis === 'x' ? dx : dy) / 2 + 0.5;
        const sign = a[axis] <= b[axis] ? 1 : -1;
        a[axis] -= sign * push;
        b[axis] += sign * push;
      }
    }
    if (!moved) return;
  }
}

/** Whether any two placed boxes overlap (for tests and checks). */
export function overlaps(boxes: readonly LayoutBox[], positions: Positions): boolean {
  const placed = boxes.map((b) => ({ ...b, ...positions.get(b.id)! }));
  for (let i = 0; i < placed.length; i++)
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i]!;
      const b = placed[j]!;
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) return true;
    }
  return false;
}
