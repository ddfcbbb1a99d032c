/**
 * Mind-map topics: nodes of type `topic` that form a tree by `parent` and sibling `order`.
 * Their positions are never stored; a layout computes them from the tree (src/boards/mindmap).
 *
 * The move-versus-delete rule: a topic whose parent no longer exists (someone deleted the parent
 * while someone else moved the topic under it) is shown attached to the central topic, so it is
 * never lost silently; `listTopics` applies the rule, and anyone can move it back.
 */
import type * as Y from 'yjs';
import {
  boardsOf,
  eachRecord,
  mapField,
  recordAt,
  registerOf,
  textField,
  type YRecord,
} from '../../doc.ts';
import { compareOrdered, orderAt, orderAfterLast } from '../../order.ts';
import { normalizePageRef } from '../../pages.ts';
import { normalizeText, stripControls } from '../../text.ts';
import { CommandError } from '../boards.ts';
import { nodesIn, nodesOf } from '../nodes.ts';
import { cleanLabel, newTopic, requireTopic } from './records.ts';

export const MARKERS = [
  'suspect',
  'victim',
  'witness',
  'physical-evidence',
  'document',
  'expert',
  'deadline',
  'warning',
  'question',
  'done',
] as const;
export type Marker = (typeof MARKERS)[number];

export interface Topic {
  id: string;
  /** The parent as displayed (the move-versus-delete rule applied); null for a root. */
  parent: string | null;
  order: string;
  label: string;
  note?: string;
  markers: Marker[];
  color?: string;
  entity?: string;
  pages?: string;
  image?: string;
  /** A labelled boundary drawn around this topic's branch ('' for none). */
  boundary?: string;
  collapsed: boolean;
  /** The side a main topic is drawn on in the balanced layout (unset: wherever balances). */
  side?: 'left' | 'right';
  /** True when the stored parent was missing and the topic is shown under the central topic. */
  rescued?: boolean;
}

/**
 * Each topic record's last reading, kept until a transaction changes the record: a change to one
 * topic of a big map reads that topic again, not all of them. The readings are shared: never
 * changed once made.
 */
const readings = new WeakMap<YRecord, Topic>();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Y type will do
type AnyType = Y.AbstractType<any>;
const forgetting = new WeakSet<Y.Doc>();

/** Forgets the readings of the records a transaction changed, before anyone observes it. */
function forgetChanged(transaction: Y.Transaction): void {
  for (const type of transaction.changed.keys()) {
    // A record, or (should a field ever be a Y type) a type inside one: forget its ancestors too.
    for (let t: AnyType | null = type; t; t = t._item?.parent as AnyType | null)
      readings.delete(t as unknown as YRecord);
  }
}

function readTopics(doc: Y.Doc, nodes: YRecord | undefined): Topic[] {
  if (!forgetting.has(doc)) {
    forgetting.add(doc);
    doc.on('beforeObserverCalls', forgetChanged);
  }
  // Read inside a transaction (a command reading what it just wrote): its changes are not yet
  // forgotten, so what it changed is read afresh, and nothing read is kept: a record made in this
  // transaction and changed again later in it would not count as changed.
  const changing = doc._transaction?.changed;
  const topics: Topic[] = [];
  eachRecord(nodes, (record, id) => {
    const known = readings.get(record);
    if (known && known.id === id && !changing?.has(record as unknown as AnyType)) {
      topics.push(known);
      return;
    }
    if (record.get('type') !== 'topic') return;
    const parent = record.get('parent');
    const markers = record.get('markers');
    const topic: Topic = {
      id,
      parent: typeof parent === 'string' ? parent : null,
      order: textField(record, 'order'),
      label: textField(record, 'label'),
      markers: Array.isArray(markers)
        ? (markers.filter((m) => MARKERS.includes(m as Marker)) as Marker[])
        : [],
      collapsed: record.get('collapsed') === true,
    };
    for (const key of ['note', 'color', 'entity', 'pages', 'image'] as const) {
      const value = record.get(key);
      if (typeof value === 'string' && value !== '') topic[key] = value;
    }
    const boundary = record.get('boundary');
    if (typeof boundary === 'string') topic.boundary = boundary;
    const side = record.get('side');
    if (side === 'left' || side === 'right') topic.side = side;
    if (!changing) readings.set(record, topic);
    topics.push(topic);
  });
  return topics;
}

/**
 * The topics of a mind-map board, with the move-versus-delete rule applied: a topic whose parent is
 * missing, or whose parent chain loops, is shown under the first root (the central topic).
 */
export function listTopics(doc: Y.Doc, boardId: string): Topic[] {
  const topics = readTopics(doc, nodesIn(doc, boardId));
  const byId = new Map(topics.map((t) => [t.id, t]));
  const roots = topics.filter((t) => t.parent === null).sort(compareOrdered);
  const central = roots[0]?.id ?? null;
  // Whether each topic's parent chain reaches a root, remembered along the way: O(n) overall.
  const reaches = new Map<string, boolean>();
  // One path and one set for the whole map, emptied per topic (not two allocations per topic).
  const path: Topic[] = [];
  const onPath = new Set<string>();
  for (const topic of topics) {
    path.length = 0;
    onPath.clear();
    let current: Topic | undefined = topic;
    let ok = false;
    while (current) {
      const known = reaches.get(current.id);
      if (known !== undefined) {
        ok = known;
        break;
      }
      if (current.parent === null) {
        ok = true;
        break;
      }
      if (onPath.has(current.id)) break; // a loop
      onPath.add(current.id);
      path.push(current);
      if (!byId.has(current.parent)) break; // a deleted parent
      current = byId.get(current.parent);
    }
    for (const t of path) reaches.set(t.id, ok);
    if (current && current.parent === null) reaches.set(current.id, true);
  }
  for (let i = 0; i < topics.length; i++) {
    const topic = topics[i]!;
    // A copy: the reading is shared and stays as stored.
    if (topic.parent !== null && reaches.get(topic.id) === false)
      topics[i] = { ...topic, parent: central === topic.id ? null : central, rescued: true };
  }
  return topics;
}

/** The children of `parent` in sibling order. */
export function childrenOf(topics: readonly Topic[], parent: string | null): Topic[] {
  return topics.filter((t) => t.parent === parent).sort(compareOrdered);
}

/** Every descendant of the given topics (not the topics themselves). */
export function descendantsOf(topics: readonly Topic[], ids: readonly string[]): Set<string> {
  // Pushed, not copied: a parent of thousands of children must not cost their square.
  const children = new Map<string, string[]>();
  for (const t of topics) {
    if (!t.parent) continue;
    const list = children.get(t.parent);
    if (list) list.push(t.id);
    else children.set(t.parent, [t.id]);
  }
  const out = new Set<string>();
  const stack = [...ids];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (!out.has(child)) {
        out.add(child);
        stack.push(child);
      }
    }
  }
  return out;
}

/**
 * Adds a topic under `parent` (null: a root) at `index` among its siblings (default: last).
 * @example addTopic(doc, { boardId, parent: rootId, label: 'Bị can' }, origin)
 */
export function addTopic(
  doc: Y.Doc,
  args: { boardId: string; parent: string | null; index?: number; label: string; id?: string },
  origin: unknown,
): string {
  const nodes = nodesOf(doc, args.boardId);
  if (args.parent !== null) requireTopic(doc, args.boardId, args.parent);
  const siblings = childrenOf(listTopics(doc, args.boardId), args.parent);
  const order = args.index === undefined ? orderAfterLast(siblings) : orderAt(siblings, args.index);
  let id = '';
  doc.transact(() => {
    id = newTopic(nodes, { id: args.id, parent: args.parent, order, label: args.label });
  }, origin);
  return id;
}

/** Adds a sibling right after (or before) `of`; for a root, adds a child instead. */
export function addSibling(
  doc: Y.Doc,
  args: { boardId: string; of: string; before?: boolean; label: string },
  origin: unknown,
): string {
  const topics = listTopics(doc, args.boardId);
  const topic = topics.find((t) => t.id === args.of);
  if (!topic) throw new CommandError('topic.notFound', `No topic ${args.of} on this board.`);
  if (topic.parent === null)
    return addTopic(doc, { boardId: args.boardId, parent: topic.id, label: args.label }, origin);
  const siblings = childrenOf(topics, topic.parent);
  const index = siblings.findIndex((s) => s.id === topic.id) + (args.before ? 0 : 1);
  return addTopic(
    doc,
    { boardId: args.boardId, parent: topic.parent, index, label: args.label },
    origin,
  );
}

/** Inserts a new topic between `of` and its parent; `of` becomes its only child. */
export function addParent(
  doc: Y.Doc,
  args: { boardId: string; of: string; label: string },
  origin: unknown,
): string {
  const nodes = nodesOf(doc, args.boardId);
  const record = requireTopic(doc, args.boardId, args.of);
  const topic = listTopics(doc, args.boardId).find((t) => t.id === args.of)!;
  if (topic.parent === null)
    throw new CommandError('topic.rootHasNoParent', 'The central topic has no parent.');
  let id = '';
  doc.transact(() => {
    id = newTopic(nodes, { parent: topic.parent, order: topic.order, label: args.label });
    record.set('parent', id);
  }, origin);
  return id;
}

/** Deletes topics with their whole subtrees, and the relationships that touch them. */
export function deleteTopics(
  doc: Y.Doc,
  args: { boardId: string; ids: readonly string[] },
  origin: unknown,
): void {
  const nodes = nodesOf(doc, args.boardId);
  const topics = listTopics(doc, args.boardId);
  const gone = new Set([
    ...args.ids.filter((id) => nodes.has(id)),
    ...descendantsOf(topics, args.ids),
  ]);
  const edges = mapField(recordAt(boardsOf(doc), args.boardId), 'edges');
  doc.transact(() => {
    for (const id of gone) nodes.delete(id);
    eachRecord(nodes, (record, id) => {
      if (
        record.get('type') === 'summary' &&
        (gone.has(textField(record, 'from')) ||
          gone.has(textField(record, 'to')) ||
          gone.has(textField(record, 'parent')))
      )
        nodes.delete(id);
    });
    eachRecord(edges, (edge, edgeId) => {
      if (gone.has(textField(edge, 'source')) || gone.has(textField(edge, 'target')))
        edges?.delete(edgeId);
    });
  }, origin);
}

/**
 * Moves a topic (with its subtree) under `parent` at `index`. Refuses a move into its own subtree.
 */
export function moveTopic(
  doc: Y.Doc,
  args: { boardId: string; id: string; parent: string | null; index: number },
  origin: unknown,
): void {
  const record = requireTopic(doc, args.boardId, args.id);
  const topics = listTopics(doc, args.boardId);
  if (args.parent !== null) {
    requireTopic(doc, args.boardId, args.parent);
    if (args.parent === args.id || descendantsOf(topics, [args.id]).has(args.parent)) {
      throw new CommandError('topic.intoItself', 'A topic cannot move into its own branch.');
    }
  }
  const siblings = childrenOf(topics, args.parent).filter((t) => t.id !== args.id);
  const order = orderAt(siblings, args.index);
  doc.transact(() => {
    if (args.parent === null) record.delete('parent');
    else record.set('parent', args.parent);
    record.set('order', order);
  }, origin);
}

/** Moves a topic up (-1) or down (+1) among its siblings. */
export function shiftTopic(
  doc: Y.Doc,
  args: { boardId: string; id: string; delta: -1 | 1 },
  origin: unknown,
): void {
  const topics = listTopics(doc, args.boardId);
  const topic = topics.find((t) => t.id === args.id);
  if (!topic) throw new CommandError('topic.notFound', `No topic ${args.id} on this board.`);
  const siblings = childrenOf(topics, topic.parent);
  const index = siblings.findIndex((s) => s.id === args.id) + args.delta;
  if (index < 0 || index >= siblings.length) return;
  moveTopic(doc, { boardId: args.boardId, id: args.id, parent: topic.parent, index }, origin);
}

export interface TopicPatch {
  label?: string;
  note?: string;
  markers?: readonly Marker[];
  color?: string | null;
  entity?: string | null;
  pages?: string;
  image?: string | null;
  /** A boundary label ('' draws an unlabelled boundary); null removes the boundary. */
  boundary?: string | null;
  collapsed?: boolean;
  /** The side of a main topic in the balanced layout; null: wherever balances. */
  side?: 'left' | 'right' | null;
}

/** Changes a topic's content; `null` or '' removes an optional field. */
export function setTopic(
  doc: Y.Doc,
  args: { boardId: string; id: string; patch: TopicPatch },
  origin: unknown,
): void {
  const record = requireTopic(doc, args.boardId, args.id);
  const { patch } = args;
  const label = patch.label === undefined ? undefined : cleanLabel(patch.label);
  const pages = patch.pages === undefined ? undefined : normalizePageRef(patch.pages);
  if (pages === null) throw new CommandError('register.badPages', 'Not a page reference.');
  if (patch.entity && !registerOf(doc).has(patch.entity))
    throw new CommandError('register.notFound', 'No such entity.');
  if (patch.color && !/^#[0-9a-fA-F]{6}$/.test(patch.color))
    throw new CommandError('topic.badColor', 'Colours are #rrggbb.');
  if (patch.markers && !patch.markers.every((m) => MARKERS.includes(m)))
    throw new CommandError('topic.badMarker', 'Unknown marker.');
  const optional = (key: string, value: string | null | undefined) => {
    if (value === undefined) return;
    if (value === null || value === '') record.delete(key);
    else record.set(key, value);
  };
  doc.transact(() => {
    if (label !== undefined) record.set('label', label);
    optional('note', patch.note === undefined ? undefined : stripControls(patch.note));
    optional('color', patch.color);
    optional('entity', patch.entity);
    optional('pages', pages);
    optional('image', patch.image);
    if (patch.boundary === null) record.delete('boundary');
    else if (patch.boundary !== undefined) record.set('boundary', normalizeText(patch.boundary));
    if (patch.markers) record.set('markers', [...new Set(patch.markers)]);
    if (patch.side === null) record.delete('side');
    else if (patch.side === 'left' || patch.side === 'right') record.set('side', patch.side);
    if (patch.collapsed !== undefined) {
      if (patch.collapsed) record.set('collapsed', true);
      else record.delete('collapsed');
    }
  }, origin);
}
