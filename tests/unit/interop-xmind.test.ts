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

describe('.xmind for XMind 8 and XMind 2020+', () => {
  it('holds content.xml beside content.json, with the same map', async () => {
    const { unzipSync } = await import('fflate');
    const { exportXMind, mapFromBoard } = await import('../../src/core/index.ts');
    const { buildCaseMap, viewModel } = await import('../helpers/interop-case.ts');
    const { doc, boardId } = buildCaseMap();
    const files = unzipSync(exportXMind(mapFromBoard(doc, boardId)));
    expect(Object.keys(files).sort()).toEqual([
      'META-INF/manifest.xml',
      'content.json',
      'content.xml',
      'manifest.json',
      'meta.xml',
      'metadata.json',
    ]);
    const fromJson = importMindMap('content.json', files['content.json']!);
    const fromXml = importMindMap('content.xml', files['content.xml']!);
    // XMind 8 keeps colours in styles.xml, which is not written.
    const noColour = (m: MindMapModel) =>
      JSON.parse(JSON.stringify(viewModel(m)).replace(/,"color":"#[0-9a-f]{6}"/g, '')) as unknown;
    expect(noColour(fromXml)).toEqual(noColour(fromJson));
    // Floating topics have their positions in both.
    expect(fromXml.roots.slice(1).map((r) => r.position)).toEqual(
      fromJson.roots.slice(1).map((r) => r.position),
    );
    expect(fromXml.roots[1]!.position).toMatchObject({ x: expect.any(Number) });
    const manifest = new TextDecoder().decode(files['META-INF/manifest.xml']);
    expect(manifest).toContain('full-path="content.xml"');
  });
});

describe('XMind’s own model library reads CaseBoard’s .xmind', () => {
  it('with the topics, markers, labels, notes, folds, floating topics, boundaries, summaries and lines', async () => {
    const { exportXMind, mapFromBoard } = await import('../../src/core/index.ts');
    const { buildCaseMap } = await import('../helpers/interop-case.ts');
    const { readWithXMindModel } = await import('../helpers/xmind-reader.ts');
    const { doc, boardId } = buildCaseMap();
    const read = readWithXMindModel(exportXMind(mapFromBoard(doc, boardId)));
    // Its schema still says a label list is one string; XMind itself writes a list, as we do.
    expect(read.schemaErrors.filter((e) => !/\.labels: should be string$/.test(e))).toEqual([]);
    expect(read.root.title).toBe('Vụ án trộm cắp tài sản');
    const suspects = read.root.children[0]!;
    expect(suspects.markers).toEqual(['people-red']);
    const an = suspects.children[0]!;
    expect(an.title).toBe('Nguyễn Văn Ấn\nSinh năm 1990');
    expect(an.labels).toContain('BL 12–15');
    expect(an.note).toBe('- Tiền án: 1\n# không phải đề mục\n1. không phải danh sách');
    expect(read.root.children.map((c) => c.folded)).toEqual([false, false, true, false]);
    expect(read.root.children[1]!.boundaries).toBe(1);
    expect(read.root.children[3]!.summaries).toBe(1);
    expect(read.root.detached.map((d) => [d.title, !!d.position])).toEqual([
      ['Việc cần làm', true],
      ['Ghi nhớ', true],
    ]);
    expect(read.relationships).toHaveLength(2);
  });
});
