import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  addEntity,
  addNode,
  CommandError,
  deleteEntity,
  deleteNodes,
  displayOf,
  linkNode,
  listNodes,
  moveNodes,
  setNodeLabel,
  updateEntity,
} from '../../src/core/index.ts';

function setup() {
  const doc = new Y.Doc();
  const boardId = addBoard(doc, { kind: 'evidence', title: 'Chứng cứ' }, 'me');
  return { doc, boardId };
}

const shown = (doc: Y.Doc, boardId: string) =>
  listNodes(doc, boardId).map((n) => displayOf(doc, n));

describe('nodes', () => {
  it('shows a linked entity by its current name and kind, everywhere', () => {
    const { doc, boardId } = setup();
    const other = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'me');
    const knife = addEntity(doc, { kind: 'evidence', fields: { name: 'Con dao' } }, 'me');
    addNode(doc, { boardId, x: 10, y: 20, entity: knife }, 'me');
    addNode(doc, { boardId: other, x: 0, y: 0, entity: knife }, 'me');
    updateEntity(doc, { id: knife, fields: { name: 'Con dao bấm' } }, 'me');
    expect(shown(doc, boardId)).toEqual([{ label: 'Con dao bấm', entityKind: 'evidence' }]);
    expect(shown(doc, other)).toEqual([{ label: 'Con dao bấm', entityKind: 'evidence' }]);
    deleteEntity(doc, { id: knife }, 'me');
    expect(shown(doc, boardId)).toEqual([{ label: 'Con dao bấm' }]);
  });

  it('moves many nodes as one step and ignores nodes deleted meanwhile', () => {
    const { doc, boardId } = setup();
    const a = addNode(doc, { boardId, x: 0, y: 0, label: 'A' }, 'me');
    const b = addNode(doc, { boardId, x: 0, y: 0, label: 'B' }, 'me');
    const undo = new Y.UndoManager([doc.getMap('boards')], {
      trackedOrigins: new Set(['me']),
      captureTimeout: 0,
    });
    moveNodes(
      doc,
      {
        boardId,
        moves: [
          { id: a, x: 100.4, y: 50 },
          { id: b, x: -20, y: 7 },
          { id: 'gone', x: 1, y: 1 },
        ],
      },
      'me',
    );
    expect(
      listNodes(doc, boardId)
        .map((n) => [n.label, n.x, n.y])
        .sort(),
    ).toEqual([
      ['A', 100, 50],
      ['B', -20, 7],
    ]);
    undo.undo();
    expect(listNodes(doc, boardId).every((n) => n.x === 0 && n.y === 0)).toBe(true);
    expect(() => moveNodes(doc, { boardId, moves: [{ id: a, x: NaN, y: 0 }] }, 'me')).toThrow(
      CommandError,
    );
  });

  it('links, unlinks (keeping the text) and relabels nodes', () => {
    const { doc, boardId } = setup();
    const person = addEntity(doc, { kind: 'person', fields: { name: 'Nguyễn Văn Ấn' } }, 'me');
    const id = addNode(doc, { boardId, x: 0, y: 0, label: 'Ai?' }, 'me');
    linkNode(doc, { boardId, id, entity: person }, 'me');
    expect(shown(doc, boardId)[0]).toEqual({ label: 'Nguyễn Văn Ấn', entityKind: 'person' });
    linkNode(doc, { boardId, id, entity: null }, 'me');
    expect(shown(doc, boardId)[0]).toEqual({ label: 'Nguyễn Văn Ấn' });
    setNodeLabel(doc, { boardId, id, label: ' Nghi phạm ' }, 'me');
    expect(shown(doc, boardId)[0]).toEqual({ label: 'Nghi phạm' });
    expect(() => linkNode(doc, { boardId, id, entity: 'missing' }, 'me')).toThrow(CommandError);
  });

  it('deletes nodes with the edges that touch them', () => {
    const { doc, boardId } = setup();
    const a = addNode(doc, { boardId, x: 0, y: 0, label: 'A' }, 'me');
    const b = addNode(doc, { boardId, x: 0, y: 0, label: 'B' }, 'me');
    const edges = doc.getMap('boards').get(boardId) as Y.Map<unknown>;
    const edgeMap = edges.get('edges') as Y.Map<Y.Map<unknown>>;
    const edge = new Y.Map<unknown>();
    edgeMap.set('e1', edge);
    edge.set('source', a);
    edge.set('target', b);
    deleteNodes(doc, { boardId, ids: [a] }, 'me');
    expect(listNodes(doc, boardId).map((n) => n.label)).toEqual(['B']);
    expect(edgeMap.size).toBe(0);
  });
});
