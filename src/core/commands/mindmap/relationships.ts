/**
 * Relationship lines: labelled curves between any two topics of a mind map, across branches, kept
 * in the board's `edges` with `type: 'relationship'` and an optional bend (`control`).
 */
import * as Y from 'yjs';
import { boardsOf, eachRecord, mapField, recordAt, textField, type YRecord } from '../../doc.ts';
import { newId } from '../../ids.ts';
import { normalizeText } from '../../text.ts';
import { CommandError } from '../boards.ts';
import { nodesIn } from '../nodes.ts';
import { edgesOf, requireTopic } from './records.ts';

export interface Relationship {
  id: string;
  source: string;
  target: string;
  label: string;
  /** Offset of the curve's control point from the line's midpoint; absent for the default bend. */
  control?: { dx: number; dy: number };
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
    edge.set('label', normalizeText(args.label ?? ''));
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
    else edge.set('label', normalizeText(args.label));
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
