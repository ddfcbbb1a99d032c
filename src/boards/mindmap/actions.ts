/**
 * Every action of the mind map, once: the key handler, the toolbar, the command palette and the
 * `?` sheet are all generated from `MINDMAP_ACTIONS`. Each runs as one undo step (`runAction`).
 */
import {
  ArrowDown,
  ArrowLeft,
  ArrowRight,
  ArrowUp,
  Braces,
  Copy,
  CornerDownRight,
  HelpCircle,
  Maximize,
  PanelRight,
  Pencil,
  Scissors,
  Search,
  Spline,
  Trash2,
} from 'lucide-react';
import type * as Y from 'yjs';
import {
  addParent,
  addRelationship,
  addSibling,
  addSummary,
  addTopic,
  childrenOf,
  deleteTopics,
  setTopic,
  shiftTopic,
} from '../../core/commands/mindmap.ts';
import type { Action, ActionContext, ActionTable } from '../../ui/actions.ts';
import { arrowTarget, type Direction, type NavigationState } from './navigation.ts';

export interface MindMapContext extends ActionContext, NavigationState {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  newLabel: string;
  summaryLabel: string;
  select(ids: string[]): void;
  edit(id: string, replace?: boolean): void;
  openFind(): void;
  /** Closes the find box if it is open; says whether it was. */
  closeFind(): boolean;
  openHelp(): void;
  toggleDetails(): void;
  fit(): void;
  /** Puts the selected branches on the clipboard as an outline. */
  copy(): void;
}

type MindMapAction = Action<MindMapContext>;

const last = (c: MindMapContext) => c.selection.at(-1);
const one = (c: MindMapContext) => c.selection.length > 0;
const parentOf = (c: MindMapContext, id: string) => c.topics.find((t) => t.id === id)?.parent;
/** The selected topics that may be deleted: never the central one. */
const removable = (c: MindMapContext) => c.selection.filter((id) => parentOf(c, id) !== null);

/** Deletes the selected branches and selects the parent of the first, as Delete and cut do. */
function deleteSelected(c: MindMapContext): boolean {
  const ids = removable(c);
  if (ids.length === 0) return false;
  const parent = parentOf(c, ids[0]!) ?? null;
  deleteTopics(c.doc, { boardId: c.boardId, ids }, c.origin);
  c.select(parent ? [parent] : []);
  return true;
}

const arrow = (direction: Direction, key: string, icon: MindMapAction['icon']): MindMapAction => ({
  id: `mindmap.select${direction[0]!.toUpperCase()}${direction.slice(1)}`,
  label: `mindmap:keys.select.${direction}`,
  icon,
  keys: [key],
  group: 'select',
  viewer: true,
  noTransaction: true,
  enabled: (c) => c.topics.length > 0,
  perform: (c) => {
    const next = arrowTarget(c, direction);
    if (next) c.select([next]);
  },
});

const reorder = (delta: -1 | 1): MindMapAction => ({
  id: delta < 0 ? 'mindmap.moveUp' : 'mindmap.moveDown',
  label: delta < 0 ? 'mindmap:keys.moveUp' : 'mindmap:keys.moveDown',
  icon: delta < 0 ? ArrowUp : ArrowDown,
  keys: [delta < 0 ? 'Alt+ArrowUp' : 'Alt+ArrowDown'],
  group: 'edit',
  // Only while there is a sibling that way: the palette greys it at either end.
  enabled: (c) => {
    const id = last(c);
    const parent = id ? parentOf(c, id) : null;
    if (!id || !parent) return false;
    const siblings = childrenOf(c.topics, parent);
    return siblings[siblings.findIndex((t) => t.id === id) + delta] !== undefined;
  },
  perform: (c) => {
    shiftTopic(c.doc, { boardId: c.boardId, id: last(c)!, delta }, c.origin);
  },
});

/** The mind map's actions, in the order of the `?` sheet. */
export const MINDMAP_ACTIONS: ActionTable<MindMapContext> = [
  {
    id: 'mindmap.addChild',
    label: 'mindmap:keys.child',
    icon: CornerDownRight,
    keys: ['Tab'],
    group: 'edit',
    enabled: one,
    perform: (c) => {
      const parent = last(c)!;
      // A folded topic opens, as in XMind: a child added out of sight could not be typed into.
      if (c.topics.find((t) => t.id === parent)?.collapsed)
        setTopic(c.doc, { boardId: c.boardId, id: parent, patch: { collapsed: false } }, c.origin);
      c.edit(addTopic(c.doc, { boardId: c.boardId, parent, label: c.newLabel }, c.origin));
    },
  },
  {
    id: 'mindmap.addSibling',
    label: 'mindmap:keys.sibling',
    keys: ['Enter'],
    group: 'edit',
    enabled: one,
    perform: (c) =>
      c.edit(addSibling(c.doc, { boardId: c.boardId, of: last(c)!, label: c.newLabel }, c.origin)),
  },
  {
    id: 'mindmap.addSiblingAbove',
    label: 'mindmap:keys.siblingAbove',
    keys: ['Shift+Enter'],
    group: 'edit',
    enabled: one,
    perform: (c) =>
      c.edit(
        addSibling(
          c.doc,
          { boardId: c.boardId, of: last(c)!, before: true, label: c.newLabel },
          c.origin,
        ),
      ),
  },
  {
    id: 'mindmap.addParent',
    label: 'mindmap:keys.parent',
    keys: ['Shift+Tab', 'Mod+Enter'],
    group: 'edit',
    enabled: (c) => one(c) && parentOf(c, last(c)!) !== null,
    perform: (c) =>
      c.edit(addParent(c.doc, { boardId: c.boardId, of: last(c)!, label: c.newLabel }, c.origin)),
  },
  {
    id: 'mindmap.edit',
    label: 'mindmap:keys.edit',
    icon: Pencil,
    keys: ['F2'],
    group: 'edit',
    enabled: one,
    noTransaction: true,
    perform: (c) => c.edit(last(c)!),
  },
  {
    id: 'mindmap.leave',
    label: 'mindmap:keys.leave',
    keys: ['Escape'],
    group: 'select',
    viewer: true,
    noTransaction: true,
    // The first Esc closes the find box, the next one clears the selection.
    perform: (c) => {
      if (!c.closeFind()) c.select([]);
    },
  },
  {
    id: 'mindmap.delete',
    label: 'mindmap:keys.delete',
    icon: Trash2,
    keys: ['Delete', 'Backspace'],
    group: 'edit',
    enabled: (c) => removable(c).length > 0,
    perform: deleteSelected,
  },
  arrow('left', 'ArrowLeft', ArrowLeft),
  arrow('right', 'ArrowRight', ArrowRight),
  arrow('up', 'ArrowUp', ArrowUp),
  arrow('down', 'ArrowDown', ArrowDown),
  {
    id: 'mindmap.fold',
    label: 'mindmap:keys.fold',
    keys: [' ', 'Mod+/'],
    group: 'view',
    enabled: one,
    perform: (c) => {
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
  reorder(-1),
  reorder(1),
  {
    id: 'mindmap.copy',
    label: 'mindmap:keys.copy',
    icon: Copy,
    keys: ['Mod+C'],
    group: 'edit',
    viewer: true,
    noTransaction: true,
    enabled: one,
    perform: (c) => c.copy(),
  },
  {
    id: 'mindmap.cut',
    label: 'mindmap:keys.cut',
    icon: Scissors,
    keys: ['Mod+X'],
    group: 'edit',
    enabled: (c) => removable(c).length > 0,
    // Cut is a copy then a delete, with the same rule as the Delete key: never the central topic.
    perform: (c) => {
      c.copy();
      return deleteSelected(c);
    },
  },
  {
    id: 'mindmap.find',
    label: 'mindmap:keys.find',
    icon: Search,
    keys: ['Mod+F'],
    group: 'view',
    viewer: true,
    noTransaction: true,
    perform: (c) => c.openFind(),
  },
  {
    id: 'mindmap.relate',
    label: 'mindmap:relate',
    icon: Spline,
    group: 'edit',
    enabled: (c) => c.selection.length === 2,
    perform: (c) => {
      addRelationship(
        c.doc,
        { boardId: c.boardId, source: c.selection[0]!, target: c.selection[1]! },
        c.origin,
      );
    },
  },
  {
    id: 'mindmap.summarize',
    label: 'mindmap:summary',
    icon: Braces,
    group: 'edit',
    // Siblings only, and never the central topic.
    enabled: (c) =>
      one(c) &&
      new Set(c.selection.map((id) => parentOf(c, id) ?? null)).size === 1 &&
      parentOf(c, c.selection[0]!) !== null,
    perform: (c) => {
      addSummary(
        c.doc,
        { boardId: c.boardId, topics: c.selection, label: c.summaryLabel },
        c.origin,
      );
    },
  },
  {
    id: 'mindmap.details',
    label: 'mindmap:details',
    icon: PanelRight,
    group: 'view',
    viewer: true,
    noTransaction: true,
    perform: (c) => c.toggleDetails(),
  },
  {
    id: 'mindmap.fit',
    label: 'mindmap:zoom.fit',
    icon: Maximize,
    group: 'view',
    viewer: true,
    noTransaction: true,
    perform: (c) => c.fit(),
  },
  {
    id: 'mindmap.help',
    label: 'mindmap:keys.help',
    icon: HelpCircle,
    keys: ['?'],
    group: 'view',
    viewer: true,
    noTransaction: true,
    perform: (c) => c.openHelp(),
  },
];

/** An action of the table by id, for the toolbar's buttons. */
export function mindMapAction(id: string): MindMapAction {
  const action = MINDMAP_ACTIONS.find((a) => a.id === id);
  if (!action) throw new Error(`No mind-map action ${id}`);
  return action;
}
