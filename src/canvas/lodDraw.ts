import type { Edge, InternalNode, Node } from '@xyflow/react';

export type NodeLookup = Map<string, InternalNode>;

/** How one node looks when the board is drawn simplified. */
export interface LodLook {
  fill: string;
  stroke: string;
  /** Drawn with a thick outline in this colour (selection, another person's selection, a hit). */
  ring?: string;
  /** Dashed outline (another person's selection). */
  dashed?: boolean;
}

/**
 * A node's box on the board (flat boards: positions are absolute); a node without a size of its own
 * takes the size React Flow measured.
 */
export function box(
  node: Node,
  lookup?: NodeLookup,
): { x: number; y: number; w: number; h: number } {
  const measured = node.width === undefined ? lookup?.get(node.id)?.measured : undefined;
  return {
    x: node.position.x,
    y: node.position.y,
    w: node.width ?? measured?.width ?? node.measured?.width ?? 0,
    h: node.height ?? measured?.height ?? node.measured?.height ?? 0,
  };
}

const LABEL_PX = 5; // below this height on screen a label cannot be read: not drawn

/** What one simplified drawing needs: the board, how its nodes look, and the node under the pointer. */
export interface LodScene {
  nodes: readonly Node[];
  edges: readonly Edge[];
  nodeLookup: NodeLookup;
  look(node: Node): LodLook;
  label(node: Node): string;
  edgeColor?(edge: Edge): string;
  hover: string | null;
}

/**
 * Draws the board simplified on one canvas: nodes as boxes batched by colour, edges as straight
 * lines, labels only where they are big enough to read, rings (selection, hover) over everything.
 */
export function drawSimplified(
  element: HTMLCanvasElement,
  context: CanvasRenderingContext2D,
  view: { transform: [number, number, number]; width: number; height: number },
  { nodes, edges, nodeLookup, look, label, edgeColor, hover }: LodScene,
): void {
  const { transform, width, height } = view;
  const [tx, ty, zoom] = transform;
  const ratio = window.devicePixelRatio || 1;
  if (element.width !== Math.round(width * ratio)) element.width = Math.round(width * ratio);
  if (element.height !== Math.round(height * ratio)) element.height = Math.round(height * ratio);
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, element.width, element.height);
  context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * tx, ratio * ty);
  const x0 = -tx / zoom;
  const y0 = -ty / zoom;
  const x1 = x0 + width / zoom;
  const y1 = y0 + height / zoom;
  const byId = new Map(nodes.map((n) => [n.id, n]));

  // Edges: straight lines between centres, one path per colour.
  const lines = new Map<string, Path2D>();
  for (const edge of edges) {
    if (edge.hidden) continue;
    const s = byId.get(edge.source);
    const t = byId.get(edge.target);
    if (!s || !t || s.hidden || t.hidden) continue;
    const a = box(s, nodeLookup);
    const b = box(t, nodeLookup);
    const ax = a.x + a.w / 2;
    const ay = a.y + a.h / 2;
    const bx = b.x + b.w / 2;
    const by = b.y + b.h / 2;
    if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1) continue;
    if (Math.max(ay, by) < y0 || Math.min(ay, by) > y1) continue;
    const color = edgeColor?.(edge) ?? String(edge.style?.stroke ?? '#94a3b8');
    let path = lines.get(color);
    if (!path) lines.set(color, (path = new Path2D()));
    path.moveTo(ax, ay);
    path.lineTo(bx, by);
  }
  context.lineWidth = 1.5 / zoom;
  for (const [color, path] of lines) {
    context.strokeStyle = color;
    context.stroke(path);
  }

  // Nodes: boxes batched by fill and outline colour; rings drawn after, over everything.
  const fills = new Map<string, Path2D>();
  const strokes = new Map<string, Path2D>();
  const rings: Array<{ x: number; y: number; w: number; h: number; look: LodLook }> = [];
  const labelled: Array<{ x: number; y: number; w: number; h: number; text: string }> = [];
  const readable = 14 * zoom >= LABEL_PX;
  for (const node of nodes) {
    if (node.hidden) continue;
    const b = box(node, nodeLookup);
    if (b.x + b.w < x0 || b.x > x1 || b.y + b.h < y0 || b.y > y1) continue;
    const l = look(node);
    let fill = fills.get(l.fill);
    if (!fill) fills.set(l.fill, (fill = new Path2D()));
    fill.rect(b.x, b.y, b.w, b.h);
    let stroke = strokes.get(l.stroke);
    if (!stroke) strokes.set(l.stroke, (stroke = new Path2D()));
    stroke.rect(b.x, b.y, b.w, b.h);
    if (l.ring || node.id === hover) rings.push({ ...b, look: l });
    if (readable) labelled.push({ ...b, text: label(node) });
  }
  for (const [color, path] of fills) {
    context.fillStyle = color;
    context.fill(path);
  }
  context.lineWidth = 1 / zoom;
  for (const [color, path] of strokes) {
    context.strokeStyle = color;
    context.stroke(path);
  }
  if (labelled.length > 0 && labelled.length < 1500) {
    context.fillStyle = '#0f172a';
    context.font = `14px 'Be Vietnam Pro', system-ui, sans-serif`;
    context.textBaseline = 'middle';
    for (const l of labelled) {
      context.save();
      context.beginPath();
      context.rect(l.x, l.y, l.w, l.h);
      context.clip();
      context.fillText(l.text, l.x + 6, l.y + l.h / 2);
      context.restore();
    }
  }
  for (const r of rings) {
    const color = r.look.ring ?? '#1d4ed8';
    const pad = 3 / zoom;
    context.lineWidth = 3 / zoom;
    context.setLineDash(r.look.dashed ? [6 / zoom, 4 / zoom] : []);
    context.strokeStyle = r.look.ring ? color : '#60a5fa';
    context.strokeRect(r.x - pad, r.y - pad, r.w + 2 * pad, r.h + 2 * pad);
  }
  context.setLineDash([]);
}
