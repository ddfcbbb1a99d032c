import { childrenOf, type Topic } from '../../core/commands/mindmap.ts';
import { neighbour, type TopicNode } from './view.ts';

export type Direction = 'up' | 'down' | 'left' | 'right';

/** What moving the selection with the arrows needs to know. */
export interface NavigationState {
  topics: Topic[];
  nodes: TopicNode[];
  selection: string[];
  /** For each topic, the child selected last: → goes back to it, as in Freeplane. */
  visited?: ReadonlyMap<string, string>;
}

/**
 * Arrow keys follow the tree as the layout draws it (as XMind does): towards the centre is the
 * parent, away from it the child visited last or else the first one (as Freeplane does), and
 * across the branch the previous or next sibling. On the left of a balanced map, ← is away.
 * Returns null where the tree has no answer, and the caller falls back to the nearest topic.
 */
function structuralMove(c: NavigationState, from: string, direction: Direction): string | null {
  const topic = c.topics.find((t) => t.id === from);
  const node = c.nodes.find((n) => n.id === from);
  if (!topic || !node) return null;
  const visible = new Set(c.nodes.map((n) => n.id));
  const side = node.data.side;
  const kids = childrenOf(c.topics, from).filter((k) => visible.has(k.id));
  if (topic.parent === null) {
    // From the central topic: into the branches on that side.
    const onSide = kids.filter(
      (k) =>
        c.nodes.find((n) => n.id === k.id)?.data.side ===
        (direction === 'left' ? 'left' : direction === 'right' ? 'right' : 'down'),
    );
    return (onSide.find((k) => k.id === c.visited?.get(from)) ?? onSide[0])?.id ?? null;
  }
  const outward = side === 'left' ? 'left' : side === 'down' ? 'down' : 'right';
  const inward = side === 'left' ? 'right' : side === 'down' ? 'up' : 'left';
  if (direction === inward) return topic.parent;
  if (direction === outward)
    return (kids.find((k) => k.id === c.visited?.get(from)) ?? kids[0])?.id ?? null;
  const siblings = childrenOf(c.topics, topic.parent).filter(
    (t) => visible.has(t.id) && c.nodes.find((n) => n.id === t.id)?.data.side === side,
  );
  const index = siblings.findIndex((t) => t.id === from);
  const previous = side === 'down' ? direction === 'left' : direction === 'up';
  return siblings[index + (previous ? -1 : 1)]?.id ?? null;
}

/**
 * The topic an arrow key selects: with nothing selected, the central topic; otherwise the tree's
 * answer, or else the nearest topic that way on screen. Null when there is no topic at all.
 */
export function arrowTarget(c: NavigationState, direction: Direction): string | null {
  const from = c.selection.at(-1) ?? c.topics.find((t) => t.parent === null)?.id;
  if (!from) return null;
  if (c.selection.length === 0) return from;
  return structuralMove(c, from, direction) ?? neighbour(c.nodes, from, direction);
}
