/** An imported map written in bounded steps, so that a big map never holds the page in one task. */
import * as Y from 'yjs';
import { boardsOf, type YRecord } from '../../doc.ts';
import { newId } from '../../ids.ts';
import { orderAt, orderAfterLast } from '../../order.ts';
import { noteWithExtras } from '../../interop/features.ts';
import { countTopics, type MapTopic, type MindMapModel } from '../../interop/model.ts';
import { addBoard } from '../boards.ts';
import { nodesOf } from '../nodes.ts';
import { cleanLabel, edgesOf, requireTopic, newTopic } from './records.ts';
import { childrenOf, listTopics } from './topics.ts';
import { withSide, writeFeatures } from './importFields.ts';

/** A topic waiting to be written: its id is chosen before it is, so its parent's summaries can name it. */
interface Pending {
  id: string;
  topic: MapTopic;
  parent: string | null;
  order: string;
  top: boolean;
}

/** Thrown when a topic's parent vanished between two steps (a colleague deleted it meanwhile). */
export class ImportInterrupted extends Error {
  constructor(readonly parent: string) {
    super(`the topic ${parent} was deleted during the import`);
  }
}

/**
 * Writes `model` into a board step by step: each `next(size)` writes about `size` topics (at least
 * one; summaries go with their topic; the first step `batch`) in one transaction of `origin` and
 * yields how many topics are
 * written so far; the relationship lines go with the last step, and the generator returns the ids
 * of the topics made for the model's roots. If a step throws, or the caller calls `throw()`, what
 * the earlier steps wrote is deleted before the error goes on: nothing half-imported remains.
 * Checks the board, `parent` and (with relationships) the board's lines before the first write.
 * `importMap` runs it to the end inside one transaction.
 * @example
 * const steps = importMapSteps(doc, { boardId, parent: null, model }, origin);
 * for (let r = steps.next(); !r.done; r = steps.next(500)) await nextFrame();
 */
export function* importMapSteps(
  doc: Y.Doc,
  args: { boardId: string; parent: string | null; model: MindMapModel; index?: number },
  origin: unknown,
  batch = Infinity,
  written: Written = [],
): Generator<number, string[], number | undefined> {
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
  const byRef = new Map<string, string>();
  let order = args.index === undefined ? orderAfterLast(siblings) : orderAt(siblings, args.index);
  const queue: Pending[] = [];
  for (const topic of args.model.roots) {
    queue.push({ id: newId(), topic, parent: args.parent, order, top: true });
    order = orderAfterLast([{ id: '', order }]);
  }

  const writeTopic = (item: Pending) => {
    // A step after the first finds its parents as they are now: one deleted meanwhile stops it.
    if (item.parent !== null && !nodes.has(item.parent)) throw new ImportInterrupted(item.parent);
    const id = newTopic(nodes, {
      id: item.id,
      parent: item.parent,
      order: item.order,
      label: item.topic.label,
    });
    written.push({ map: nodes, id });
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
    const children: Array<{ id: string; topic: MapTopic }> = item.topic.children.map(
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
      written.push({ map: nodes, id: summaryId });
      if (heavy(summary.topic)) {
        const after = children.findIndex((w) => w.id === to);
        children.splice(after + 1, 0, { id: newId(), topic: summary.topic });
      }
    }
    let childOrder = orderAfterLast([]);
    for (const child of children) {
      queue.push({ ...child, parent: id, order: childOrder, top: false });
      childOrder = orderAfterLast([{ id: '', order: childOrder }]);
    }
  };

  const writeLines = () => {
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
      written.push({ map: edges, id });
    }
  };

  // Breadth first and iterative: a deep map cannot overflow the stack.
  let next = 0;
  let size = batch;
  try {
    for (;;) {
      const end = next + Math.max(1, size);
      doc.transact(() => {
        for (; next < queue.length && next < end; next++) writeTopic(queue[next]!);
        if (next >= queue.length) writeLines();
      }, origin);
      if (next >= queue.length) return created;
      size = (yield next) ?? size;
    }
  } catch (err) {
    discard(doc, written, origin);
    throw err;
  }
}

/** What an import wrote so far (records in the maps holding them), to take back if a step fails. */
export type Written = Array<{ map: Y.Map<unknown>; id: string }>;

function discard(doc: Y.Doc, written: Written, origin: unknown): void {
  doc.transact(() => {
    for (const { map, id } of written.reverse()) map.delete(id);
  }, origin);
  written.length = 0;
}

/**
 * `importMapSteps` for a workbook: its first sheet into the board, each further sheet (XMind
 * workbooks have several) into a new mind-map board named after the sheet. Yields the topics
 * written so far over all sheets; returns the first sheet's top topics and the new boards. A step
 * that fails takes back every sheet written before it, boards included.
 * @example
 * const steps = importWorkbookSteps(doc, { boardId, parent: null, model }, origin, 500);
 */
export function* importWorkbookSteps(
  doc: Y.Doc,
  args: { boardId: string; parent: string | null; model: MindMapModel },
  origin: unknown,
  batch = Infinity,
): Generator<number, { ids: string[]; boards: string[] }, number | undefined> {
  const written: Written = [];
  const boards: string[] = [];
  let before = 0;
  let size = batch;
  // Each sheet's steps, counted on from the sheets before it.
  function* sheet(
    boardId: string,
    parent: string | null,
    model: MindMapModel,
  ): Generator<number, string[], number | undefined> {
    const steps = importMapSteps(doc, { boardId, parent, model }, origin, size, written);
    for (let step = steps.next(); ; step = steps.next(size)) {
      if (step.done) {
        before += countTopics(model.roots);
        return step.value;
      }
      size = (yield before + step.value) ?? size;
    }
  }
  try {
    const ids = yield* sheet(args.boardId, args.parent, args.model);
    for (const [i, more] of (args.model.sheets ?? []).entries()) {
      const title = more.title || more.roots[0]?.label || `XMind ${i + 2}`;
      const boardId = addBoard(doc, { kind: 'mindmap', title: title.slice(0, 200) }, origin);
      written.push({ map: boardsOf(doc), id: boardId });
      boards.push(boardId);
      size = (yield before) ?? size;
      yield* sheet(boardId, null, more);
    }
    return { ids, boards };
  } catch (err) {
    discard(doc, written, origin);
    throw err;
  }
}
