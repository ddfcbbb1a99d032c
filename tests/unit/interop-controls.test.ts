import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  addRelationship,
  addTopic,
  exportFreeMind,
  exportOpml,
  exportXMind,
  importMindMap,
  listRelationships,
  listTopics,
  setTopic,
  type MindMapModel,
} from '../../src/core/index.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('control characters in labels', () => {
  it('are mapped or dropped where a topic is written: a pasted U+000B is a line break', () => {
    const doc = new Y.Doc();
    const boardId = addBoard(doc, { kind: 'mindmap', title: 'S' }, 'me');
    const root = addTopic(
      doc,
      { boardId, parent: null, label: 'Bị can\u000bNguyễn Văn A\u0007\u0000' },
      'me',
    );
    const child = addTopic(doc, { boardId, parent: root, label: 'x' }, 'me');
    setTopic(
      doc,
      {
        boardId,
        id: child,
        patch: { label: 'Lời khai\u000c\u001b[0m', note: 'Ghi\u000bchú\u0008' },
      },
      'me',
    );
    addRelationship(doc, { boardId, source: root, target: child, label: 'nhận\u0001 dạng' }, 'me');
    const topics = listTopics(doc, boardId);
    expect(topics.find((t) => t.id === root)?.label).toBe('Bị can\nNguyễn Văn A');
    expect(topics.find((t) => t.id === child)).toMatchObject({
      label: 'Lời khai\n[0m',
      note: 'Ghi\nchú',
    });
    expect(listRelationships(doc, boardId)[0]?.label).toBe('nhận dạng');
  });

  it('never make an exported .mm or .opml malformed, even from a document stored before', () => {
    const model: MindMapModel = {
      title: 'Sơ đồ\u000b',
      roots: [
        {
          label: 'Vụ án\u000bsố 1\u0002',
          note: 'ghi\u0007chú',
          children: [{ label: '\ud800lẻ\uffff', children: [] }],
        },
      ],
      relationships: [],
    };
    for (const [name, text] of [
      ['x.mm', exportFreeMind(model)],
      ['x.opml', exportOpml(model)],
    ] as const) {
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      const back = importMindMap(name, bytes(text));
      expect(back.roots[0]!.label).toBe('Vụ án\nsố 1');
      expect(back.roots[0]!.children[0]!.label).toBe('lẻ');
    }
  });

  it('keep tabs and line breaks of a multi-line label through .mm, .opml and .xmind', () => {
    const label = 'Bị can:\tNguyễn Văn A\nSinh năm:\t1990';
    const model: MindMapModel = {
      roots: [{ label: 'Vụ án', children: [{ label, children: [] }] }],
      relationships: [],
    };
    const mm = exportFreeMind(model);
    expect(mm).toContain('Bị can:&#9;Nguyễn Văn A&#10;Sinh năm:&#9;1990');
    for (const [name, data] of [
      ['x.mm', bytes(mm)],
      ['x.opml', bytes(exportOpml(model))],
      ['x.xmind', exportXMind(model)],
    ] as const)
      expect(importMindMap(name, data).roots[0]!.children[0]!.label).toBe(label);
  });
});
