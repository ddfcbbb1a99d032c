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

/** What a topic's own record and the lookup decide: kept while both are the same objects. */
interface TopicFacts {
  topic: Topic;
  lookup: EntityLookup;
  label: string;
  entityKind: EntityKind | undefined;
  broken: boolean;
  image: TopicImage | null;
  input: LayoutTopic;
}

function sameMarkers(a: readonly Marker[], b: readonly Marker[]): boolean {
  return a === b || (a.length === b.length && a.every((m, i) => m === b[i]));
}

/**
 * Turns topics into React Flow nodes and edges through the layout. Work per change is kept to a
 * lookup per topic where nothing changed: a topic's size, entity and layout input are kept while its
 * record (unchanged records keep their identity, `shareEqual`) and the lookup are the same objects,
 * and node and edge objects whose data and position did not change are reused, so memoized topic
 * components do not re-render.
 */
export class MindMapView {
  private nodes = new Map<string, TopicNode>();
  /** Branch edges by child id, relationships by `rel:` id. */
  private branches = new Map<string, Edge>();
  private relations = new Map<string, Edge>();
  private facts = new Map<string, TopicFacts>();
  /** Counts the layouts made: shown on the map's element, so a change anyone makes is visible in
   * the page even when all of it lies outside the view (the benchmark waits for it). */
  private layouts = 0;

  private factsOf(topic: Topic, lookup: EntityLookup): TopicFacts {
    const kept = this.facts.get(topic.id);
    if (kept && kept.topic === topic && kept.lookup === lookup) return kept;
    const entity = topic.entity ? lookup(topic.entity) : null;
    const label = entity ? entity.name : topic.label;
    const root = topic.parent === null;
    const extras =
      topic.markers.length + (entity ? 1 : 0) + (topic.note ? 1 : 0) + (topic.pages ? 2 : 0);
    const image = topic.image ? (lookup.file?.(topic.image) ?? null) : null;
    const size = topicSize({ label, root, extras, image: image !== null });
    const facts: TopicFacts = {
      topic,
      lookup,
      label,
      entityKind: entity?.kind,
      broken: !!topic.entity && !entity,
      image,
      input: {
        id: topic.id,
        parent: topic.parent,
        order: topic.order,
        width: size.width,
        height: size.height,
        collapsed: topic.collapsed,
        ...(topic.side ? { side: topic.side } : {}),
      },
    };
    this.facts.set(topic.id, facts);
    return facts;
  }

  compute(
    topics: readonly Topic[],
    kind: MindMapLayoutKind,
    lookup: EntityLookup,
    relationships: readonly Relationship[] = [],
  ): {
    nodes: TopicNode[];
    edges: Edge[];
    byId: Map<string, Topic>;
    moved: number;
    version: number;
  } {
    const byId = new Map<string, Topic>();
    const layoutInput: LayoutTopic[] = [];
    for (const topic of topics) {
      byId.set(topic.id, topic);
      layoutInput.push(this.factsOf(topic, lookup).input);
    }
    if (this.facts.size > topics.length)
      for (const id of this.facts.keys()) if (!byId.has(id)) this.facts.delete(id);
    // A branch's colour is its nearest coloured ancestor's: the layout places parents before
    // their children, so each topic's is its own or its parent's, found as it is placed.
    const colors = new Map<string, string>();
    // Counted once for all folded topics (not a walk of the whole map per fold).
    let subtreeSizes: Map<string, number> | null = null;
    const layout = layoutMindMap(layoutInput, kind);

    const nodes: TopicNode[] = [];
    const nextNodes = new Map<string, TopicNode>();
    let moved = 0;
    for (const [id, place] of layout.positions) {
      const topic = byId.get(id)!;
      const f = this.facts.get(id)!;
      const color = topic.color ?? (topic.parent ? colors.get(topic.parent) : undefined);
      if (color) colors.set(id, color);
      const hiddenCount = topic.collapsed
        ? ((subtreeSizes ??= countDescendants(topics)).get(id) ?? 0)
        : 0;
      const previous = this.nodes.get(id);
      const p = previous?.data;
      // A topic that only moved keeps its data object, so its component does not re-render.
      const same =
        p !== undefined &&
        p.label === f.label &&
        p.root === (topic.parent === null) &&
        sameMarkers(p.markers, topic.markers) &&
        p.color === color &&
        p.entityKind === f.entityKind &&
        !!p.brokenLink === f.broken &&
        p.pages === topic.pages &&
        p.note === topic.note &&
        p.hiddenCount === hiddenCount &&
        p.side === place.side &&
        !!p.rescued === !!topic.rescued &&
        p.image === (f.image ?? undefined) &&
        p.width === f.input.width &&
        p.height === f.input.height;
      let d: TopicData;
      if (same) d = p;
      else {
        d = {
          label: f.label,
          root: topic.parent === null,
          markers: topic.markers,
          hiddenCount,
          side: place.side,
          width: f.input.width,
          height: f.input.height,
        };
        if (color) d.color = color;
        if (f.entityKind) d.entityKind = f.entityKind;
        if (f.broken) d.brokenLink = true;
        if (topic.pages) d.pages = topic.pages;
        if (topic.note) d.note = topic.note;
        if (topic.rescued) d.rescued = true;
        if (f.image) d.image = f.image;
      }
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
    const nextBranches = new Map<string, Edge>();
    for (const topic of topics) {
      const child = nextNodes.get(topic.id);
      if (!topic.parent || !child || !nextNodes.has(topic.parent)) continue;
      const side = child.data.side;
      const [sourceHandle, targetHandle] = HANDLES[side];
      const stroke = child.data.color ?? '#94a3b8';
      const previous = this.branches.get(topic.id);
      const edge: Edge =
        previous &&
        previous.source === topic.parent &&
        previous.sourceHandle === sourceHandle &&
        previous.style?.stroke === stroke
          ? previous
          : {
              id: `${topic.parent}->${topic.id}`,
              source: topic.parent,
              target: topic.id,
              sourceHandle,
              targetHandle,
              type: side === 'down' ? 'smoothstep' : 'default',
              style: { stroke, strokeWidth: 2 },
              selectable: false,
              focusable: false,
            };
      nextBranches.set(topic.id, edge);
      edges.push(edge);
    }
    this.branches = nextBranches;
    const nextRelations = new Map<string, Edge>();
    for (const rel of relationships) {
      if (!nextNodes.has(rel.source) || !nextNodes.has(rel.target)) continue;
      const id = `rel:${rel.id}`;
      const previous = this.relations.get(id);
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
      nextRelations.set(id, edge);
      edges.push(edge);
    }
    this.relations = nextRelations;
    return { nodes, edges, byId, moved, version: ++this.layouts };
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
