import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  exportFreeMind,
  exportOpml,
  exportXMind,
  mapFromBoard,
  type MapTopic,
} from '../../src/core/index.ts';
import { buildCaseMap } from '../helpers/interop-case.ts';
import { hasPython, readWithPython, type LabelTree } from '../helpers/python-xml.ts';

const tree = (roots: readonly MapTopic[]): LabelTree[] =>
  roots.map((t) => ({ label: t.label, children: tree(t.children) }));
const bytes = (s: string) => new TextEncoder().encode(s);

// Skipped only where python3 is not installed; .ci/run installs it.
describe.skipIf(!hasPython)('Python’s XML parser reads CaseBoard’s files', () => {
  const { doc, boardId } = buildCaseMap();
  const model = mapFromBoard(doc, boardId);
  // A label with a tab and a control character stored before they were stripped.
  model.roots[0]!.children[0]!.label = 'Bị can:\tNguyễn Văn A\u000b(Word)';
  const want = (freeplane: boolean) => {
    const t = tree(model.roots).map((r) => ({ ...r }));
    t[0]!.children[0]!.label = 'Bị can:\tNguyễn Văn A\n(Word)';
    // Freeplane has one root: floating topics are free nodes under it.
    return freeplane ? [{ ...t[0]!, children: [...t[0]!.children, ...t.slice(1)] }] : t;
  };

  it('OPML: every outline, labels exact (tabs and line breaks too)', () => {
    expect(readWithPython('opml', bytes(exportOpml(model)))).toEqual(want(false));
  });

  it('.mm: every node, labels exact', () => {
    expect(readWithPython('mm', bytes(exportFreeMind(model)))).toEqual(want(true));
  });

  it('XMind 8 content.xml: every topic, floating ones too', () => {
    const xml = unzipSync(exportXMind(model))['content.xml']!;
    const read = readWithPython('xmind8', xml);
    const root = want(false);
    expect(read).toEqual([{ ...root[0]!, children: [...root[0]!.children, ...root.slice(1)] }]);
  });
});
