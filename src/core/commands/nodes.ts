import * as Y from 'yjs';
import {
  boardsOf,
  eachRecord,
  isRecord,
  mapField,
  recordAt,
  registerOf,
  textField,
  type YRecord,
} from '../doc.ts';
import { newId } from '../ids.ts';
import type { EntityKind } from '../register.ts';
import { CommandError } from './boards.ts';

/**
 * Nodes on a board: the parts every board kind shares. A node may stand for a register entity
 * (`entity`); it then shows that entity's current name and kind, so renaming the entity renames it.
 */

export interface BoardNode {
  id: string;
  type: string;
  x: number;
  y: number;
  w?: number;
  h?: number;
  /** The node's own text, used when it is not linked to an entity. */
  label: string;
  entity?: string;
  /** Image nodes: the case-file file (SHA-256) they show. */
  file?: string;
}

/** What a node shows: its own label, or the linked entity's name and kind. */
export type NodeDisplay = {
  label: string;
  entityKind?: EntityKind;
  /** True when the node links to an entity that no longer exists. */
  brokenLink?: boolean;
};

/** A board's nodes map, for commands: throws `board.notFound` when the board has none. */
export function nodesOf(doc: Y.Doc, boardId: string): YRecord {
  const nodes = nodesIn(doc, boardId);
  if (!nodes) throw new CommandError('board.notFound', `No board ${boardId} in this case.`);
  return nodes;
}

/** A board's nodes map, for readers: undefined when the board or its nodes are missing or broken. */
export function nodesIn(doc: Y.Doc, boardId: string): YRecord | undefined {
  return mapField(recordAt(boardsOf(doc), boardId), 'nodes');
}

/** Reads one node record, or null when it is not well-formed. */
export function readNode(record: unknown): BoardNode | null {
  if (!isRecord(record)) return null;
  const id = record.get('id');
  const x = record.get('x');
  const y = record.get('y');
  if (typeof id !== 'string' || typeof x !== 'number' || typeof y !== 'number') return null;
  const node: BoardNode = {
    id,
    type: textField(record, 'type', 'topic'),
    x,
    y,
    label: textField(record, 'label'),
  };
  const w = record.get('w');
  const h = record.get('h');
  const entity = record.get('entity');
  const file = record.get('file');
  if (typeof file === 'string') node.file = file;
  if (typeof w === 'number') node.w = w;
  if (typeof h === 'number') node.h = h;
  if (typeof entity === 'string') node.entity = entity;
  return node;
}

/** The label and kind a node shows, resolving its entity link through the register. */
export function displayOf(doc: Y.Doc, node: BoardNode): NodeDisplay {
  if (!node.entity) return { label: node.label };
  const entity = recordAt(registerOf(doc), node.entity);
  if (!entity) return { label: node.label, brokenLink: true };
  const kind = entity.get('kind');
  return {
    label: textField(entity, 'name'),
    ...(typeof kind === 'string' ? { entityKind: kind as EntityKind } : {}),
  };
}

export function listNodes(doc: Y.Doc, boardId: string): BoardNode[] {
  const nodes: BoardNode[] = [];
  eachRecord(nodesIn(doc, boardId), (record) => {
    const node = readNode(record);
    if (node) nodes.push(node);
  });
  return nodes;
}

const finite = (n: number) => Number.isFinite(n) && Math.abs(n) < 1e7;

/**
 * Adds a node to a board and returns its id.
 * @example addNode(doc, { boardId, x: 100, y: 40, entity: personId }, origin)
 */
export function addNode(
  doc: Y.Doc,
  args: {
    boardId: string;
    x: number;
    y: number;
    label?: string;
    entity?: string;
    type?: string;
    id?: string;
    /** An image node: the case-file file it shows. */
    file?: string;
  },
  origin: unknown,
): string {
  const nodes = nodesOf(doc, args.boardId);
  if (!finite(args.x) || !finite(args.y))
    throw new CommandError('node.badPosition', 'A node needs a finite position.');
  if (args.entity !== undefined && !registerOf(doc).has(args.entity)) {
    throw new CommandError('register.notFound', `No entity ${args.entity} in this case.`);
  }
  const id = args.id ?? newId();
  doc.transact(() => {
    const node: YRecord = new Y.Map();
    node.set('id', id);
    node.set('type', args.type ?? (args.entity ? 'entity' : 'topic'));
    node.set('x', Math.round(args.x));
    node.set('y', Math.round(args.y));
    node.set('label', (args.label ?? '').normalize('NFC').trim());
    if (args.entity) node.set('entity', args.entity);
    if (args.file) node.set('file', args.file);
    nodes.set(id, node);
  }, origin);
  return id;
}

/** Moves nodes; one call is one undo step (the end of a drag, not every frame of it). */
export function moveNodes(
  doc: Y.Doc,
  args: { boardId: string; moves: ReadonlyArray<{ id: string; x: number; y: number }> },
  origin: unknown,
): void {
  const nodes = nodesOf(doc, args.boardId);
  if (!args.moves.every((m) => finite(m.x) && finite(m.y)))
    throw new CommandError('node.badPosition', 'A node needs a finite position.');
  doc.transact(() => {
    for (const move of args.moves) {
      const node = recordAt(nodes, move.id);
      if (!node) continue; // deleted meanwhile by someone else: nothing to move
      node.set('x', Math.round(move.x));
      node.set('y', Math.round(move.y));
    }
  }, origin);
}

/** Changes a node's own label. */
export function setNodeLabel(
  doc: Y.Doc,
  args: { boardId: string; id: string; label: string },
  origin: unknown,
): void {
  const node = recordAt(nodesOf(doc, args.boardId), args.id);
  if (!node) throw new CommandError('node.notFound', `No node ${args.id} on this board.`);
  const label = args.label.normalize('NFC').trim();
  if (label.length > 5000)
    throw new CommandError('node.badLabel', 'A label is at most 5000 characters.');
  doc.transact(() => node.set('label', label), origin);
}

/** Links a node to a register entity, or unlinks it (`entity: null`), keeping what it showed. */
export function linkNode(
  doc: Y.Doc,
  args: { boardId: string; id: string; entity: string | null },
  origin: unknown,
): void {
  const node = recordAt(nodesOf(doc, args.boardId), args.id);
  if (!node) throw new CommandError('node.notFound', `No node ${args.id} on this board.`);
  if (args.entity !== null && !registerOf(doc).has(args.entity)) {
    throw new CommandError('register.notFound', `No entity ${args.entity} in this case.`);
  }
  doc.transact(() => {
    if (args.entity === null) {
      const shown = readNode(node);
      if (shown) node.set('label', displayOf(doc, shown).label);
      node.delete('entity');
    } else {
      node.set('entity', args.entity);
    }
  }, origin);
}

/** Deletes nodes and every edge that touches them. */
export function deleteNodes(
  doc: Y.Doc,
  args: { boardId: string; ids: readonly string[] },
  origin: unknown,
): void {
  const nodes = nodesOf(doc, args.boardId);
  const edges = mapField(recordAt(boardsOf(doc), args.boardId), 'edges');
  const gone = new Set(args.ids);
  doc.transact(() => {
    for (const id of args.ids) nodes.delete(id);
    eachRecord(edges, (edge, edgeId) => {
      if (gone.has(textField(edge, 'source')) || gone.has(textField(edge, 'target')))
        edges?.delete(edgeId);
    });
  }, origin);
}
