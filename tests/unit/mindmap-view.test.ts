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

it('colours a branch with its nearest coloured ancestor, its lines too', () => {
  const { doc, boardId } = mapWith(3);
  const view = new MindMapView();
  const lookup: EntityLookup = () => null;
  const topics = listTopics(doc, boardId);
  const byLabel = (label: string) => topics.find((t) => t.label === label)!.id;
  setTopic(doc, { boardId, id: byLabel('Lời khai 1'), patch: { color: '#dc2626' } }, 't');
  setTopic(doc, { boardId, id: byLabel('Chi tiết 2'), patch: { color: '#16a34a' } }, 't');
  const { nodes, edges } = view.compute(listTopics(doc, boardId), 'balanced', lookup);
  const color = (label: string) => nodes.find((n) => n.data.label === label)!.data.color;
  expect(color('Vụ án')).toBeUndefined();
  expect(color('Lời khai 1')).toBe('#dc2626');
  expect(color('Chi tiết 1')).toBe('#dc2626');
  expect(color('Lời khai 2')).toBeUndefined();
  expect(color('Chi tiết 2')).toBe('#16a34a');
  expect(color('Chi tiết 3')).toBeUndefined();
  const line = edges.find((e) => e.target === byLabel('Chi tiết 1'))!;
  expect(line.style?.stroke).toBe('#dc2626');
});
