import * as Y from 'yjs';
import { expect, it } from 'vitest';
import { addBoard, insertOutline, listTopics, setTopic } from '../../src/core/index.ts';
import { MindMapView, type EntityLookup } from '../../src/boards/mindmap/view.ts';
import { shareEqual } from '../../src/sync/docView.ts';

/**
 * The view's promise to React: after an edit, only the topics that changed or moved get new node
 * objects (memoized topic components skip the rest), and a branch keeps its edge object.
 */

function mapWith(count: number) {
  const doc = new Y.Doc();
  const boardId = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, 't');
  insertOutline(
    doc,
    {
      boardId,
      parent: null,
      nodes: [
        {
          label: 'Vụ án',
          children: Array.from({ length: count }, (_, i) => ({
            label: `Lời khai ${i + 1}`,
            children: [{ label: `Chi tiết ${i + 1}`, children: [] }],
          })),
        },
      ],
    },
    't',
  );
  return { doc, boardId };
}

it('keeps every node and edge object of topics an edit did not touch', () => {
  const { doc, boardId } = mapWith(20);
  const view = new MindMapView();
  const lookup: EntityLookup = () => null;
  let topics = listTopics(doc, boardId);
  const first = view.compute(topics, 'logic-right', lookup);
  const leaf = topics.find((t) => t.label === 'Chi tiết 20')!;
  setTopic(doc, { boardId, id: leaf.id, patch: { label: 'Chi tiết 20 (sửa)' } }, 't');
  topics = shareEqual(topics, listTopics(doc, boardId));
  const second = view.compute(topics, 'logic-right', lookup);
  const changed = second.nodes.filter((n) => !first.nodes.includes(n)).map((n) => n.data.label);
  // The last leaf of a right-hand map: nothing below it moves.
  expect(changed).toEqual(['Chi tiết 20 (sửa)']);
  expect(second.edges.filter((e) => !first.edges.includes(e))).toEqual([]);
});

it('keeps the data of a topic with a picture while the lookup is the same', () => {
  const { doc, boardId } = mapWith(3);
  const view = new MindMapView();
  // A lookup answers with a new object on every call, as the register's does.
  const lookup: EntityLookup = Object.assign(() => null, {
    file: (hash: string) => ({ hash, mime: 'image/png', name: 'anh.png' }),
  });
  let topics = listTopics(doc, boardId);
  const pictured = topics.find((t) => t.label === 'Lời khai 1')!;
  setTopic(doc, { boardId, id: pictured.id, patch: { image: 'a'.repeat(64) } }, 't');
  topics = shareEqual(topics, listTopics(doc, boardId));
  const first = view.compute(topics, 'logic-right', lookup);
  const other = topics.find((t) => t.label === 'Chi tiết 3')!;
  setTopic(doc, { boardId, id: other.id, patch: { note: 'Ghi chú' } }, 't');
  topics = shareEqual(topics, listTopics(doc, boardId));
  const second = view.compute(topics, 'logic-right', lookup);
  const before = first.nodes.find((n) => n.id === pictured.id)!;
  const after = second.nodes.find((n) => n.id === pictured.id)!;
  expect(after.data.image?.name).toBe('anh.png');
  expect(after.data).toBe(before.data);
});
