import type * as Y from 'yjs';
import type { EntityKind } from '../register.ts';
import { foldForSearch } from '../text.ts';
import { addNode, listNodes, nodesOf } from './nodes.ts';
import { addEntity, listEntities } from './register.ts';

/**
 * Commands of the evidence and relationship charts that touch both the register and a board: a
 * node made on a chart is an entity of the register, in one undo step.
 */

/**
 * Adds an entity to the register and places it on a board; returns the node's id.
 * @example addEntityNode(doc, { boardId, kind: 'fact', name: 'Bị can có mặt tại hiện trường', x: 600, y: 0 }, origin)
 */
export function addEntityNode(
  doc: Y.Doc,
  args: {
    boardId: string;
    kind: EntityKind;
    name: string;
    x: number;
    y: number;
    fields?: Record<string, unknown>;
  },
  origin: unknown,
): string {
  // Refuse a missing board before anything is written: a refused command changes nothing.
  nodesOf(doc, args.boardId);
  let nodeId = '';
  doc.transact(() => {
    const entity = addEntity(
      doc,
      { kind: args.kind, fields: { ...args.fields, name: args.name } },
      origin,
    );
    nodeId = addNode(doc, { boardId: args.boardId, x: args.x, y: args.y, entity }, origin);
  }, origin);
  return nodeId;
}

/**
 * Places the given facts on an evidence chart in a column at `x`, reusing register facts of the
 * same name (diacritics and case ignored) and skipping facts already on the board. One undo step.
 */
export function seedFacts(
  doc: Y.Doc,
  args: {
    boardId: string;
    facts: ReadonlyArray<{ name: string; factType?: string }>;
    x: number;
    y: number;
  },
  origin: unknown,
): string[] {
  nodesOf(doc, args.boardId); // a missing board is refused before anything is written
  const existing = new Map(
    listEntities(doc, 'fact').map((fact) => [foldForSearch(fact.name), fact.id]),
  );
  const onBoard = new Set(listNodes(doc, args.boardId).map((node) => node.entity));
  const added: string[] = [];
  doc.transact(() => {
    let y = args.y;
    for (const fact of args.facts) {
      let entity = existing.get(foldForSearch(fact.name));
      if (entity && onBoard.has(entity)) continue;
      entity ??= addEntity(
        doc,
        { kind: 'fact', fields: { name: fact.name, factType: fact.factType } },
        origin,
      );
      added.push(addNode(doc, { boardId: args.boardId, x: args.x, y, entity }, origin));
      y += 72;
    }
  }, origin);
  return added;
}
