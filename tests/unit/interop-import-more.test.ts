import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unzipSync } from 'fflate';
import {
  addBoard,
  childrenOf,
  eachTopic,
  exportXMind,
  importMap,
  importMindMap,
  importWorkbook,
  listBoards,
  listTopics,
  mapFromBoard,
  type MapTopic,
  type MindMapModel,
} from '../../src/core/index.ts';
import { interopFixture } from '../helpers/fixtures.ts';
import { layoutMindMap } from '../../src/boards/mindmap/layout.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const topicsOf = (model: MindMapModel): MapTopic[] => {
  const out: MapTopic[] = [];
  eachTopic(model.roots, (t) => out.push(t));
  return out;
};
const board = () => {
  const doc = new Y.Doc();
  return { doc, boardId: addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'me') };
};

const workbook = [
  {
    id: 's1',
    class: 'sheet',
    title: 'Trang 1',
    rootTopic: {
      id: 'r1',
      title: 'Vụ án',
      children: {
        attached: [
          {
            id: 'a',
            title: 'Bị can',
            labels: ['Quan trọng', 'BL 7'],
            href: 'https://example.org/ho-so',
            markers: [{ markerId: 'people-red' }, { markerId: 'priority-1' }],
            children: { callout: [{ id: 'c', title: 'Cần xác minh' }] },
          },
        ],
      },
    },
  },
  {
    id: 's2',
    class: 'sheet',
    title: 'Dòng thời gian',
    rootTopic: {
      id: 'r2',
      title: 'Ngày 12/3',
      children: { attached: [{ id: 'b', title: 'Bắt' }] },
    },
  },
];

describe('what other programs keep comes into CaseBoard', () => {
  it('makes each further XMind sheet a board of its own', () => {
    const { doc, boardId } = board();
    const model = importMindMap('content.json', bytes(JSON.stringify(workbook)));
    const { boards } = importWorkbook(doc, { boardId, parent: null, model }, 'me');
    expect(boards).toHaveLength(1);
    expect(listBoards(doc).map((b) => b.title)).toEqual(['Sơ đồ', 'Dòng thời gian']);
    expect(
      listTopics(doc, boards[0]!)
        .map((t) => t.label)
        .sort(),
    ).toEqual(['Bắt', 'Ngày 12/3']);
  });

  it('keeps XMind labels, links, markers and callouts, and writes them back to XMind', () => {
    const { doc, boardId } = board();
    importMap(
      doc,
      {
        boardId,
        parent: null,
        model: importMindMap('content.json', bytes(JSON.stringify(workbook))),
      },
      'me',
    );
    const suspect = listTopics(doc, boardId).find((t) => t.label === 'Bị can')!;
    expect(suspect).toMatchObject({ markers: ['suspect'], pages: 'BL 7' });
    expect(suspect.note).toBe(
      '[link] https://example.org/ho-so\n[label] Quan trọng\n[attr] callout: Cần xác minh\n[icon] priority-1',
    );
    const json = new TextDecoder().decode(
      unzipSync(exportXMind(mapFromBoard(doc, boardId)))['content.json'],
    );
    const topic = (
      JSON.parse(json) as Array<{
        rootTopic: { children: { attached: Array<Record<string, unknown>> } };
      }>
    )[0]!.rootTopic.children.attached[0]!;
    expect(topic).toMatchObject({
      href: 'https://example.org/ho-so',
      labels: ['Quan trọng', 'BL 7'],
      markers: [{ markerId: 'people-red' }, { markerId: 'priority-1' }],
    });
    expect(topic.notes).toBeUndefined();
  });

  it('keeps Freeplane links, icons, clouds, attributes, colours and sides', () => {
    const manual = topicsOf(importMindMap('m.mm', interopFixture('freemind-vi-manual-0_8_1.mm')));
    expect(manual.filter((t) => t.href)).toHaveLength(41);
    expect(manual.filter((t) => t.boundary !== undefined)).toHaveLength(4);
    // 31 icons: those nearest a CaseBoard marker become it, the rest are kept by name.
    const icons = manual.flatMap((t) => [...(t.markers ?? []), ...(t.icons ?? [])]);
    expect(icons).toHaveLength(31);
    expect(icons).toContain('done');
    const guide = topicsOf(importMindMap('g.mm', interopFixture('freeplane-userguide-large.mm')));
    // 10 attributes, 2 of them in the map's styles rather than on topics.
    expect(guide.flatMap((t) => t.attributes ?? [])).toHaveLength(8);
    const template = importMindMap('t.mm', interopFixture('freeplane-zh-leftright-template.mm'));
    expect(template.roots[0]!.children.map((c) => c.side)).toEqual(
      expect.arrayContaining(['left', 'right']),
    );
    // The side comes back out to Freeplane through a board.
    const { doc, boardId } = board();
    importMap(doc, { boardId, parent: null, model: template }, 'me');
    const sides = mapFromBoard(doc, boardId).roots[0]!.children.map((c) => c.side);
    expect(sides).toEqual(template.roots[0]!.children.map((c) => c.side));
    // On the board each main topic is drawn on its side of the central topic, and the side is a
    // field, not a note line.
    const topics = listTopics(doc, boardId);
    const root = topics.find((t) => t.parent === null)!;
    const main = childrenOf(topics, root.id);
    expect(main.map((t) => t.side)).toEqual(template.roots[0]!.children.map((c) => c.side));
    expect(main.some((t) => t.note?.includes('[side]'))).toBe(false);
    const layout = layoutMindMap(
      topics.map((t) => ({ ...t, width: 100, height: 30 })),
      'balanced',
    );
    const x0 = layout.positions.get(root.id)!.x;
    for (const t of main)
      if (t.side === 'left') expect(layout.positions.get(t.id)!.x).toBeLessThan(x0);
      else expect(layout.positions.get(t.id)!.x).toBeGreaterThan(x0);
    // A side that came back as a note line from a format without sides becomes the field again.
    const { doc: again, boardId: board2 } = board();
    importMap(
      again,
      {
        boardId: board2,
        parent: null,
        model: {
          title: 'x',
          roots: [
            {
              label: 'Gốc',
              children: [{ label: 'Trái', note: 'Ghi chú\n\n[side] left', children: [] }],
            },
          ],
          relationships: [],
        },
      },
      'me',
    );
    const left = listTopics(again, board2).find((t) => t.label === 'Trái')!;
    expect(left).toMatchObject({ side: 'left', note: 'Ghi chú' });
  });

  it('keeps OPML type, url and created', () => {
    const all = importMindMap('a.opml', interopFixture('opml-all-attributes.opml'));
    const outline = all.roots[0]!;
    expect(outline.href).toBe('Outline URL');
    expect(outline.attributes).toEqual(
      expect.arrayContaining([
        { name: 'type', value: 'Outline Type' },
        { name: 'created', value: 'Outline Date' },
      ]),
    );
  });
});
