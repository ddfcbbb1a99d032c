import * as Y from 'yjs';
import {
  boardTitleOf,
  boardsOf,
  eachRecord,
  mapField,
  recordAt,
  registerOf,
  textField,
  type YRecord,
} from '../doc.ts';
import { newId } from '../ids.ts';
import { compareOrdered, orderAt, orderAfterLast } from '../order.ts';
import type { OutlineNode } from '../outline.ts';
import { normalizePageRef } from '../pages.ts';
import { CommandError } from './boards.ts';
import { nodesIn, nodesOf } from './nodes.ts';
import type { MapTopic, MindMapModel } from '../interop/model.ts';

/**
 * Mind-map topics: nodes of type `topic` that form a tree by `parent` and sibling `order`.
 * Their positions are never stored; a layout computes them from the tree (src/boards/mindmap).
 *
 * The move-versus-delete rule: a topic whose parent no longer exists (someone deleted the parent
 * while someone else moved the topic under it) is shown attached to the central topic, so it is
 * never lost silently; `listTopics` applies the rule, and anyone can move it back.
 */

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
  /** True when the stored parent was missing and the topic is shown under the central topic. */
  rescued?: boolean;
}

function readTopics(nodes: YRecord | undefined): Topic[] {
  const topics: Topic[] = [];
  eachRecord(nodes, (record, id) => {
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
    topics.push(topic);
  });
  return topics;
}

/**
 * The topics of a mind-map board, with the move-versus-delete rule applied: a topic whose parent is
 * missing, or whose parent chain loops, is shown under the first root (the central topic).
 */
export function listTopics(doc: Y.Doc, boardId: string): Topic[] {
  const topics = readTopics(nodesIn(doc, boardId));
  const byId = new Map(topics.map((t) => [t.id, t]));
  const roots = topics.filter((t) => t.parent === null).sort(compareOrdered);
  const central = roots[0]?.id ?? null;
  // Whether each topic's parent chain reaches a root, remembered along the way: O(n) overall.
  const reaches = new Map<string, boolean>();
  for (const topic of topics) {
    const path: Topic[] = [];
    const onPath = new Set<string>();
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
  for (const topic of topics) {
    if (topic.parent !== null && reaches.get(topic.id) === false) {
      topic.parent = central === topic.id ? null : central;
      topic.rescued = true;
    }
  }
  return topics;
}

/** The children of `parent` in sibling order. */
export function childrenOf(topics: readonly Topic[], parent: string | null): Topic[] {
  return topics.filter((t) => t.parent === parent).sort(compareOrdered);
}

/** Every descendant of the given topics (not the topics themselves). */
export function descendantsOf(topics: readonly Topic[], ids: readonly string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const t of topics)
    if (t.parent) children.set(t.parent, [...(children.get(t.parent) ?? []), t.id]);
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

function requireTopic(doc: Y.Doc, boardId: string, id: string): YRecord {
  const record = recordAt(nodesOf(doc, boardId), id);
  if (!record || record.get('type') !== 'topic')
    throw new CommandError('topic.notFound', `No topic ${id} on this board.`);
  return record;
}

function cleanLabel(label: string): string {
  const text = label.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (text.length > 5000)
    throw new CommandError('topic.badLabel', 'A topic is at most 5000 characters.');
  return text;
}

function newTopic(
  nodes: YRecord,
  args: { id?: string; parent: string | null; order: string; label: string },
): string {
  const id = args.id ?? newId();
  const record: YRecord = new Y.Map();
  record.set('id', id);
  record.set('type', 'topic');
  if (args.parent !== null) record.set('parent', args.parent);
  record.set('order', args.order);
  record.set('label', cleanLabel(args.label));
  nodes.set(id, record);
  return id;
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
    optional('note', patch.note === undefined ? undefined : patch.note.normalize('NFC'));
    optional('color', patch.color);
    optional('entity', patch.entity);
    optional('pages', pages);
    optional('image', patch.image);
    if (patch.boundary === null) record.delete('boundary');
    else if (patch.boundary !== undefined)
      record.set('boundary', patch.boundary.normalize('NFC').trim());
    if (patch.markers) record.set('markers', [...new Set(patch.markers)]);
    if (patch.collapsed !== undefined) {
      if (patch.collapsed) record.set('collapsed', true);
      else record.delete('collapsed');
    }
  }, origin);
}

/**
 * Adds a forest (pasted lines, a copied subtree, a template) under `parent`, after its children
 * or at `index`; returns the ids of the new top-level topics. One transaction: one undo step.
 */
export function insertOutline(
  doc: Y.Doc,
  args: { boardId: string; parent: string | null; nodes: readonly OutlineNode[]; index?: number },
  origin: unknown,
): string[] {
  const nodes = nodesOf(doc, args.boardId);
  if (args.parent !== null) requireTopic(doc, args.boardId, args.parent);
  const siblings = childrenOf(listTopics(doc, args.boardId), args.parent);
  const created: string[] = [];
  doc.transact(() => {
    let order = args.index === undefined ? orderAfterLast(siblings) : orderAt(siblings, args.index);
    const stack: Array<{ node: OutlineNode; parent: string | null; order: string; top: boolean }> =
      [];
    for (const node of args.nodes) {
      stack.push({ node, parent: args.parent, order, top: true });
      order = orderAfterLast([{ id: '', order }]);
    }
    // Iterative, so a deep pasted outline cannot overflow the stack.
    while (stack.length > 0) {
      const item = stack.shift()!;
      const id = newTopic(nodes, {
        parent: item.parent,
        order: item.order,
        label: item.node.label,
      });
      if (item.top) created.push(id);
      let childOrder = orderAfterLast([]);
      for (const child of item.node.children) {
        stack.push({ node: child, parent: id, order: childOrder, top: false });
        childOrder = orderAfterLast([{ id: '', order: childOrder }]);
      }
    }
  }, origin);
  return created;
}

/** The subtrees of `ids` as an outline (for copy and cut). Topics inside another copied one are skipped. */
export function subtreeOutline(topics: readonly Topic[], ids: readonly string[]): OutlineNode[] {
  const inside = descendantsOf(topics, ids);
  const build = (id: string): OutlineNode => ({
    label: topics.find((t) => t.id === id)?.label ?? '',
    children: childrenOf(topics, id).map((c) => build(c.id)),
  });
  return ids.filter((id) => !inside.has(id) && topics.some((t) => t.id === id)).map(build);
}

export interface Relationship {
  id: string;
  source: string;
  target: string;
  label: string;
  /** Offset of the curve's control point from the line's midpoint; absent for the default bend. */
  control?: { dx: number; dy: number };
}

function edgesOf(doc: Y.Doc, boardId: string): YRecord {
  const edges = mapField(recordAt(boardsOf(doc), boardId), 'edges');
  if (!edges) throw new CommandError('board.notFound', `No board ${boardId} in this case.`);
  return edges;
}

/** The relationship lines of a board (between any two topics, across branches). */
export function listRelationships(doc: Y.Doc, boardId: string): Relationship[] {
  const out: Relationship[] = [];
  const topics = nodesIn(doc, boardId);
  if (!topics) return out;
  eachRecord(mapField(recordAt(boardsOf(doc), boardId), 'edges'), (edge, id) => {
    if (edge.get('type') !== 'relationship') return;
    // A line to a topic someone deleted at the same time is not drawn (its record stays).
    if (!topics.has(textField(edge, 'source')) || !topics.has(textField(edge, 'target'))) return;
    const stored: unknown = edge.get('control');
    const control =
      typeof stored === 'object' && stored !== null
        ? (stored as { dx?: unknown; dy?: unknown })
        : undefined;
    out.push({
      id,
      source: textField(edge, 'source'),
      target: textField(edge, 'target'),
      label: textField(edge, 'label'),
      ...(control && typeof control.dx === 'number' && typeof control.dy === 'number'
        ? { control: { dx: control.dx, dy: control.dy } }
        : {}),
    });
  });
  return out;
}

/** Draws a labelled relationship line from one topic to another. */
export function addRelationship(
  doc: Y.Doc,
  args: { boardId: string; source: string; target: string; label?: string },
  origin: unknown,
): string {
  requireTopic(doc, args.boardId, args.source);
  requireTopic(doc, args.boardId, args.target);
  if (args.source === args.target)
    throw new CommandError('topic.selfRelationship', 'A relationship joins two different topics.');
  const edges = edgesOf(doc, args.boardId);
  const id = newId();
  doc.transact(() => {
    const edge: YRecord = new Y.Map();
    edge.set('id', id);
    edge.set('type', 'relationship');
    edge.set('source', args.source);
    edge.set('target', args.target);
    edge.set('label', (args.label ?? '').normalize('NFC').trim());
    edges.set(id, edge);
  }, origin);
  return id;
}

/** Relabels a relationship; `label: null` deletes it. */
export function setRelationship(
  doc: Y.Doc,
  args: { boardId: string; id: string; label: string | null },
  origin: unknown,
): void {
  const edges = edgesOf(doc, args.boardId);
  const edge = recordAt(edges, args.id);
  if (!edge) throw new CommandError('topic.notFound', 'No such relationship.');
  doc.transact(() => {
    if (args.label === null) edges.delete(args.id);
    else edge.set('label', args.label.normalize('NFC').trim());
  }, origin);
}

/** A summary: a bracket over a run of siblings (from … to) leading to a summary topic. */
export interface Summary {
  id: string;
  parent: string;
  from: string;
  to: string;
  label: string;
}

/** The summaries of a board whose siblings all still exist. */
export function listSummaries(doc: Y.Doc, boardId: string): Summary[] {
  const out: Summary[] = [];
  const shownParent = new Map(listTopics(doc, boardId).map((t) => [t.id, t.parent]));
  eachRecord(nodesIn(doc, boardId), (record, id) => {
    if (record.get('type') !== 'summary') return;
    const summary = {
      id,
      parent: textField(record, 'parent'),
      from: textField(record, 'from'),
      to: textField(record, 'to'),
      label: textField(record, 'label'),
    };
    // Both ends must still be children of its parent: a sibling deleted or moved away by someone
    // else at the same time leaves the summary unshown rather than spanning the wrong topics.
    if (shownParent.get(summary.from) !== summary.parent) return;
    if (shownParent.get(summary.to) !== summary.parent) return;
    out.push(summary);
  });
  return out;
}

/** Adds a summary over the given siblings (their first and last in sibling order bound the run). */
export function addSummary(
  doc: Y.Doc,
  args: { boardId: string; topics: readonly string[]; label: string },
  origin: unknown,
): string {
  const topics = listTopics(doc, args.boardId);
  const chosen = topics.filter((t) => args.topics.includes(t.id));
  const parent = chosen[0]?.parent;
  if (!parent || chosen.some((t) => t.parent !== parent)) {
    throw new CommandError(
      'topic.summaryNeedsSiblings',
      'A summary spans sibling topics under one parent.',
    );
  }
  const siblings = childrenOf(topics, parent).filter((t) => args.topics.includes(t.id));
  const nodes = nodesOf(doc, args.boardId);
  const id = newId();
  doc.transact(() => {
    const record: YRecord = new Y.Map();
    record.set('id', id);
    record.set('type', 'summary');
    record.set('parent', parent);
    record.set('from', siblings[0]!.id);
    record.set('to', siblings[siblings.length - 1]!.id);
    record.set('label', cleanLabel(args.label));
    nodes.set(id, record);
  }, origin);
  return id;
}

/** Relabels a summary; `label: null` removes it. */
export function setSummary(
  doc: Y.Doc,
  args: { boardId: string; id: string; label: string | null },
  origin: unknown,
): void {
  const nodes = nodesOf(doc, args.boardId);
  const record = recordAt(nodes, args.id);
  if (!record || record.get('type') !== 'summary')
    throw new CommandError('topic.notFound', 'No such summary.');
  doc.transact(() => {
    if (args.label === null) nodes.delete(args.id);
    else record.set('label', cleanLabel(args.label));
  }, origin);
}

/** Moves a relationship line's bend: `control` is the offset of its control point from the midpoint. */
export function setRelationshipControl(
  doc: Y.Doc,
  args: { boardId: string; id: string; control: { dx: number; dy: number } | null },
  origin: unknown,
): void {
  const edge = recordAt(edgesOf(doc, args.boardId), args.id);
  if (!edge) throw new CommandError('topic.notFound', 'No such relationship.');
  const { control } = args;
  if (control && !(Number.isFinite(control.dx) && Number.isFinite(control.dy)))
    throw new CommandError('node.badPosition', 'Not a position.');
  doc.transact(() => {
    if (control) edge.set('control', { dx: Math.round(control.dx), dy: Math.round(control.dy) });
    else edge.delete('control');
  }, origin);
}

/**
 * Writes an imported map into a board in one transaction (one undo step, all or nothing): its
 * roots under `parent` (null: as roots of the board), with notes, fold state and relationship lines.
 * Returns the ids of the topics made for the imported roots.
 */
export function importMap(
  doc: Y.Doc,
  args: { boardId: string; parent: string | null; model: MindMapModel },
  origin: unknown,
): string[] {
  const nodes = nodesOf(doc, args.boardId);
  if (args.parent !== null) requireTopic(doc, args.boardId, args.parent);
  const siblings = childrenOf(listTopics(doc, args.boardId), args.parent);
  const created: string[] = [];
  doc.transact(() => {
    const byRef = new Map<string, string>();
    let order = orderAfterLast(siblings);
    const queue: Array<{ topic: MapTopic; parent: string | null; order: string; top: boolean }> =
      [];
    for (const topic of args.model.roots) {
      queue.push({ topic, parent: args.parent, order, top: true });
      order = orderAfterLast([{ id: '', order }]);
    }
    // Breadth first and iterative: a deep map cannot overflow the stack.
    for (let i = 0; i < queue.length; i++) {
      const item = queue[i]!;
      const id = newTopic(nodes, {
        parent: item.parent,
        order: item.order,
        label: item.topic.label,
      });
      const record = nodes.get(id) as YRecord;
      if (item.topic.note) record.set('note', item.topic.note.slice(0, 20_000));
      if (item.topic.collapsed && item.topic.children.length > 0) record.set('collapsed', true);
      if (item.topic.ref) byRef.set(item.topic.ref, id);
      if (item.top) created.push(id);
      let childOrder = orderAfterLast([]);
      for (const child of item.topic.children) {
        queue.push({ topic: child, parent: id, order: childOrder, top: false });
        childOrder = orderAfterLast([{ id: '', order: childOrder }]);
      }
    }
    const edges = edgesOf(doc, args.boardId);
    for (const relation of args.model.relationships) {
      const source = byRef.get(relation.from);
      const target = byRef.get(relation.to);
      if (!source || !target || source === target) continue;
      const id = newId();
      const edge: YRecord = new Y.Map();
      edge.set('id', id);
      edge.set('type', 'relationship');
      edge.set('source', source);
      edge.set('target', target);
      edge.set('label', cleanLabel(relation.label ?? ''));
      edges.set(id, edge);
    }
  }, origin);
  return created;
}

/**
 * A board's map (or the branches of `ids`) as the exchange model the exporters write: labels, notes,
 * fold state and relationship lines between exported topics.
 */
export function mapFromBoard(doc: Y.Doc, boardId: string, ids?: readonly string[]): MindMapModel {
  const topics = listTopics(doc, boardId);
  const children = new Map<string | null, Topic[]>();
  for (const topic of topics)
    children.set(topic.parent, [...(children.get(topic.parent) ?? []), topic]);
  for (const list of children.values()) list.sort(compareOrdered);
  const build = (topic: Topic): MapTopic => {
    const out: MapTopic = { label: topic.label, ref: topic.id, children: [] };
    if (topic.note) out.note = topic.note;
    if (topic.collapsed) out.collapsed = true;
    // Iterative would not help a JSON writer later; maps are bounded by the import limits.
    out.children = (children.get(topic.id) ?? []).map(build);
    return out;
  };
  const starts = ids ? topics.filter((t) => ids.includes(t.id)) : (children.get(null) ?? []);
  const roots = starts.map(build);
  const exported = new Set<string>();
  const mark = (t: MapTopic) => {
    exported.add(t.ref!);
    t.children.forEach(mark);
  };
  roots.forEach(mark);
  const title = boardTitleOf(doc, boardId);
  return {
    title,
    roots,
    relationships: listRelationships(doc, boardId)
      .filter((r) => exported.has(r.source) && exported.has(r.target))
      .map((r) => ({ from: r.source, to: r.target, ...(r.label ? { label: r.label } : {}) })),
  };
}
