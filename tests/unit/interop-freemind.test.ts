import { describe, expect, it } from 'vitest';
import {
  exportFreeMind,
  importMindMap,
  type MapTopic,
  type MindMapModel,
} from '../../src/core/index.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const topic = (label: string, ref: string, children: MapTopic[] = []): MapTopic => ({
  label,
  ref,
  children,
});
const labelOf = (model: MindMapModel, ref: string): string | undefined => {
  const stack = [...model.roots];
  while (stack.length) {
    const t = stack.pop()!;
    if (t.ref === ref) return t.label;
    stack.push(...t.children);
  }
  return undefined;
};
/** Relationships as "from → to: label" by the labels of their ends. */
const arrows = (model: MindMapModel) =>
  model.relationships
    .map((r) => `${labelOf(model, r.from)} → ${labelOf(model, r.to)}: ${r.label ?? ''}`)
    .sort();

describe('FreeMind / Freeplane .mm export', () => {
  it('keeps every relationship of a map with several root topics', () => {
    const model: MindMapModel = {
      title: 'Sơ đồ',
      roots: [
        topic('Vụ án', 'r', [topic('Bị can', 'a'), topic('Con dao', 'b')]),
        topic('Nhân chứng', 'w', [topic('Lời khai', 'l')]),
      ],
      relationships: [
        { from: 'a', to: 'b', label: 'cầm' },
        { from: 'l', to: 'a', label: 'nhận dạng' },
      ],
    };
    const back = importMindMap('x.mm', bytes(exportFreeMind(model)));
    expect(arrows(back)).toEqual(arrows(model));
  });
});

describe('what Freeplane reads from CaseBoard', () => {
  it('is a Freeplane map, not a FreeMind one that Freeplane warns about', () => {
    const mm = exportFreeMind({ roots: [topic('Vụ án', 'r')], relationships: [] });
    expect(mm.startsWith('<map version="freeplane 1.7.0">')).toBe(true);
    expect(mm).not.toContain('version="1.0.1"');
  });

  it('keeps a label that is literally <html> as text', () => {
    const labels = ['<html>', '<HTML><b>đậm</b></HTML>', ' <html lang="vi">\nhai dòng'];
    const model: MindMapModel = {
      roots: [
        topic(
          'Vụ án',
          'r',
          labels.map((l, i) => topic(l, `c${i}`)),
        ),
      ],
      relationships: [],
    };
    const mm = exportFreeMind(model);
    expect(mm).not.toMatch(/TEXT="\s*&lt;html/i);
    const back = importMindMap('x.mm', bytes(mm));
    expect(back.roots[0]!.children.map((c) => c.label)).toEqual(labels.map((l) => l.trim()));
    // A Freeplane file with such a TEXT reads it as the text it is.
    const file = '<map version="freeplane 1.7.0"><node TEXT="&lt;html&gt;" ID="a"/></map>';
    expect(importMindMap('y.mm', bytes(file)).roots[0]!.label).toBe('<html>');
  });
});
