/** Mind maps in and out: pasted outlines, imported maps and the exchange model of a board. */
import * as Y from 'yjs';
import { boardTitleOf, registerOf, type YRecord } from '../../doc.ts';
import { normalizePageRef } from '../../pages.ts';
import { normalizeText } from '../../text.ts';
import { newId } from '../../ids.ts';
import { compareOrdered, orderAt, orderAfterLast } from '../../order.ts';
import type { OutlineNode } from '../../outline.ts';
import { noteWithExtras, readExtras } from '../../interop/features.ts';
import { eachTopic, type MapTopic, type MindMapModel } from '../../interop/model.ts';
import { addBoard } from '../boards.ts';
import { nodesOf } from '../nodes.ts';
import { cleanLabel, edgesOf, newTopic, requireTopic } from './records.ts';
import { listRelationships } from './relationships.ts';
import { listSummaries } from './summaries.ts';
import {
  childrenOf,
  descendantsOf,
  listTopics,
  MARKERS,
  type Marker,
  type Topic,
} from './topics.ts';

/**
 * Adds a forest (pasted lines, a copied subtree, a template) under `parent`, after its children
 * or at `index`; returns the ids of the new top-level topics. One transaction: one undo step.
 * It is an import of a map without notes or relationship lines, so it takes `importMap`'s path.
 * @example insertOutline(doc, { boardId, parent: rootId, nodes: parseOutline('Bị can\n\tLời khai') }, origin)
 */
export function insertOutline(
  doc: Y.Doc,
  args: { boardId: string; parent: string | null; nodes: readonly OutlineNode[]; index?: number },
  origin: unknown,
): string[] {
  const roots: MapTopic[] = args.nodes.map((node) => ({
    label: node.label,
    children: node.children,
  }));
  return importMap(
    doc,
    {
      boardId: args.boardId,
      parent: args.parent,
      index: args.index,
      model: { roots, relationships: [] },
    },
    origin,
  );
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

/**
 * Writes an imported map into a board in one transaction (one undo step): its roots under `parent`
 * (null: as roots of the board), after its children or at `index`, with notes, fold state and
 * relationship lines. Returns the ids of the topics made for the imported roots.
 * @example importMap(doc, { boardId, parent: null, model: importMindMap('so-do.mm', bytes) }, origin)
 */
export function importMap(
  doc: Y.Doc,
  args: { boardId: string; parent: string | null; model: MindMapModel; index?: number },
  origin: unknown,
): string[] {
  const nodes = nodesOf(doc, args.boardId);
  if (args.parent !== null) requireTopic(doc, args.boardId, args.parent);
  const siblings = childrenOf(listTopics(doc, args.boardId), args.parent);
  // Looked up before writing, so a board without lines refuses before any topic is written.
  const edges = args.model.relationships.length > 0 ? edgesOf(doc, args.boardId) : null;
  const created: string[] = [];
  // A summary topic with children of its own, a note or a relationship line keeps them as a
  // topic beside its summary: a CaseBoard summary is a label only.
  const ends = new Set(args.model.relationships.flatMap((r) => [r.from, r.to]));
  const heavy = (topic: MapTopic) =>
    topic.children.length > 0 || !!topic.note || (!!topic.ref && ends.has(topic.ref));
  doc.transact(() => {
    const byRef = new Map<string, string>();
    let order = args.index === undefined ? orderAfterLast(siblings) : orderAt(siblings, args.index);
    type Item = { id: string; topic: MapTopic; parent: string | null; order: string; top: boolean };
    const queue: Item[] = [];
    for (const topic of args.model.roots) {
      queue.push({ id: newId(), topic, parent: args.parent, order, top: true });
      order = orderAfterLast([{ id: '', order }]);
    }
    // Breadth first and iterative: a deep map cannot overflow the stack.
    for (let i = 0; i < queue.length; i++) {
      const item = queue[i]!;
      const id = newTopic(nodes, {
        id: item.id,
        parent: item.parent,
        order: item.order,
        label: item.topic.label,
      });
      const record = nodes.get(id) as YRecord;
      // The side is a field of the topic, not a note line (one may come back from a format
      // without sides, such as XMind, as the note line an export wrote).
      const sided = withSide(item.topic);
      const note = noteWithExtras({ ...sided, side: undefined });
      if (note) record.set('note', note.slice(0, 20_000));
      if (item.topic.collapsed && item.topic.children.length > 0) record.set('collapsed', true);
      writeFeatures(doc, record, sided);
      if (item.topic.ref) byRef.set(item.topic.ref, id);
      if (item.top) created.push(id);
      const childIds = item.topic.children.map(() => newId());
      const written: Array<{ id: string; topic: MapTopic }> = item.topic.children.map(
        (topic, n) => ({ id: childIds[n]!, topic }),
      );
      for (const summary of item.topic.summaries ?? []) {
        const from = childIds[summary.from];
        const to = childIds[summary.to];
        if (!from || !to) continue;
        const summaryId = newId();
        const bracket: YRecord = new Y.Map();
        bracket.set('id', summaryId);
        bracket.set('type', 'summary');
        bracket.set('parent', id);
        bracket.set('from', from);
        bracket.set('to', to);
        bracket.set('label', cleanLabel(summary.topic.label));
        nodes.set(summaryId, bracket);
        if (heavy(summary.topic)) {
          const after = written.findIndex((w) => w.id === to);
          written.splice(after + 1, 0, { id: newId(), topic: summary.topic });
        }
      }
      let childOrder = orderAfterLast([]);
      for (const child of written) {
        queue.push({ ...child, parent: id, order: childOrder, top: false });
        childOrder = orderAfterLast([{ id: '', order: childOrder }]);
      }
    }
    for (const relation of args.model.relationships) {
      const source = byRef.get(relation.from);
      const target = byRef.get(relation.to);
      if (!edges || !source || !target || source === target) continue;
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
 * Writes an imported workbook: its first sheet as `importMap` does, each further sheet (XMind
 * workbooks have several) into a new mind-map board named after the sheet, all in one transaction
 * (one undo step). Returns the ids of the first sheet's top topics and of the new boards.
 * @example importWorkbook(doc, { boardId, parent: null, model: importMindMap('ho-so.xmind', bytes) }, origin)
 */
export function importWorkbook(
  doc: Y.Doc,
  args: { boardId: string; parent: string | null; model: MindMapModel },
  origin: unknown,
): { ids: string[]; boards: string[] } {
  let ids: string[] = [];
  const boards: string[] = [];
  doc.transact(() => {
    ids = importMap(doc, args, origin);
    for (const [i, sheet] of (args.model.sheets ?? []).entries()) {
      const title = sheet.title || sheet.roots[0]?.label || `XMind ${i + 2}`;
      const boardId = addBoard(doc, { kind: 'mindmap', title: title.slice(0, 200) }, origin);
      importMap(doc, { boardId, parent: null, model: sheet }, origin);
      boards.push(boardId);
    }
  }, origin);
  return { ids, boards };
}

/** A topic whose note ends with a `[side] left|right` line, with the side as its field instead. */
function withSide(topic: MapTopic): MapTopic {
  const match =
    topic.side || !topic.note ? null : /(?:^|\n)\[side\] (left|right)\s*$/.exec(topic.note);
  if (!match) return topic;
  const note = topic.note!.slice(0, match.index).trimEnd();
  return { ...topic, side: match[1] as 'left' | 'right', note: note || undefined };
}

/**
 * The CaseBoard fields of an imported topic, each only when it is valid here: known markers, a
 * `#rrggbb` colour, a page reference CaseBoard reads, a register entry of this case.
 */
function writeFeatures(doc: Y.Doc, record: YRecord, topic: MapTopic): void {
  const markers = (topic.markers ?? []).filter((m): m is Marker => MARKERS.includes(m as Marker));
  if (markers.length) record.set('markers', [...new Set(markers)]);
  if (topic.color && /^#[0-9a-fA-F]{6}$/.test(topic.color)) record.set('color', topic.color);
  if (topic.boundary !== undefined) record.set('boundary', normalizeText(topic.boundary));
  const pages = topic.pages ? normalizePageRef(topic.pages) : null;
  if (pages) record.set('pages', pages);
  if (topic.entity && registerOf(doc).has(topic.entity)) record.set('entity', topic.entity);
  if (topic.image) record.set('image', topic.image);
  if (topic.side) record.set('side', topic.side);
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
    const note = topic.note ? readExtras(topic.note, out) : undefined;
    if (note) out.note = note;
    if (topic.collapsed) out.collapsed = true;
    if (topic.side) out.side = topic.side;
    if (topic.markers.length) out.markers = [...topic.markers];
    for (const key of ['color', 'entity', 'pages', 'image', 'boundary'] as const)
      if (topic[key] !== undefined) out[key] = topic[key];
    // Iterative would not help a JSON writer later; maps are bounded by the import limits.
    out.children = (children.get(topic.id) ?? []).map(build);
    return out;
  };
  const starts = ids ? topics.filter((t) => ids.includes(t.id)) : (children.get(null) ?? []);
  const roots = starts.map(build);
  const byId = new Map<string, MapTopic>();
  eachTopic(roots, (t) => byId.set(t.ref!, t));
  for (const summary of listSummaries(doc, boardId, topics)) {
    const parent = byId.get(summary.parent);
    const run = (children.get(summary.parent) ?? []).map((t) => t.id);
    const from = run.indexOf(summary.from);
    const to = run.indexOf(summary.to);
    if (!parent || from < 0 || to < 0) continue;
    (parent.summaries ??= []).push({
      from: Math.min(from, to),
      to: Math.max(from, to),
      topic: { label: summary.label, ref: summary.id, children: [] },
    });
  }
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
