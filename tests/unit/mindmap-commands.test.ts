import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  addParent,
  addSibling,
  addTopic,
  childrenOf,
  CommandError,
  deleteTopics,
  formatOutline,
  insertOutline,
  listTopics,
  moveTopic,
  parseOutline,
  setTopic,
  shiftTopic,
  subtreeOutline,
} from '../../src/core/index.ts';

function map() {
  const doc = new Y.Doc();
  const boardId = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'me');
  const root = addTopic(doc, { boardId, parent: null, label: 'Vụ án' }, 'me');
  return { doc, boardId, root };
}

const nodesOfBoard = (doc: Y.Doc, boardId: string) =>
  (doc.getMap('boards').get(boardId) as Y.Map<unknown>).get('nodes') as Y.Map<unknown>;

const labels = (doc: Y.Doc, boardId: string, parent: string | null) =>
  childrenOf(listTopics(doc, boardId), parent).map((t) => t.label);

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('mind-map topics', () => {
  it('adds children, siblings above and below, and parents', () => {
    const { doc, boardId, root } = map();
    const a = addTopic(doc, { boardId, parent: root, label: 'Bị can' }, 'me');
    addSibling(doc, { boardId, of: a, label: 'Bị hại' }, 'me');
    addSibling(doc, { boardId, of: a, before: true, label: 'Thông tin vụ án' }, 'me');
    expect(labels(doc, boardId, root)).toEqual(['Thông tin vụ án', 'Bị can', 'Bị hại']);
    const group = addParent(doc, { boardId, of: a, label: 'Người tham gia tố tụng' }, 'me');
    expect(labels(doc, boardId, root)).toEqual([
      'Thông tin vụ án',
      'Người tham gia tố tụng',
      'Bị hại',
    ]);
    expect(labels(doc, boardId, group)).toEqual(['Bị can']);
    expect(addSibling(doc, { boardId, of: root, label: 'Con' }, 'me')).toBeTruthy();
    expect(labels(doc, boardId, root)).toHaveLength(4);
  });

  it('reorders among siblings and moves branches, never into themselves', () => {
    const { doc, boardId, root } = map();
    const [a, b, c] = ['A', 'B', 'C'].map((label) =>
      addTopic(doc, { boardId, parent: root, label }, 'me'),
    );
    const a1 = addTopic(doc, { boardId, parent: a!, label: 'A1' }, 'me');
    shiftTopic(doc, { boardId, id: c!, delta: -1 }, 'me');
    expect(labels(doc, boardId, root)).toEqual(['A', 'C', 'B']);
    shiftTopic(doc, { boardId, id: a!, delta: -1 }, 'me');
    expect(labels(doc, boardId, root)).toEqual(['A', 'C', 'B']);
    moveTopic(doc, { boardId, id: b!, parent: a!, index: 0 }, 'me');
    expect(labels(doc, boardId, a!)).toEqual(['B', 'A1']);
    expect(() => moveTopic(doc, { boardId, id: a!, parent: a1, index: 0 }, 'me')).toThrow(
      CommandError,
    );
    expect(() => moveTopic(doc, { boardId, id: a!, parent: a!, index: 0 }, 'me')).toThrow(
      CommandError,
    );
  });

  it('deletes a topic with its whole subtree', () => {
    const { doc, boardId, root } = map();
    const a = addTopic(doc, { boardId, parent: root, label: 'A' }, 'me');
    insertOutline(doc, { boardId, parent: a, nodes: parseOutline('x\n\ty\n\t\tz') }, 'me');
    addTopic(doc, { boardId, parent: root, label: 'B' }, 'me');
    deleteTopics(doc, { boardId, ids: [a] }, 'me');
    expect(
      listTopics(doc, boardId)
        .map((t) => t.label)
        .sort(),
    ).toEqual(['B', 'Vụ án']);
  });

  it('keeps both of two concurrent inserts under one parent, in one stable order', () => {
    const { doc: a, boardId, root } = map();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addTopic(a, { boardId, parent: root, label: 'Từ A' }, 'a');
    addTopic(b, { boardId, parent: root, label: 'Từ B' }, 'b');
    sync(a, b);
    expect(labels(a, boardId, root)).toHaveLength(2);
    expect(labels(a, boardId, root)).toEqual(labels(b, boardId, root));
  });

  it('shows a topic moved under a parent that someone deleted meanwhile under the central topic', () => {
    const { doc: a, boardId, root } = map();
    const p = addTopic(a, { boardId, parent: root, label: 'Sẽ bị xóa' }, 'a');
    const x = addTopic(a, { boardId, parent: root, label: 'Được chuyển' }, 'a');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveTopic(a, { boardId, id: x, parent: p, index: 0 }, 'a');
    deleteTopics(b, { boardId, ids: [p] }, 'b');
    sync(a, b);
    for (const doc of [a, b]) {
      const moved = listTopics(doc, boardId).find((t) => t.id === x);
      expect(moved).toMatchObject({ parent: root, rescued: true, label: 'Được chuyển' });
    }
  });

  it('reads again only the topics a change touched, and always what is stored', () => {
    const { doc, boardId, root } = map();
    const a = addTopic(doc, { boardId, parent: root, label: 'Bị can' }, 'me');
    const b = addTopic(doc, { boardId, parent: root, label: 'Bị hại' }, 'me');
    const first = listTopics(doc, boardId);
    setTopic(doc, { boardId, id: a, patch: { label: 'Bị can A' } }, 'me');
    const second = listTopics(doc, boardId);
    const byId = (list: ReturnType<typeof listTopics>, id: string) =>
      list.find((t) => t.id === id)!;
    expect(byId(second, a).label).toBe('Bị can A');
    // The unchanged topics are the same objects: nothing downstream compares them again.
    expect(byId(second, b)).toBe(byId(first, b));
    expect(byId(second, root)).toBe(byId(first, root));
    // Read inside the transaction that changes it: the change, not the last reading.
    let inside = '';
    doc.transact(() => {
      setTopic(doc, { boardId, id: b, patch: { label: 'Người bị hại' } }, 'me');
      inside = byId(listTopics(doc, boardId), b).label;
    });
    expect(inside).toBe('Người bị hại');
    // A topic made, read and changed again in one transaction (a paste) reads as it ends.
    let made = '';
    doc.transact(() => {
      made = addTopic(doc, { boardId, parent: root, label: 'Tạm' }, 'me');
      expect(byId(listTopics(doc, boardId), made).label).toBe('Tạm');
      setTopic(doc, { boardId, id: made, patch: { label: 'Nhân chứng', collapsed: true } }, 'me');
    });
    expect(byId(listTopics(doc, boardId), made)).toMatchObject({
      label: 'Nhân chứng',
      collapsed: true,
    });
    // A colleague's change, arriving as an update.
    const other = new Y.Doc();
    sync(doc, other);
    setTopic(other, { boardId, id: root, patch: { collapsed: true, note: 'ghi chú' } }, 'them');
    sync(other, doc);
    expect(byId(listTopics(doc, boardId), root)).toMatchObject({
      collapsed: true,
      note: 'ghi chú',
    });
    // Undone, it reads as before.
    const undo = new Y.UndoManager(nodesOfBoard(doc, boardId), { trackedOrigins: new Set(['me']) });
    setTopic(doc, { boardId, id: a, patch: { markers: ['suspect'] } }, 'me');
    expect(byId(listTopics(doc, boardId), a).markers).toEqual(['suspect']);
    undo.undo();
    expect(byId(listTopics(doc, boardId), a).markers).toEqual([]);
  });

  it('sets label, note, markers, colour, entity link, pages and folding', () => {
    const { doc, boardId, root } = map();
    const id = addTopic(doc, { boardId, parent: root, label: 'x' }, 'me');
    setTopic(
      doc,
      {
        boardId,
        id,
        patch: {
          label: ' Con dao\ndính máu ',
          note: 'Ghi chú',
          markers: ['physical-evidence', 'warning'],
          color: '#aa0000',
          pages: 'bl 45-47',
          collapsed: true,
        },
      },
      'me',
    );
    expect(listTopics(doc, boardId).find((t) => t.id === id)).toMatchObject({
      label: 'Con dao\ndính máu',
      note: 'Ghi chú',
      markers: ['physical-evidence', 'warning'],
      color: '#aa0000',
      pages: 'BL 45–47',
      collapsed: true,
    });
    setTopic(doc, { boardId, id, patch: { color: null, collapsed: false, note: '' } }, 'me');
    const topic = listTopics(doc, boardId).find((t) => t.id === id)!;
    expect(topic.color).toBeUndefined();
    expect(topic.note).toBeUndefined();
    expect(topic.collapsed).toBe(false);
    expect(() => setTopic(doc, { boardId, id, patch: { pages: 'trang năm' } }, 'me')).toThrow(
      CommandError,
    );
    expect(() => setTopic(doc, { boardId, id, patch: { entity: 'nope' } }, 'me')).toThrow(
      CommandError,
    );
  });
});

describe('outlines (paste and copy)', () => {
  it('parses tab, space and Markdown indentation into a tree', () => {
    expect(parseOutline('Vụ án\n\tBị can\n\t\tNhân thân\n\tBị hại\nĐề xuất')).toEqual([
      {
        label: 'Vụ án',
        children: [
          { label: 'Bị can', children: [{ label: 'Nhân thân', children: [] }] },
          { label: 'Bị hại', children: [] },
        ],
      },
      { label: 'Đề xuất', children: [] },
    ]);
    expect(parseOutline('- A\n  - B\n    - C\n  - D\n\n* E')).toEqual([
      {
        label: 'A',
        children: [
          { label: 'B', children: [{ label: 'C', children: [] }] },
          { label: 'D', children: [] },
        ],
      },
      { label: 'E', children: [] },
    ]);
    expect(parseOutline('1. Một\n2. Hai\n   1. Hai chấm một')).toHaveLength(2);
  });

  it('copies a subtree and pastes it back the same', () => {
    const { doc, boardId, root } = map();
    insertOutline(
      doc,
      { boardId, parent: root, nodes: parseOutline('A\n\tA1\n\tA2\n\t\tA2a\nB') },
      'me',
    );
    const topics = listTopics(doc, boardId);
    const a = childrenOf(topics, root)[0]!;
    const copied = formatOutline(subtreeOutline(topics, [a.id]));
    expect(copied).toBe('A\n\tA1\n\tA2\n\t\tA2a');
    const pasted = insertOutline(doc, { boardId, parent: root, nodes: parseOutline(copied) }, 'me');
    expect(formatOutline(subtreeOutline(listTopics(doc, boardId), pasted))).toBe(copied);
    expect(labels(doc, boardId, root)).toEqual(['A', 'B', 'A']);
  });
});

describe('relationships', () => {
  it('joins two topics with a label, and goes when either topic is deleted', async () => {
    const { addRelationship, listRelationships, setRelationship } =
      await import('../../src/core/index.ts');
    const { doc, boardId, root } = map();
    const a = addTopic(doc, { boardId, parent: root, label: 'Lời khai bị hại' }, 'me');
    const b = addTopic(doc, { boardId, parent: root, label: 'Kết luận giám định' }, 'me');
    const id = addRelationship(doc, { boardId, source: a, target: b, label: 'mâu thuẫn' }, 'me');
    expect(listRelationships(doc, boardId)).toEqual([
      { id, source: a, target: b, label: 'mâu thuẫn' },
    ]);
    setRelationship(doc, { boardId, id, label: 'phù hợp' }, 'me');
    expect(listRelationships(doc, boardId)[0]?.label).toBe('phù hợp');
    expect(() => addRelationship(doc, { boardId, source: a, target: a }, 'me')).toThrow(
      CommandError,
    );
    deleteTopics(doc, { boardId, ids: [b] }, 'me');
    expect(listRelationships(doc, boardId)).toEqual([]);
  });
});

describe('boundaries and summaries', () => {
  it('draws a boundary around a branch and sums up a run of siblings', async () => {
    const { addSummary, listSummaries, setSummary } = await import('../../src/core/index.ts');
    const { doc, boardId, root } = map();
    const [a, b, c] = ['A', 'B', 'C'].map((label) =>
      addTopic(doc, { boardId, parent: root, label }, 'me'),
    );
    setTopic(doc, { boardId, id: a!, patch: { boundary: 'Chứng cứ buộc tội' } }, 'me');
    expect(listTopics(doc, boardId).find((t) => t.id === a)?.boundary).toBe('Chứng cứ buộc tội');
    setTopic(doc, { boardId, id: a!, patch: { boundary: null } }, 'me');
    expect(listTopics(doc, boardId).find((t) => t.id === a)?.boundary).toBeUndefined();

    const id = addSummary(
      doc,
      { boardId, topics: [c!, a!], label: 'Ba lời khai thống nhất' },
      'me',
    );
    expect(listSummaries(doc, boardId)).toEqual([
      { id, parent: root, from: a, to: c, label: 'Ba lời khai thống nhất' },
    ]);
    expect(() => addSummary(doc, { boardId, topics: [a!, root], label: 'x' }, 'me')).toThrow(
      CommandError,
    );
    setSummary(doc, { boardId, id, label: 'Thống nhất' }, 'me');
    expect(listSummaries(doc, boardId)[0]?.label).toBe('Thống nhất');
    deleteTopics(doc, { boardId, ids: [b!] }, 'me');
    expect(listSummaries(doc, boardId)).toHaveLength(1);
    deleteTopics(doc, { boardId, ids: [c!] }, 'me');
    expect(listSummaries(doc, boardId)).toEqual([]);
  });
});

describe('large maps', () => {
  it('reads a 10,000-topic chain, and a loop, without walking chains again and again', () => {
    const { doc, boardId, root } = map();
    insertOutline(
      doc,
      {
        boardId,
        parent: root,
        nodes: [
          Array.from({ length: 10_000 }).reduce<{ label: string; children: never[] } | null>(
            (child, _, i) => ({ label: `T${i}`, children: (child ? [child] : []) as never[] }),
            null,
          )!,
        ],
      },
      'me',
    );
    const topics = listTopics(doc, boardId);
    expect(topics).toHaveLength(10_001);
    expect(topics.filter((t) => t.rescued)).toEqual([]);
  });
});
