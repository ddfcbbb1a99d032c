/**
 * The record helpers the mind-map commands share: finding a topic, cleaning a label, writing a new
 * topic record. Internal to src/core/commands/mindmap (the barrel does not re-export them).
 */
import * as Y from 'yjs';
import { boardsOf, mapField, recordAt, type YRecord } from '../../doc.ts';
import { newId } from '../../ids.ts';
import { stripControls } from '../../text.ts';
import { CommandError } from '../boards.ts';
import { nodesOf } from '../nodes.ts';

/** The topic record `id` of a board; throws `topic.notFound` when it is missing or not a topic. */
export function requireTopic(doc: Y.Doc, boardId: string, id: string): YRecord {
  const record = recordAt(nodesOf(doc, boardId), id);
  if (!record || record.get('type') !== 'topic')
    throw new CommandError('topic.notFound', `No topic ${id} on this board.`);
  return record;
}

/**
 * A label as stored: NFC, one kind of line break, no control characters (`stripControls`: a
 * pasted U+000B is a line break), trimmed; refuses more than 5000 characters.
 */
export function cleanLabel(label: string): string {
  const text = stripControls(label).trim();
  if (text.length > 5000)
    throw new CommandError('topic.badLabel', 'A topic is at most 5000 characters.');
  return text;
}

/** Writes a new topic record into `nodes` (inside the caller's transaction); returns its id. */
export function newTopic(
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

/** The relationship lines of a board; throws `board.notFound` when the board is missing. */
export function edgesOf(doc: Y.Doc, boardId: string): YRecord {
  const edges = mapField(recordAt(boardsOf(doc), boardId), 'edges');
  if (!edges) throw new CommandError('board.notFound', `No board ${boardId} in this case.`);
  return edges;
}
