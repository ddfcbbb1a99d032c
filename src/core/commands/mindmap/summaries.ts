/**
 * Summaries: a bracket over a run of sibling topics leading to a summary label, kept in the board's
 * `nodes` with `type: 'summary'` and the first and last sibling it spans.
 */
import * as Y from 'yjs';
import { eachRecord, recordAt, textField, type YRecord } from '../../doc.ts';
import { newId } from '../../ids.ts';
import { CommandError } from '../boards.ts';
import { nodesIn, nodesOf } from '../nodes.ts';
import { cleanLabel } from './records.ts';
import { childrenOf, listTopics, type Topic } from './topics.ts';

/** A summary: a bracket over a run of siblings (from … to) leading to a summary topic. */
export interface Summary {
  id: string;
  parent: string;
  from: string;
  to: string;
  label: string;
}

/** The summaries of a board whose siblings all still exist. */
export function listSummaries(
  doc: Y.Doc,
  boardId: string,
  /** The board's topics when the caller has just listed them (a big map is not listed twice). */
  topics?: readonly Topic[],
): Summary[] {
  const all: Summary[] = [];
  eachRecord(nodesIn(doc, boardId), (record, id) => {
    if (record.get('type') !== 'summary') return;
    all.push({
      id,
      parent: textField(record, 'parent'),
      from: textField(record, 'from'),
      to: textField(record, 'to'),
      label: textField(record, 'label'),
    });
  });
  if (all.length === 0) return all;
  const shownParent = new Map((topics ?? listTopics(doc, boardId)).map((t) => [t.id, t.parent]));
  // Both ends must still be children of its parent: a sibling deleted or moved away by someone
  // else at the same time leaves the summary unshown rather than spanning the wrong topics.
  return all.filter(
    (s) => shownParent.get(s.from) === s.parent && shownParent.get(s.to) === s.parent,
  );
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
