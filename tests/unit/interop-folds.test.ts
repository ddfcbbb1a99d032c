import { describe, expect, it } from 'vitest';
import {
  eachTopic,
  exportFreeMind,
  exportMarkdown,
  exportOpml,
  exportXMind,
  importMindMap,
  type MapTopic,
  type MindMapModel,
} from '../../src/core/index.ts';
import { interopFixture } from '../helpers/fixtures.ts';
import { readWithMarkmap } from '../helpers/markmap.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const folds = (roots: MapTopic[]): string[] => {
  const out: string[] = [];
  eachTopic(roots, (t) => {
    if (t.collapsed && t.children.length) out.push(t.label);
  });
  return out.sort();
};
const t = (label: string, children: MapTopic[] = [], collapsed = false): MapTopic => ({
  label,
  children,
  ...(collapsed ? { collapsed } : {}),
});

describe('folds', () => {
  // A fold at the top, one inside an open branch, and one inside a folded branch.
  const model: MindMapModel = {
    title: 'Vụ án',
    roots: [
      t('Vụ án', [
        t('Bị can', [t('Lời khai', [t('Ngày 1')], true)]),
        t('Bị hại', [t('Trần Thị B', [t('Thương tích')], true)], true),
        t('Vật chứng', [t('Con dao')]),
      ]),
    ],
    relationships: [],
  };

  it('travel through every format', () => {
    for (const [name, data] of [
      ['x.opml', bytes(exportOpml(model))],
      ['x.md', bytes(exportMarkdown(model))],
      ['x.mm', bytes(exportFreeMind(model))],
      ['x.xmind', exportXMind(model)],
    ] as const)
      expect(folds(importMindMap(name, data).roots), name).toEqual(folds(model.roots));
  });

  it('are OPML expansionState lines and markmap fold comments', () => {
    // Lines as shown: 1 Vụ án, 2 Bị can, 3 Lời khai, 4 Bị hại, 5 Vật chứng.
    expect(exportOpml(model)).toContain('<expansionState>1,2,5</expansionState>');
    expect(folds(readWithMarkmap(exportMarkdown(model)))).toEqual(folds(model.roots));
  });

  it('reads expansionState of a real OPML file', () => {
    const states = importMindMap('states.opml', interopFixture('opml-states.opml'));
    // "1,4": the United States and the fourth line as shown (its third region) are open.
    const us = states.roots[0]!;
    expect(us.collapsed).toBeUndefined();
    expect(us.children.map((c) => !!c.collapsed)).toEqual(us.children.map((_, i) => i !== 2));
  });
});
