import { MarkerType, type Edge, type Node } from '@xyflow/react';
import {
  childrenOf,
  type Marker,
  type Relationship,
  type Topic,
} from '../../core/commands/mindmap.ts';
import type { EntityKind } from '../../core/register.ts';
import { layoutMindMap, type LayoutTopic, type MindMapLayoutKind } from './layout.ts';
import { topicSize } from './measure.ts';

export type TopicData = {
  label: string;
  root: boolean;
  markers: Marker[];
  color?: string;
  entityKind?: EntityKind;
  brokenLink?: boolean;
  pages?: string;
  note?: string;
  hiddenCount: number;
  side: 'left' | 'right' | 'down';
  rescued?: boolean;
  image?: TopicImage;
  width: number;
  height: number;
};
export type TopicNode = Node<TopicData, 'topic'>;

/** Entity names and kinds, for topics linked to the register; and case-file files by hash. */
export type EntityLookup = ((id: string) => { name: string; kind: EntityKind } | null) & {
  file?: (hash: string) => TopicImage | null;
};

export type TopicImage = { hash: string; mime: string; name: string };

const HANDLES = { right: ['r', 'l'], left: ['l', 'r'], down: ['b', 't'] } as const;

function sameData(a: TopicData, b: TopicData): boolean {
  for (const key of Object.keys(a) as Array<keyof TopicData>) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y) ? x.join() !== y.join() : x !== y) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

/**
 * Turns topics into React Flow nodes and edges through the layout. Objects of topics whose data
 * and position did not change are reused, so memoized topic components do not re-render.
 */
/** How many descendants each topic has, in one pass over the map. */
function countDescendants(topics: readonly Topic[]): Map<string, number> {
  const parentOf = new Map<string, string | null>();
  for (const t of topics) parentOf.set(t.id, t.parent);
  const counts = new Map<string, number>();
  // Each topic adds one to every ancestor: O(topics × depth), and a map is shallow.
  // (A parent loop, which the document's readers rescue, stops at the map's size.)
  for (const t of topics) {
    let steps = 0;
    for (let p = t.parent; p && steps++ < topics.length; p = parentOf.get(p) ?? null)
      counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return counts;
}

export class MindMapView {
  private nodes = new Map<string, TopicNode>();
  private edges = new Map<string, Edge>();

  compute(
    topics: readonly Topic[],
    kind: MindMapLayoutKind,
    lookup: EntityLookup,
    relationships: readonly Relationship[] = [],
  ): { nodes: TopicNode[]; edges: Edge[]; byId: Map<string, Topic>; moved: number } {
    const byId = new Map(topics.map((t) => [t.id, t]));
    const data = new Map<string, TopicData>();
    const colorOf = (topic: Topic): string | undefined => {
      for (let t: Topic | undefined = topic; t; t = t.parent ? byId.get(t.parent) : undefined)
        if (t.color) return t.color;
      return undefined;
    };
    // Counted once for all folded topics (not a walk of the whole map per fold).
    let subtreeSizes: Map<string, number> | null = null;
    const layoutInput: LayoutTopic[] = [];
    for (const topic of topics) {
      const entity = topic.entity ? lookup(topic.entity) : null;
      const label = entity ? entity.name : topic.label;
      const root = topic.parent === null;
      const extras =
        topic.markers.length + (entity ? 1 : 0) + (topic.note ? 1 : 0) + (topic.pages ? 2 : 0);
      const image = topic.image ? (lookup.file?.(topic.image) ?? null) : null;
      const size = topicSize({ label, root, extras, image: image !== null });
      const d: TopicData = {
        label,
        root,
        markers: topic.markers,
        hiddenCount: 0,
        side: 'right',
        width: size.width,
        height: size.height,
      };
      const color = colorOf(topic);
      if (color) d.color = color;
      if (entity) d.entityKind = entity.kind;
      if (topic.entity && !entity) d.brokenLink = true;
      if (topic.pages) d.pages = topic.pages;
      if (topic.note) d.note = topic.note;
      if (topic.rescued) d.rescued = true;
      if (image) d.image = image;
      if (topic.collapsed)
        d.hiddenCount = (subtreeSizes ??= countDescendants(topics)).get(topic.id) ?? 0;
      data.set(topic.id, d);
      layoutInput.push({
        id: topic.id,
        parent: topic.parent,
        order: topic.order,
        width: size.width,
        height: size.height,
        collapsed: topic.collapsed,
      });
    }
    const layout = layoutMindMap(layoutInput, kind);

    const nodes: TopicNode[] = [];
    const nextNodes = new Map<string, TopicNode>();
    let moved = 0;
    for (const [id, place] of layout.positions) {
      let d = data.get(id)!;
      d.side = place.side;
      const previous = this.nodes.get(id);
      // A topic that only moved keeps its data object, so its component does not re-render.
      if (previous && sameData(previous.data, d)) d = previous.data;
      const still = previous?.position.x === place.x && previous.position.y === place.y;
      if (previous && !still) moved++;
      const node: TopicNode =
        previous && still && d === previous.data
          ? previous
          : {
              id,
              type: 'topic',
              position: { x: place.x, y: place.y },
              data: d,
              width: d.width,
              height: d.height,
            };
      nextNodes.set(id, node);
      nodes.push(node);
    }
    this.nodes = nextNodes;

    const edges: Edge[] = [];
    const nextEdges = new Map<string, Edge>();
    for (const topic of topics) {
      if (!topic.parent || !nextNodes.has(topic.id) || !nextNodes.has(topic.parent)) continue;
      const side = data.get(topic.id)!.side;
      const [sourceHandle, targetHandle] = HANDLES[side];
      const stroke = data.get(topic.id)!.color ?? '#94a3b8';
      const id = `${topic.parent}->${topic.id}`;
      const previous = this.edges.get(id);
      const edge: Edge =
        previous && previous.sourceHandle === sourceHandle && previous.style?.stroke === stroke
          ? previous
          : {
              id,
              source: topic.parent,
              target: topic.id,
              sourceHandle,
              targetHandle,
              type: side === 'down' ? 'smoothstep' : 'default',
              style: { stroke, strokeWidth: 2 },
              selectable: false,
              focusable: false,
            };
      nextEdges.set(id, edge);
      edges.push(edge);
    }
    for (const rel of relationships) {
      if (!nextNodes.has(rel.source) || !nextNodes.has(rel.target)) continue;
      const id = `rel:${rel.id}`;
      const previous = this.edges.get(id);
      const same =
        previous &&
        previous.label === rel.label &&
        previous.source === rel.source &&
        previous.target === rel.target &&
        JSON.stringify((previous.data as { control?: unknown } | undefined)?.control) ===
          JSON.stringify(rel.control);
      const edge: Edge = same
        ? previous
        : {
            id,
            source: rel.source,
            target: rel.target,
            sourceHandle: 'b',
            targetHandle: 't',
            type: 'relationship',
            label: rel.label,
            className: 'relationship',
            style: { stroke: '#c2410c', strokeWidth: 2, strokeDasharray: '6 4' },
            markerEnd: { type: MarkerType.ArrowClosed, color: '#c2410c' },
            data: { relationship: rel.id, ...(rel.control ? { control: rel.control } : {}) },
          };
      nextEdges.set(id, edge);
      edges.push(edge);
    }
    this.edges = nextEdges;
    return { nodes, edges, byId, moved };
  }
}

/** The next topic from `from` in a direction, by the layout's geometry (what arrow keys do). */
export function neighbour(
  nodes: readonly TopicNode[],
  from: string,
  direction: 'up' | 'down' | 'left' | 'right',
): string | null {
  const origin = nodes.find((n) => n.id === from);
  if (!origin) return null;
  const cx = origin.position.x + origin.data.width / 2;
  const cy = origin.position.y + origin.data.height / 2;
  let best: { id: string; score: number } | null = null;
  for (const node of nodes) {
    if (node.id === from) continue;
    const dx = node.position.x + node.data.width / 2 - cx;
    const dy = node.position.y + node.data.height / 2 - cy;
    const along =
      direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 0) continue;
    const score = along + across * 2;
    if (!best || score < best.score) best = { id: node.id, score };
  }
  return best?.id ?? null;
}

export { childrenOf };
