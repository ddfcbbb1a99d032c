import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  addEntity,
  addNode,
  deleteNodes,
  moveNodes,
  updateEntity,
} from '../../src/core/index.ts';
import { BoardProjection } from '../../src/canvas/projection.ts';

describe('board projection (Y → React Flow)', () => {
  it('makes a new object only for the node that changed', () => {
    const doc = new Y.Doc();
    const boardId = addBoard(doc, { kind: 'evidence', title: 'Chứng cứ' }, 'me');
    const person = addEntity(doc, { kind: 'person', fields: { name: 'Nguyễn Văn Ấn' } }, 'me');
    const ids = Array.from({ length: 50 }, (_, i) =>
      addNode(doc, { boardId, x: i * 10, y: 0, label: `N${i}` }, 'me'),
    );
    const linked = addNode(doc, { boardId, x: 0, y: 100, entity: person }, 'me');
    const projection = new BoardProjection(doc, boardId);
    let notified = 0;
    projection.subscribe(() => notified++);
    const before = projection.getSnapshot();
    expect(before).toHaveLength(51);

    moveNodes(doc, { boardId, moves: [{ id: ids[7]!, x: 999, y: 5 }] }, 'me');
    const afterMove = projection.getSnapshot();
    expect(notified).toBe(1);
    const changed = afterMove.filter((node) => !before.includes(node));
    expect(changed.map((n) => [n.id, n.position])).toEqual([[ids[7], { x: 999, y: 5 }]]);

    updateEntity(doc, { id: person, fields: { name: 'Nguyễn Văn Ấn (bị can)' } }, 'me');
    const afterRename = projection.getSnapshot();
    const renamed = afterRename.filter((node) => !afterMove.includes(node));
    expect(renamed.map((n) => [n.id, n.data.label, n.data.entityKind])).toEqual([
      [linked, 'Nguyễn Văn Ấn (bị can)', 'person'],
    ]);

    addEntity(doc, { kind: 'place', fields: { name: 'Chợ Đồng Xuân' } }, 'me');
    expect(projection.getSnapshot()).toBe(afterRename);

    deleteNodes(doc, { boardId, ids: [ids[0]!] }, 'me');
    expect(projection.getSnapshot()).toHaveLength(50);
    projection.destroy();
  });
});
