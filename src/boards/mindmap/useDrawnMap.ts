import { useMemo, useRef, type CSSProperties } from 'react';
import type { Edge, Node } from '@xyflow/react';
import type { Summary, Topic } from '../../core/commands/mindmap.ts';
import type { LodLook } from '../../canvas/LevelOfDetail.tsx';
import type { PresentFrame } from '../../canvas/boardViews.ts';
import { meets, type ViewWindow } from '../../canvas/viewWindow.ts';
import { mapLines, type LineCache } from './MapLines.tsx';
import { decorations, type DecorationNode } from './decorations.tsx';
import type { DragState } from './useTopicDrag.ts';
import type { TopicNode } from './view.ts';

/** How topics and decorations look when the map is drawn simplified (zoomed out). */
export function lodLook(node: Node): LodLook {
  if (node.type !== 'topic') return { fill: 'rgba(148, 163, 184, 0.08)', stroke: '#cbd5e1' };
  const data = node.data as TopicNode['data'];
  const remote = (node.style as Record<string, string> | undefined)?.['--remote'];
  return {
    fill: data.root ? (data.color ?? '#1d4ed8') : data.rescued ? '#fef3c7' : '#ffffff',
    stroke: data.color ?? '#94a3b8',
    ...(node.selected ? { ring: '#1d4ed8' } : remote ? { ring: remote, dashed: true } : {}),
  };
}
export function lodLabel(node: Node): string {
  return String((node.data as { label?: unknown }).label ?? '');
}

const NONE: never[] = [];
/**
 * Maps of up to this many topics and decorations are drawn whole: they cost little, and panning
 * them mounts nothing. Bigger ones are drawn only in the view window.
 */
const WINDOWED = 400;

/** The same nodes in the same order: React Flow is not handed a new array for nothing. */
function same<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What is drawn: the laid-out topics with selection, remote selections and the drag's marks, the
 * decorations, and on a slide the build steps (`nodes`, `shownEdges`: the whole map, for the
 * simplified canvas); of those, what React Flow draws as DOM (`flowNodes`, `flowEdges`: the
 * topics in the view window, the ends of relationships crossing it, and whatever is selected,
 * dragged or edited; nothing while simplified), and the branch lines in the window (`lines`).
 * A pan within the window or an edit far from it changes none of React Flow's input.
 */
export function useDrawnMap(input: {
  topics: Topic[];
  summaries: Summary[];
  laidOut: TopicNode[];
  edges: Edge[];
  selection: string[];
  remote: ReadonlyMap<string, string>;
  drag: DragState | null;
  present: PresentFrame | null | undefined;
  /** The view window; `'all'` draws every topic (level of detail switched off). */
  window: ViewWindow | null | 'all';
  /** A topic kept in React Flow wherever it is (the one being edited). */
  keep?: string | undefined;
}) {
  const { topics, summaries, laidOut, edges, selection, remote, drag, present, window, keep } =
    input;
  const lineCache = useRef<LineCache>(new Map());
  const lastFlow = useRef<Array<TopicNode | DecorationNode>>(NONE);

  const decorated = useMemo(
    () =>
      // Most maps have neither: no index of every topic's box on each change for nothing.
      summaries.length === 0 && !topics.some((t) => t.boundary !== undefined)
        ? NONE
        : decorations(topics, summaries, new Map(laidOut.map((n) => [n.id, n]))),
    [topics, summaries, laidOut],
  );
  const topicNodes = useMemo(
    () =>
      laidOut.map((node) => {
        const selected = selection.includes(node.id);
        const color = remote.get(node.id);
        const dragging = drag?.id === node.id;
        const target = drag?.target === node.id;
        const slot =
          drag?.slot?.ref === node.id ? (drag.slot.after ? 'drop-after' : 'drop-before') : '';
        if (!selected && !color && !dragging && !target && !slot) return node;
        return {
          ...node,
          selected,
          ...(dragging ? { position: { x: drag.x, y: drag.y } } : {}),
          className: [
            color ? 'has-remote' : '',
            target ? 'is-drop-target' : '',
            slot,
            slot ? `side-${node.data.side}` : '',
          ].join(' '),
          style: color ? ({ '--remote': color } as CSSProperties) : undefined,
        };
      }),
    [laidOut, selection, remote, drag],
  );
  // On a slide, topics waiting for a later build step wait with their whole branch.
  const waiting = useMemo(() => {
    if (!present || present.waiting.size === 0) return null;
    const children = new Map<string, string[]>();
    for (const topic of topics)
      if (topic.parent)
        children.set(topic.parent, [...(children.get(topic.parent) ?? []), topic.id]);
    const all = new Set<string>();
    const stack = [...present.waiting];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (all.has(id)) continue;
      all.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    return all;
  }, [present, topics]);
  const nodes = useMemo(() => {
    const all = [...decorated, ...topicNodes];
    if (!waiting) return all;
    return all.map((node) =>
      waiting.has(node.id)
        ? present!.dim
          ? { ...node, className: `${node.className ?? ''} is-build-dim` }
          : { ...node, hidden: true }
        : node,
    );
  }, [decorated, topicNodes, waiting, present]);
  const shownEdges = useMemo(
    () =>
      waiting
        ? edges.map((edge) =>
            waiting.has(edge.target) || waiting.has(edge.source)
              ? present!.dim
                ? { ...edge, className: 'is-build-dim' }
                : { ...edge, hidden: true }
              : edge,
          )
        : edges,
    [edges, waiting, present],
  );
  const byId = useMemo(() => {
    const map = new Map<string, TopicNode>();
    for (const node of nodes) if (node.type === 'topic') map.set(node.id, node as TopicNode);
    return map;
  }, [nodes]);

  const flowNodes = useMemo(() => {
    if (window === 'all' || (nodes.length <= WINDOWED && window && !window.simplified))
      return nodes;
    if (!window || window.simplified) return (lastFlow.current = NONE);
    const { area } = window;
    const kept = new Set<string>(selection);
    if (drag) kept.add(drag.id);
    if (keep) kept.add(keep);
    // A relationship is drawn by React Flow, which needs both of its topics.
    for (const edge of shownEdges) {
      if (edge.type !== 'relationship' || edge.hidden) continue;
      const a = byId.get(edge.source);
      const b = byId.get(edge.target);
      if (!a || !b) continue;
      const x0 = Math.min(a.position.x, b.position.x);
      const y0 = Math.min(a.position.y, b.position.y);
      const x1 = Math.max(a.position.x + a.data.width, b.position.x + b.data.width);
      const y1 = Math.max(a.position.y + a.data.height, b.position.y + b.data.height);
      if (meets(area, x0, y0, x1 - x0, y1 - y0)) kept.add(a.id).add(b.id);
    }
    const shown = nodes.filter(
      (node) =>
        kept.has(node.id) ||
        (!node.hidden &&
          meets(area, node.position.x, node.position.y, node.width ?? 0, node.height ?? 0)),
    );
    return (lastFlow.current = same(lastFlow.current, shown) ? lastFlow.current : shown);
  }, [nodes, shownEdges, byId, window, selection, drag, keep]);

  const flowEdges = useMemo(() => {
    const drawn = new Set(flowNodes.map((node) => node.id));
    const shown = shownEdges.filter(
      (edge) => edge.type === 'relationship' && drawn.has(edge.source) && drawn.has(edge.target),
    );
    return shown.length === 0 ? NONE : shown;
  }, [flowNodes, shownEdges]);

  const lines = useMemo(() => {
    if (window === 'all' || (nodes.length <= WINDOWED && window && !window.simplified))
      return mapLines(shownEdges, byId, lineCache.current, null);
    if (!window || window.simplified) return NONE;
    return mapLines(shownEdges, byId, lineCache.current, window.area);
  }, [shownEdges, byId, window, nodes.length]);

  return { nodes, shownEdges, flowNodes, flowEdges, lines };
}
