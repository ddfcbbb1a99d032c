import { useState } from 'react';
import type { NodeChange } from '@xyflow/react';
import type * as Y from 'yjs';
import { childrenOf, descendantsOf, moveTopic, type Topic } from '../../core/commands/mindmap.ts';
import { useStableCallback } from '../../ui/useStableCallback.ts';
import type { DecorationNode } from './decorations.tsx';
import type { TopicNode } from './view.ts';

export interface DropSlot {
  parent: string;
  index: number;
  /** The sibling the drop line is drawn against, and on which side. */
  ref: string;
  after: boolean;
}

export interface DragState {
  id: string;
  x: number;
  y: number;
  /** A topic the dragged one would become a child of. */
  target: string | null;
  /** Or a place among siblings. */
  slot: DropSlot | null;
}

/**
 * The place among siblings nearest to a dragged topic's centre: just before or after the closest
 * topic that lies across the branch from it (above or below; left or right in an org chart).
 */
function siblingSlot(
  nodes: readonly TopicNode[],
  topics: readonly Topic[],
  dragged: string,
  excluded: Set<string>,
  centre: { x: number; y: number },
): DropSlot | null {
  let best: { node: TopicNode; distance: number } | null = null;
  for (const node of nodes) {
    if (node.id === dragged || excluded.has(node.id) || node.data.root) continue;
    const down = node.data.side === 'down';
    const along = down
      ? Math.abs(centre.y - (node.position.y + node.data.height / 2))
      : Math.abs(centre.x - (node.position.x + node.data.width / 2));
    const across = down
      ? Math.abs(centre.x - (node.position.x + node.data.width / 2))
      : Math.abs(centre.y - (node.position.y + node.data.height / 2));
    const reach = down ? node.data.width : node.data.height;
    if (along > (down ? node.data.height : node.data.width) || across > reach * 1.5) continue;
    if (!best || across < best.distance) best = { node, distance: across };
  }
  if (!best) return null;
  const topic = topics.find((t) => t.id === best.node.id);
  if (!topic?.parent) return null;
  const siblings = childrenOf(topics, topic.parent).filter((t) => t.id !== dragged);
  const down = best.node.data.side === 'down';
  const after = down
    ? centre.x > best.node.position.x + best.node.data.width / 2
    : centre.y > best.node.position.y + best.node.data.height / 2;
  return {
    parent: topic.parent,
    index: siblings.findIndex((t) => t.id === topic.id) + (after ? 1 : 0),
    ref: topic.id,
    after,
  };
}

/**
 * Dragging a topic onto another makes it that topic's last child; dropping it just before or
 * after a topic puts it there among that topic's siblings. The layout does the rest.
 */
export function useTopicDrag(options: {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  readOnly: boolean;
  topics: Topic[];
  laidOut: TopicNode[];
  run(fn: () => void): void;
}) {
  const { doc, boardId, origin, readOnly, topics, laidOut, run } = options;
  const [drag, setDrag] = useState<DragState | null>(null);

  const onNodesChange = useStableCallback((changes: NodeChange<TopicNode | DecorationNode>[]) => {
    for (const change of changes) {
      // Selection is ours (click, Shift+click, keys); React Flow's own select changes are ignored.
      if (change.type !== 'position' || !change.position || !change.dragging || readOnly) continue;
      const moving = laidOut.find((n) => n.id === change.id);
      if (!moving) continue;
      const centre = {
        x: change.position.x + moving.data.width / 2,
        y: change.position.y + moving.data.height / 2,
      };
      const excluded = descendantsOf(topics, [change.id]);
      const target = laidOut.find(
        (n) =>
          n.id !== change.id &&
          !excluded.has(n.id) &&
          centre.x >= n.position.x &&
          centre.x <= n.position.x + n.data.width &&
          centre.y >= n.position.y &&
          centre.y <= n.position.y + n.data.height,
      );
      setDrag({
        id: change.id,
        x: change.position.x,
        y: change.position.y,
        target: target?.id ?? null,
        slot: target ? null : siblingSlot(laidOut, topics, change.id, excluded, centre),
      });
    }
  });

  const onNodeDragStop = useStableCallback(() => {
    const slot = drag?.slot;
    if (drag && slot) {
      run(() =>
        moveTopic(doc, { boardId, id: drag.id, parent: slot.parent, index: slot.index }, origin),
      );
    }
    if (drag?.target) {
      const target = drag.target;
      run(() =>
        moveTopic(
          doc,
          { boardId, id: drag.id, parent: target, index: childrenOf(topics, target).length },
          origin,
        ),
      );
    }
    setDrag(null);
  });

  return { drag, onNodesChange, onNodeDragStop };
}
