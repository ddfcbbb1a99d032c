import * as Y from 'yjs';
import { boardsOf, eachRecord, isRecord, mapField, recordAt, type YRecord } from '../doc.ts';
import { newId } from '../ids.ts';
import { LINK_STRENGTHS, LINK_TYPES, linkFieldsSchema, type BoardLink } from '../links.ts';
import { CommandError } from './boards.ts';
import { nodesIn, nodesOf } from './nodes.ts';

/** A board's edges: edgeId → Y.Map { id, source, target, type, label?, note?, strength? }. */
export function edgesOf(doc: Y.Doc, boardId: string): YRecord {
  const edges = mapField(recordAt(boardsOf(doc), boardId), 'edges');
  if (!edges) throw new CommandError('board.notFound', `No board ${boardId} in this case.`);
  return edges;
}

/** Reads one edge record as a link, or null when it is not a well-formed link. */
export function readLink(record: unknown): BoardLink | null {
  if (!isRecord(record)) return null;
  const id = record.get('id');
  const source = record.get('source');
  const target = record.get('target');
  const type = record.get('type');
  if (typeof id !== 'string' || typeof source !== 'string' || typeof target !== 'string')
    return null;
  if (!(LINK_TYPES as readonly unknown[]).includes(type)) return null;
  const link: BoardLink = { id, source, target, type: type as BoardLink['type'] };
  const label = record.get('label');
  const note = record.get('note');
  const strength = record.get('strength');
  if (typeof label === 'string' && label) link.label = label;
  if (typeof note === 'string' && note) link.note = note;
  if ((LINK_STRENGTHS as readonly unknown[]).includes(strength))
    link.strength = strength as BoardLink['strength'];
  return link;
}

/** The board's links whose both ends are still on the board. */
export function listLinks(doc: Y.Doc, boardId: string): BoardLink[] {
  const nodes = nodesIn(doc, boardId);
  const links: BoardLink[] = [];
  if (!nodes) return links;
  eachRecord(mapField(recordAt(boardsOf(doc), boardId), 'edges'), (record) => {
    const link = readLink(record);
    if (link && nodes.has(link.source) && nodes.has(link.target)) links.push(link);
  });
  return links.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function parseFields(fields: unknown, partial: boolean) {
  const schema = partial ? linkFieldsSchema.partial() : linkFieldsSchema;
  const parsed = schema.safeParse(fields);
  if (!parsed.success)
    throw new CommandError('link.badFields', parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

/**
 * Links two nodes of a board and returns the link's id. The same type between the same two nodes
 * is refused: a second "supports" from one item to one issue adds nothing.
 * @example addLink(doc, { boardId, source: evidenceNode, target: factNode, type: 'supports' }, origin)
 */
export function addLink(
  doc: Y.Doc,
  args: { boardId: string; source: string; target: string; id?: string } & Record<string, unknown>,
  origin: unknown,
): string {
  const nodes = nodesOf(doc, args.boardId);
  const edges = edgesOf(doc, args.boardId);
  const { boardId: _b, source, target, id: givenId, ...rest } = args;
  const fields = parseFields(rest, false);
  if (!nodes.has(source) || !nodes.has(target))
    throw new CommandError('link.noNode', 'A link joins two nodes of this board.');
  if (source === target) throw new CommandError('link.self', 'A node cannot be linked to itself.');
  for (const link of listLinks(doc, args.boardId)) {
    const same =
      (link.source === source && link.target === target) ||
      (link.source === target && link.target === source);
    if (same && link.type === fields.type && fields.type !== 'relation')
      throw new CommandError('link.duplicate', 'These two nodes already have a link of this type.');
  }
  const id = givenId ?? newId();
  doc.transact(() => {
    const record: YRecord = new Y.Map();
    record.set('id', id);
    record.set('source', source);
    record.set('target', target);
    for (const [key, value] of Object.entries(fields))
      if (value !== undefined && value !== '') record.set(key, value);
    edges.set(id, record);
  }, origin);
  return id;
}

/** Changes a link's type, label, note or strength; an empty label or note removes it. */
export function updateLink(
  doc: Y.Doc,
  args: { boardId: string; id: string; patch: Record<string, unknown> },
  origin: unknown,
): void {
  const record = recordAt(edgesOf(doc, args.boardId), args.id);
  if (!record) throw new CommandError('link.notFound', `No link ${args.id} on this board.`);
  const cleared = ['label', 'note', 'strength'].filter((key) => args.patch[key] === '');
  const rest = Object.fromEntries(
    Object.entries(args.patch).filter(([key]) => !cleared.includes(key)),
  );
  const patch = parseFields(rest, true);
  doc.transact(() => {
    for (const key of cleared) record.delete(key);
    for (const [key, value] of Object.entries(patch))
      if (value !== undefined && value !== '') record.set(key, value);
  }, origin);
}

/** Turns a link around (the evidence and the issue it bears on swap ends). */
export function reverseLink(
  doc: Y.Doc,
  args: { boardId: string; id: string },
  origin: unknown,
): void {
  const record = recordAt(edgesOf(doc, args.boardId), args.id);
  if (!record) throw new CommandError('link.notFound', `No link ${args.id} on this board.`);
  doc.transact(() => {
    const source = record.get('source');
    record.set('source', record.get('target'));
    record.set('target', source);
  }, origin);
}

export function deleteLinks(
  doc: Y.Doc,
  args: { boardId: string; ids: readonly string[] },
  origin: unknown,
): void {
  const edges = edgesOf(doc, args.boardId);
  doc.transact(() => {
    for (const id of args.ids) edges.delete(id);
  }, origin);
}
