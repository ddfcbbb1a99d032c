/** Mind maps in and out: pasted outlines, imported maps and the exchange model of a board. */
import type * as Y from 'yjs';
import { boardTitleOf } from '../../doc.ts';
import { compareOrdered } from '../../order.ts';
import type { OutlineNode } from '../../outline.ts';
import { readExtras } from '../../interop/features.ts';
import { eachTopic, type MapTopic, type MindMapModel } from '../../interop/model.ts';
import { importMapSteps, importWorkbookSteps } from './importSteps.ts';
import { listRelationships } from './relationships.ts';
import { listSummaries } from './summaries.ts';
import { childrenOf, descendantsOf, listTopics, type Topic } from './topics.ts';

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
  let ids: string[] = [];
  doc.transact(() => {
    const steps = importMapSteps(doc, args, origin);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return (ids = step.value);
  }, origin);
  return ids;
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
  let result: { ids: string[]; boards: string[] } = { ids: [], boards: [] };
  doc.transact(() => {
    const steps = importWorkbookSteps(doc, args, origin);
    for (let step = steps.next(); ; step = steps.next())
      if (step.done) return (result = step.value);
  }, origin);
  return result;
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
