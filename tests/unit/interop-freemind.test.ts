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
