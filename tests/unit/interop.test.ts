import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { zipSync } from 'fflate';
import {
  addBoard,
  countTopics,
  exportFreeMind,
  exportMarkdown,
  exportOpml,
  exportXMind,
  ImportError,
  importMap,
  importMindMap,
  listRelationships,
  listTopics,
  mapFromBoard,
  readZip,
  type MapTopic,
  type MindMapModel,
} from '../../src/core/index.ts';
import { interopFixture } from '../helpers/fixtures.ts';

const fixture = (name: string) => interopFixture(name);
const load = (name: string) => importMindMap(name, fixture(name));
const all = (model: MindMapModel): MapTopic[] => {
  const out: MapTopic[] = [];
  const stack = [...model.roots];
  while (stack.length) {
    const t = stack.pop()!;
    out.push(t);
    stack.push(...t.children);
  }
  return out;
};
const refused = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    if (err instanceof ImportError) return err.code;
    throw err;
  }
  return 'accepted';
};
const bytes = (s: string) => new TextEncoder().encode(s);

describe('importers on real files', () => {
  it('reads FreeMind 0.8.1 with its Vietnamese as character references, HTML labels, folds and links', () => {
    const map = load('freemind-vi-manual-0_8_1.mm');
    expect(countTopics(map.roots)).toBe(384);
    expect(map.roots[0]!.label).toBe('FreeMind - hãy giải phóng tư duy của bạn -');
    expect(map.roots[0]!.children.map((c) => c.label)).toContain('Các phím tắt');
    const topics = all(map);
    expect(topics.every((t) => t.label === t.label.normalize('NFC'))).toBe(true);
    // FreeMind 0.8 keeps HTML in TEXT: it is read as text, not kept as markup.
    expect(topics.some((t) => /^\s*<html/i.test(t.label))).toBe(false);
    expect(topics.filter((t) => t.collapsed).length).toBeGreaterThan(100);
    expect(map.relationships.length).toBeGreaterThan(5);
  });

  it('reads the same manual from Freeplane 1.5.9 (rich text in richcontent) to much the same tree', () => {
    const old = load('freemind-vi-manual-0_8_1.mm');
    const map = load('freeplane-vi-manual-1_5_9.mm');
    expect(countTopics(map.roots)).toBe(381);
    expect(map.roots[0]!.children.map((c) => c.label.replace('Freeplane', 'FreeMind'))).toEqual(
      old.roots[0]!.children.map((c) => c.label),
    );
  });

  it('reads a large Freeplane guide with details, summaries and self-pointing arrows', () => {
    const map = load('freeplane-userguide-large.mm');
    // 1,445 nodes, 27 of them empty markers of where a summary's group starts.
    expect(countTopics(map.roots)).toBe(1418);
    expect(all(map).filter((t) => t.summaries).length).toBeGreaterThan(10);
    expect(all(map).filter((t) => t.note).length).toBeGreaterThan(70);
    // Arrows that point at their own node are decorations, not relationships.
    expect(map.relationships.every((r) => r.from !== r.to)).toBe(true);
  });

  it('reads UTF-8 Chinese and empty topics', () => {
    const map = load('freeplane-zh-leftright-template.mm');
    expect(countTopics(map.roots)).toBe(13);
    expect(map.roots[0]!.label).toBe('左右双向思维导图');
    expect(all(map).filter((t) => t.label === '')).toHaveLength(12);
  });

  it('reads OPML, including Latin-1 and deep nesting', () => {
    const states = load('opml-states.opml');
    expect(countTopics(states.roots)).toBe(59);
    expect(states.roots[0]!.children.map((c) => c.label)).toContain('Great Plains');
    const latin = load('opml-opmlpackage-source-latin1.opml');
    // 386 outlines under the document's title.
    expect(countTopics(latin.roots)).toBe(387);
    expect(all(latin).some((t) => t.label.includes('"'))).toBe(true);
    expect(load('opml-all-attributes.opml').roots[0]!.label).toBeTruthy();
  });

  it('reads XMind content.json and XMind 8 content.xml, with floating topics, notes and relationships', () => {
    const zen = load('xmind-viewer-example-content.json');
    expect(zen.roots[0]!.children.map((c) => c.label)).toEqual([
      'Main Topic 1',
      'Main Topic 2',
      'Main Topic 3',
    ]);
    const sheet = load('xmind8-balance-sheet-content.xml');
    expect(sheet.roots[0]!.label).toBe('Balance Sheet');
    expect(sheet.roots).toHaveLength(2); // the floating topic
    expect(sheet.relationships).toHaveLength(1);
    // Summaries are summaries (tests/unit/interop-xmind.test.ts), not notes.
    expect(all(sheet).some((t) => t.note?.startsWith('Σ'))).toBe(false);
    const meeting = load('xmind8-meeting-management-content.xml');
    expect(countTopics(meeting.roots)).toBe(28);
    expect(all(meeting).some((t) => t.note)).toBe(true);
    // The same content.xml inside a .xmind archive.
    const archive = zipSync({ 'content.xml': fixture('xmind8-meeting-management-content.xml') });
    expect(countTopics(importMindMap('Họp.xmind', archive).roots)).toBe(28);
  });

  it('reads Markdown headings with lists, and indented text', () => {
    const md = importMindMap(
      'vu-an.md',
      bytes(
        '# Vụ án\n\nGhi chú của vụ án.\n\n## Bị can\n- Nguyễn Văn Ấn\n  - Tiền án\n## Bị hại\n',
      ),
    );
    expect(md.roots).toHaveLength(1);
    expect(md.roots[0]).toMatchObject({ label: 'Vụ án', note: 'Ghi chú của vụ án.' });
    expect(md.roots[0]!.children.map((c) => c.label)).toEqual(['Bị can', 'Bị hại']);
    expect(md.roots[0]!.children[0]!.children[0]!.children[0]!.label).toBe('Tiền án');
    const text = importMindMap('dan-y.txt', bytes('Vụ án\n\tBị can\n\t\tNguyễn Văn Ấn\n\tBị hại'));
    expect(countTopics(text.roots)).toBe(4);
    // Decomposed input (some input methods, macOS) is stored composed.
    expect(importMindMap('x.txt', bytes('Người'.normalize('NFD'))).roots[0]!.label).toBe('Người');
  });
});

describe('round trips', () => {
  const model: MindMapModel = {
    title: 'Vụ án trộm cắp',
    roots: [
      {
        label: 'Vụ án trộm cắp',
        ref: 'r',
        children: [
          {
            label: 'Bị can: Nguyễn Văn Ấn',
            ref: 'a',
            note: 'Sinh năm 1990.\nTiền án: 1',
            children: [],
          },
          {
            label: 'Chứng cứ & "vật chứng" <BL 12>',
            ref: 'b',
            collapsed: true,
            children: [{ label: 'Con dao', ref: 'c', children: [] }],
          },
        ],
      },
    ],
    relationships: [{ from: 'a', to: 'c', label: 'cầm' }],
  };
  /** The tree in a fixed key order; `keep` picks what a format carries. */
  const shape = (m: MindMapModel, keep = { note: true, collapsed: true }) => {
    const walk = (t: MapTopic): unknown => ({
      label: t.label,
      ...(keep.note && t.note ? { note: t.note } : {}),
      ...(keep.collapsed && t.collapsed ? { collapsed: true } : {}),
      children: t.children.map(walk),
    });
    return JSON.stringify(m.roots.map(walk));
  };

  it('FreeMind and XMind keep labels, notes, folding and relationships', () => {
    for (const [name, data] of [
      ['x.mm', bytes(exportFreeMind(model))],
      ['x.xmind', exportXMind(model)],
    ] as const) {
      const back = importMindMap(name, data);
      expect(shape(back)).toBe(shape(model));
      expect(back.relationships).toHaveLength(1);
      expect(back.relationships[0]!.label).toBe('cầm');
    }
  });

  it('OPML and Markdown keep labels and notes', () => {
    const strip = (m: MindMapModel) => shape(m, { note: true, collapsed: false });
    expect(strip(importMindMap('x.opml', bytes(exportOpml(model))))).toBe(strip(model));
    expect(strip(importMindMap('x.md', bytes(exportMarkdown(model))))).toBe(strip(model));
  });

  it('a board exported and imported into another board gives the same map', () => {
    const doc = new Y.Doc();
    const one = addBoard(doc, { kind: 'mindmap', title: 'Một' }, 'me');
    importMap(
      doc,
      { boardId: one, parent: null, model: load('freemind-vi-manual-0_8_1.mm') },
      'me',
    );
    const two = addBoard(doc, { kind: 'mindmap', title: 'Hai' }, 'me');
    const exported = exportXMind(mapFromBoard(doc, one));
    importMap(doc, { boardId: two, parent: null, model: importMindMap('x.xmind', exported) }, 'me');
    const labels = (boardId: string) =>
      listTopics(doc, boardId)
        .map((t) => t.label)
        .sort();
    expect(labels(two)).toEqual(labels(one));
    expect(listTopics(doc, two)).toHaveLength(384);
    expect(listTopics(doc, two).filter((t) => t.collapsed).length).toBe(
      listTopics(doc, one).filter((t) => t.collapsed).length,
    );
    expect(listRelationships(doc, two)).toHaveLength(listRelationships(doc, one).length);
  });
});

describe('hostile and broken files', () => {
  it('refuses entity declarations (billion laughs) before expanding anything', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE map [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><map><node TEXT="&b;"/></map>`;
    expect(refused(() => importMindMap('lol.mm', bytes(lol)))).toBe('xmlEntities');
  });

  it('refuses 10,000 levels of nesting in every format', () => {
    const deep = 10_000;
    const mm = `<map>${'<node TEXT="x">'.repeat(deep)}${'</node>'.repeat(deep)}</map>`;
    expect(refused(() => importMindMap('deep.mm', bytes(mm)))).toBe('tooDeep');
    const opml = `<opml><body>${'<outline text="x">'.repeat(deep)}${'</outline>'.repeat(deep)}</body></opml>`;
    expect(refused(() => importMindMap('deep.opml', bytes(opml)))).toBe('tooDeep');
    // Indented text 10,000 levels deep is 50 MB of spaces: refused for its size; 1,100 levels for depth.
    const indented = (levels: number) =>
      Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}x`).join('\n');
    expect(refused(() => importMindMap('deep.txt', bytes(indented(deep))))).toBe('tooLarge');
    expect(refused(() => importMindMap('deep.txt', bytes(indented(1100))))).toBe('tooDeep');
    let json = '{"title":"x"}';
    for (let i = 0; i < deep; i++) json = `{"title":"x","children":{"attached":[${json}]}}`;
    expect(refused(() => importMindMap('content.json', bytes(`[{"rootTopic":${json}}]`)))).toBe(
      'tooDeep',
    );
  });

  it('refuses path traversal and zip bombs in an archive', () => {
    const traversal = zipSync({ '../../etc/passwd': bytes('root'), 'content.json': bytes('[]') });
    expect(refused(() => importMindMap('x.xmind', traversal))).toBe('zipPath');
    // An archive whose directory claims a huge unpacked size.
    const bomb = zipSync({ 'content.json': new Uint8Array(2000) });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i < bomb.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7ff00000, true);
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 0x7ff00000, true);
    }
    expect(refused(() => readZip(bomb))).toBe('zipBomb');
  });

  it('refuses truncated, oversize, empty and unknown files with a reason', () => {
    const half = fixture('freemind-vi-manual-0_8_1.mm').subarray(0, 50_000);
    expect(refused(() => importMindMap('half.mm', half))).toBe('badXml');
    expect(refused(() => importMindMap('big.mm', new Uint8Array(21 * 1024 * 1024)))).toBe(
      'tooLarge',
    );
    expect(refused(() => importMindMap('empty.mm', new Uint8Array()))).toBe('empty');
    expect(refused(() => importMindMap('x.svg', bytes('<svg></svg>')))).toBe('unknownFormat');
    expect(refused(() => importMindMap('x.xmind', bytes('PK\u0003\u0004garbage')))).toBe('badZip');
    expect(refused(() => importMindMap('content.json', bytes('[{"rootTopic":')))).toBe('badJson');
  });

  it('leaves the case exactly as it was when an import is refused', () => {
    const doc = new Y.Doc();
    const boardId = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'me');
    const before = Y.encodeStateVector(doc);
    expect(
      refused(() =>
        importMap(
          doc,
          {
            boardId,
            parent: null,
            model: importMindMap(
              'half.mm',
              fixture('freemind-vi-manual-0_8_1.mm').subarray(0, 50_000),
            ),
          },
          'me',
        ),
      ),
    ).toBe('badXml');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(listTopics(doc, boardId)).toEqual([]);
  });
});
