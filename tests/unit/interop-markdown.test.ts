import { describe, expect, it } from 'vitest';
import {
  countTopics,
  exportMarkdown,
  importMindMap,
  type MapTopic,
  type MindMapModel,
} from '../../src/core/index.ts';
import { readWithMarkmap } from '../helpers/markmap.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const topic = (label: string, children: MapTopic[] = [], note?: string): MapTopic => ({
  label,
  children,
  ...(note ? { note } : {}),
});
/** Labels, notes and shape, in a fixed key order. */
const tree = (roots: MapTopic[], notes = true): unknown =>
  roots.map((t) => ({
    label: t.label,
    ...(notes && t.note ? { note: t.note } : {}),
    children: tree(t.children, notes),
  }));
const trip = (model: MindMapModel) => importMindMap('x.md', bytes(exportMarkdown(model)));

describe('Markdown export reads back as the tree that was written', () => {
  const structural = [
    '- gạch đầu dòng',
    '+ dấu cộng',
    '1. đánh số',
    '2) đánh số',
    '# không phải đề mục',
    '###### sáu',
    '> trích',
    '===',
    '---',
    '```',
    '~~~',
    '    thụt lề',
  ].join('\n');

  it('keeps note lines that look like lists, headings, rules and fences inside the note', () => {
    const model: MindMapModel = {
      roots: [
        topic('Vụ án', [
          topic('Bị can', [topic('Lời khai')], structural),
          topic('Bị hại', [], 'Đoạn một\ndòng hai\n\nĐoạn hai sau dòng trống'),
        ]),
      ],
      relationships: [],
    };
    const back = trip(model);
    expect(countTopics(back.roots)).toBe(4);
    expect(back.roots).toHaveLength(1);
    expect(tree(back.roots)).toEqual(
      tree([
        topic('Vụ án', [
          topic('Bị can', [topic('Lời khai')], structural.replace('    thụt lề', 'thụt lề')),
          topic('Bị hại', [], 'Đoạn một\ndòng hai\n\nĐoạn hai sau dòng trống'),
        ]),
      ]),
    );
    // markmap sees the same four topics: no note line became a topic or a root.
    const markmap = readWithMarkmap(exportMarkdown(model));
    expect(tree(markmap, false)).toEqual(tree(back.roots, false));
  });

  it('keeps the children after a note on a topic at level 7 and deeper in the list', () => {
    let deepest = topic('Cấp 10', [], 'Ghi chú cấp 10\n- không phải mục');
    for (let level = 9; level >= 1; level--)
      deepest = topic(`Cấp ${level}`, [deepest, topic(`Cấp ${level + 1} b`)], `Ghi chú ${level}`);
    const model: MindMapModel = { roots: [deepest], relationships: [] };
    const back = trip(model);
    expect(tree(back.roots)).toEqual(tree(model.roots));
    expect(tree(readWithMarkmap(exportMarkdown(model)), false)).toEqual(tree(model.roots, false));
    // markmap shows a list item's note as its further paragraphs.
    const markmapDeep = readWithMarkmap(exportMarkdown(model));
    let seven = markmapDeep[0]!;
    for (let i = 0; i < 6; i++) seven = seven.children[0]!;
    expect(seven.label).toBe('Cấp 7');
    expect(seven.note).toBe('Ghi chú 7');
  });

  it('keeps labels with #, closing hashes, ~~, markup and line breaks exact', () => {
    const labels = [
      'C#',
      'Điều 173 ###',
      '~~gạch~~',
      '**đậm** _nghiêng_ `mã`',
      '<img src=x onerror=alert(1)>',
      'Dòng một\nDòng hai',
      '1. Bị can',
      '- Bị hại',
      'a | b',
      'C:\\đường\\dẫn\\',
    ];
    const deep = (label: string): MapTopic => {
      let t = topic(label);
      for (let i = 0; i < 7; i++) t = topic(`${label} ${i}`, [t]);
      return t;
    };
    const model: MindMapModel = {
      roots: [
        topic(
          'Gốc',
          labels.map((l) => deep(l)),
        ),
      ],
      relationships: [],
    };
    const back = trip(model);
    expect(tree(back.roots)).toEqual(tree(model.roots));
    expect(tree(readWithMarkmap(exportMarkdown(model)), false)).toEqual(tree(model.roots, false));
  });

  it('reads several roots back as several roots', () => {
    const model: MindMapModel = {
      roots: [topic('Vụ án', [topic('Bị can')]), topic('Chủ đề rời')],
      relationships: [],
    };
    expect(tree(trip(model).roots)).toEqual(tree(model.roots));
  });

  it('reads a fenced block in a hand-written file as note text, not topics', () => {
    const md = '# Vụ án\n\n```\n# không phải đề mục\n- không phải mục\n```\n\n## Bị can\n';
    const back = importMindMap('x.md', bytes(md));
    expect(tree(back.roots)).toEqual(
      tree([topic('Vụ án', [topic('Bị can')], '# không phải đề mục\n- không phải mục')]),
    );
  });
});
