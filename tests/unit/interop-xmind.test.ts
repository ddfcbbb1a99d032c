import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  countTopics,
  eachTopic,
  importMap,
  importMindMap,
  listRelationships,
  listSummaries,
  listTopics,
  type MapTopic,
  type MindMapModel,
} from '../../src/core/index.ts';
import { interopFixture } from '../helpers/fixtures.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const topicsOf = (model: MindMapModel): MapTopic[] => {
  const out: MapTopic[] = [];
  eachTopic(model.roots, (t) => out.push(t));
  return out;
};

describe('XMind summaries', () => {
  it('keeps content.json summaries with their range', () => {
    // As XMind 2026 writes a summary "aaa" over the first two main topics.
    const sheet = {
      id: 's',
      class: 'sheet',
      title: 'Sheet 1',
      rootTopic: {
        id: 'root',
        title: 'Central Topic',
        children: {
          attached: [
            { id: 'm1', title: 'Main Topic 1' },
            { id: 'm2', title: 'Main Topic 2' },
            { id: 'm3', title: 'Main Topic 3' },
          ],
          summary: [{ id: 'sum', title: 'aaa' }],
        },
        summaries: [{ id: 'x', range: '(0,1)', topicId: 'sum' }],
      },
    };
    const map = importMindMap('content.json', bytes(JSON.stringify([sheet])));
    expect(countTopics(map.roots)).toBe(5);
    expect(map.roots[0]!.summaries).toEqual([
      { from: 0, to: 1, topic: { label: 'aaa', ref: 'sum', children: [] } },
    ]);
    const doc = new Y.Doc();
    const boardId = addBoard(doc, { kind: 'mindmap', title: 'S' }, 'me');
    importMap(doc, { boardId, parent: null, model: map }, 'me');
    const topics = listTopics(doc, boardId);
    const [summary] = listSummaries(doc, boardId);
    expect(summary?.label).toBe('aaa');
    expect(topics.find((t) => t.id === summary?.from)?.label).toBe('Main Topic 1');
    expect(topics.find((t) => t.id === summary?.to)?.label).toBe('Main Topic 2');
  });

  it('keeps content.xml summaries with their children and the relationship ending on one', () => {
    const map = importMindMap('content.xml', interopFixture('xmind8-balance-sheet-content.xml'));
    expect(countTopics(map.roots)).toBe(51);
    expect(map.relationships).toHaveLength(1);
    const refs = new Set(topicsOf(map).map((t) => t.ref));
    expect(refs.has(map.relationships[0]!.from) && refs.has(map.relationships[0]!.to)).toBe(true);
    expect(topicsOf(map).some((t) => t.note?.startsWith('Σ'))).toBe(false);
    const summaries = topicsOf(map).flatMap((t) => t.summaries ?? []);
    expect(summaries).toHaveLength(8);

    const doc = new Y.Doc();
    const boardId = addBoard(doc, { kind: 'mindmap', title: 'S' }, 'me');
    importMap(doc, { boardId, parent: null, model: map }, 'me');
    const onBoard = listTopics(doc, boardId);
    const brackets = listSummaries(doc, boardId, onBoard);
    expect(brackets).toHaveLength(8);
    // Summary topics with their own subtopics or a line come in as topics beside their bracket.
    const heavy = summaries.filter((s) => s.topic.children.length > 0).length;
    expect(onBoard).toHaveLength(51 - 8 + heavy);
    expect(listRelationships(doc, boardId)).toHaveLength(1);
  });
});
