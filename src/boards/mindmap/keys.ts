import type * as Y from 'yjs';
import {
  addParent,
  addSibling,
  addTopic,
  childrenOf,
  deleteTopics,
  setTopic,
  shiftTopic,
  type Topic,
} from '../../core/commands/mindmap.ts';
import { neighbour, type TopicNode } from './view.ts';

/** What a key does on the map: the one definition the handler and the `?` sheet both use. */
export interface MindMapKey {
  keys: string;
  help: string;
  test(event: KeyboardEvent): boolean;
}

export interface MindMapContext {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  topics: Topic[];
  nodes: TopicNode[];
  selection: string[];
  /** For each topic, the child selected last: → goes back to it, as in Freeplane. */
  visited?: ReadonlyMap<string, string>;
  newLabel: string;
  select(ids: string[]): void;
  edit(id: string, replace?: boolean): void;
  openFind(): void;
  /** Closes the find box if it is open; says whether it was. */
  closeFind?(): boolean;
  openHelp(): void;
  copy(cut: boolean): void;
}

const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey;
const ctrl = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && !event.altKey;

/** The keys, in the order of the help sheet; `run` returns false when the key did nothing. */
export const MINDMAP_KEYS: Array<MindMapKey & { run(c: MindMapContext): boolean }> = [
  {
    keys: 'Tab',
    help: 'child',
    test: (e) => e.key === 'Tab' && !e.shiftKey && plain(e),
    run: (c) =>
      withOne(c, (id) =>
        c.edit(addTopic(c.doc, { boardId: c.boardId, parent: id, label: c.newLabel }, c.origin)),
      ),
  },
  {
    keys: 'Enter',
    help: 'sibling',
    test: (e) => e.key === 'Enter' && !e.shiftKey && plain(e),
    run: (c) =>
      withOne(c, (id) =>
        c.edit(addSibling(c.doc, { boardId: c.boardId, of: id, label: c.newLabel }, c.origin)),
      ),
  },
  {
    keys: 'Shift+Enter',
    help: 'siblingAbove',
    test: (e) => e.key === 'Enter' && e.shiftKey && plain(e),
    run: (c) =>
      withOne(c, (id) =>
        c.edit(
          addSibling(
            c.doc,
            { boardId: c.boardId, of: id, before: true, label: c.newLabel },
            c.origin,
          ),
        ),
      ),
  },
  {
    keys: 'Shift+Tab, Ctrl+Enter',
    help: 'parent',
    test: (e) => (e.key === 'Tab' && e.shiftKey && plain(e)) || (e.key === 'Enter' && ctrl(e)),
    run: (c) =>
      withOne(c, (id) => {
        if (c.topics.find((t) => t.id === id)?.parent === null) return;
        c.edit(addParent(c.doc, { boardId: c.boardId, of: id, label: c.newLabel }, c.origin));
      }),
  },
  {
    keys: 'F2',
    help: 'edit',
    test: (e) => e.key === 'F2',
    run: (c) => withOne(c, (id) => c.edit(id)),
  },
  {
    keys: 'Esc',
    help: 'leave',
    test: (e) => e.key === 'Escape',
    run: (c) => {
      // The first Esc closes the find box, the next one clears the selection.
      if (c.closeFind?.()) return true;
      c.select([]);
      return true;
    },
  },
  {
    keys: 'Delete',
    help: 'delete',
    test: (e) => (e.key === 'Delete' || e.key === 'Backspace') && plain(e),
    run: (c) => {
      const ids = c.selection.filter((id) => c.topics.find((t) => t.id === id)?.parent !== null);
      if (ids.length === 0) return false;
      const first = c.topics.find((t) => t.id === ids[0]);
      deleteTopics(c.doc, { boardId: c.boardId, ids }, c.origin);
      c.select(first?.parent ? [first.parent] : []);
      return true;
    },
  },
  {
    keys: '← ↑ → ↓',
    help: 'navigate',
    test: (e) => e.key.startsWith('Arrow') && plain(e),
    run: () => false, // handled with the event's direction in `handleMindMapKey`
  },
  {
    keys: 'Space, Ctrl+/',
    help: 'fold',
    test: (e) => (e.key === ' ' && plain(e)) || (e.key === '/' && ctrl(e)),
    run: (c) => {
      const targets = c.topics.filter(
        (t) => c.selection.includes(t.id) && childrenOf(c.topics, t.id).length > 0,
      );
      for (const t of targets)
        setTopic(
          c.doc,
          { boardId: c.boardId, id: t.id, patch: { collapsed: !t.collapsed } },
          c.origin,
        );
      return targets.length > 0;
    },
  },
  {
    keys: 'Alt+↑, Alt+↓',
    help: 'reorder',
    test: (e) => e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown'),
    run: () => false, // needs the direction: see `handleMindMapKey`
  },
  {
    keys: 'Ctrl+C, Ctrl+X, Ctrl+V',
    help: 'copy',
    test: (e) => ctrl(e) && (e.key === 'c' || e.key === 'x'),
    run: () => false,
  },
  {
    keys: 'Ctrl+F',
    help: 'find',
    test: (e) => ctrl(e) && e.key.toLowerCase() === 'f',
    run: (c) => {
      c.openFind();
      return true;
    },
  },
  { keys: 'Ctrl+Z, Ctrl+Shift+Z', help: 'undo', test: () => false, run: () => false },
  {
    keys: '?',
    help: 'help',
    test: (e) => e.key === '?',
    run: (c) => {
      c.openHelp();
      return true;
    },
  },
];

function withOne(c: MindMapContext, run: (id: string) => void): boolean {
  const id = c.selection.at(-1);
  if (!id) return false;
  run(id);
  return true;
}

/**
 * Arrow keys follow the tree as the layout draws it (as XMind does): towards the centre is the
 * parent, away from it the child visited last or else the first one (as Freeplane does), and
 * across the branch the previous or next sibling. On the left of a balanced map, ← is away.
 * Returns null where the tree has no answer, and the caller falls back to the nearest topic.
 */
function structuralMove(
  c: MindMapContext,
  from: string,
  direction: 'up' | 'down' | 'left' | 'right',
): string | null {
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

/** Handles a key on the map; returns true when it acted (the caller then prevents the default). */
export function handleMindMapKey(event: KeyboardEvent, c: MindMapContext): boolean {
  if (event.isComposing || event.keyCode === 229) return false;
  if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
    return withOne(c, (id) =>
      shiftTopic(
        c.doc,
        { boardId: c.boardId, id, delta: event.key === 'ArrowUp' ? -1 : 1 },
        c.origin,
      ),
    );
  }
  if (event.key.startsWith('Arrow') && plain(event)) {
    const from = c.selection.at(-1) ?? c.topics.find((t) => t.parent === null)?.id;
    if (!from) return false;
    const direction = event.key.slice(5).toLowerCase() as 'up' | 'down' | 'left' | 'right';
    const next =
      c.selection.length === 0
        ? from
        : (structuralMove(c, from, direction) ?? neighbour(c.nodes, from, direction));
    if (next) c.select([next]);
    return true;
  }
  if (ctrl(event) && (event.key === 'c' || event.key === 'x')) {
    if (c.selection.length === 0) return false;
    c.copy(event.key === 'x');
    return true;
  }
  const key = MINDMAP_KEYS.find((k) => k.test(event));
  if (key) return key.run(c);
  // Typing on a selected topic edits it, replacing its text. Not "handled": the key's default
  // action must go on, so its character lands in the editor that `edit` has just focused.
  if (event.key.length === 1 && plain(event) && c.selection.length > 0)
    c.edit(c.selection.at(-1)!, true);
  return false;
}
