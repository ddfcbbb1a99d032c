import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import {
  addBoard,
  exportFreeMind,
  exportOpml,
  exportXMind,
  importMap,
  importMindMap,
  mapFromBoard,
} from '../../src/core/index.ts';
import { buildCaseMap, viewBoard } from '../helpers/interop-case.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('topic features travel through XMind, Freeplane and OPML', () => {
  const writers = {
    xmind: (m: Parameters<typeof exportXMind>[0]) => exportXMind(m),
    mm: (m: Parameters<typeof exportFreeMind>[0]) => bytes(exportFreeMind(m)),
    opml: (m: Parameters<typeof exportOpml>[0]) => bytes(exportOpml(m)),
  };
  for (const [format, write] of Object.entries(writers)) {
    it(`keeps markers, colours, boundaries, summaries, register links, pages and pictures (.${format})`, () => {
      const { doc, boardId } = buildCaseMap();
      const file = write(mapFromBoard(doc, boardId));
      const copy = addBoard(doc, { kind: 'mindmap', title: 'Bản sao' }, 'me');
      importMap(
        doc,
        { boardId: copy, parent: null, model: importMindMap(`x.${format}`, file) },
        'me',
      );
      expect(viewBoard(doc, copy)).toEqual(viewBoard(doc, boardId));
    });
  }

  it('uses XMind markers, labels, boundaries and summaries, and Freeplane icons, clouds and attributes', () => {
    const { doc, boardId, entity } = buildCaseMap();
    const model = mapFromBoard(doc, boardId);
    const json = new TextDecoder().decode(unzipSync(exportXMind(model))['content.json']);
    for (const part of [
      '"markerId":"people-red"',
      '"markerId":"task-done"',
      '"BL 12–15"',
      `"caseboard:entity=${entity}"`,
      '"line-color":"#c0392b"',
      '"range":"master","title":"Người bị hại"',
      '"range":"(0,1)"',
    ])
      expect(json).toContain(part);
    const mm = exportFreeMind(model);
    for (const part of [
      '<icon BUILTIN="male1"/>',
      '<icon BUILTIN="button_ok"/>',
      '<edge COLOR="#c0392b"/>',
      '<cloud/>',
      `<attribute NAME="caseboard:entity" VALUE="${entity}"/>`,
      '<attribute NAME="caseboard:pages" VALUE="BL 12–15"/>',
      '<hook NAME="SummaryNode"/>',
    ])
      expect(mm).toContain(part);
  });
});
