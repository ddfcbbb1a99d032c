import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Edge, Node } from '@xyflow/react';
import type { Summary, Topic } from '../../core/commands/mindmap.ts';
import type { LodLook } from '../../canvas/LevelOfDetail.tsx';
import type { PresentFrame } from '../../canvas/boardViews.ts';
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

type Drawn = { nodes: Array<TopicNode | DecorationNode>; edges: Edge[] };

/**
 * What React Flow draws: the laid-out topics with selection, remote selections and the drag's
 * marks, the decorations, and on a slide the build steps. While the map is drawn simplified,
 * React Flow keeps the nodes it had and is handed the current ones when it is drawn in full again.
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
}) {
  const { topics, summaries, laidOut, edges, selection, remote, drag, present } = input;
  const [frozen, setFrozen] = useState<Drawn | null>(null);
  const current = useRef<Drawn>({ nodes: [], edges: [] });

  const decorated = useMemo(
    () => decorations(topics, summaries, new Map(laidOut.map((n) => [n.id, n]))),
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
  useEffect(() => {
    current.current = { nodes, edges };
  }, [nodes, edges]);
  const onSimplified = useCallback((on: boolean) => setFrozen(on ? current.current : null), []);

  return { nodes, shownEdges, frozen, onSimplified };
}
