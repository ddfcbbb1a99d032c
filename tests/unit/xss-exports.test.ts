/**
 * Script and markup in what people type stay text in every mind-map export: the XML formats escape
 * them, Markdown backslash-escapes them, and each export imports back to exactly the same text.
 */
import { describe, expect, it } from 'vitest';
import {
  exportFreeMind,
  exportMarkdown,
  exportOpml,
  exportXMind,
  importFreeMind,
  importMarkdown,
  importOpml,
  importXMind,
  type MapTopic,
  type MindMapModel,
} from '../../src/core/index.ts';
import { PAYLOADS } from '../helpers/payloads.ts';

const model: MindMapModel = {
  title: PAYLOADS[0],
  roots: [
    {
      label: 'Vụ án <script>alert(1)</script>',
      note: PAYLOADS.join('\n'),
      children: PAYLOADS.map((label, i) => ({
        label,
        note: PAYLOADS[(i + 1) % PAYLOADS.length],
        children: [],
      })),
    },
  ],
  relationships: [],
};

const texts = (topics: MapTopic[]): string[] =>
  topics.flatMap((t) => [t.label, t.note ?? '', ...texts(t.children)]);
const expected = texts(model.roots);
const bytes = (s: string) => new TextEncoder().encode(s);

describe('payloads in exports', () => {
  it('OPML and FreeMind escape every payload and read it back unchanged', () => {
    for (const [name, xml, read] of [
      ['OPML', exportOpml(model), importOpml],
      ['FreeMind', exportFreeMind(model), importFreeMind],
    ] as const) {
      // No markup from a label survives as markup: every < of a payload is escaped.
      expect(xml, name).not.toMatch(/<(script|img|svg|iframe|b)\b/i);
      expect(xml, name).not.toContain(']]>');
      expect(texts(read(bytes(xml)).roots), name).toEqual(expected);
    }
  });

  it('Markdown backslash-escapes markup, links and emphasis, and reads it back unchanged', () => {
    const md = exportMarkdown(model);
    expect(md).not.toMatch(/(?<!\\)<[a-z/!]/i);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).not.toMatch(/(?<!\\)&lt;/);
    expect(texts(importMarkdown(bytes(md)).roots)).toEqual(expected);
  });

  it('XMind keeps payloads as JSON strings and reads them back unchanged', () => {
    expect(texts(importXMind(exportXMind(model)).roots)).toEqual(expected);
  });
});
