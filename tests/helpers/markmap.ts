import { Transformer } from 'markmap-lib';
import type { MapTopic } from '../../src/core/index.ts';

/**
 * What markmap (markmap-lib's Markdown transformer, a third-party CommonMark reader) makes of a
 * Markdown file, as topics: headings and list items with their labels as plain text (`<br>` as a
 * line break); paragraphs under a heading are not topics in markmap, a list item's further
 * paragraphs are its note.
 */
export function readWithMarkmap(markdown: string): MapTopic[] {
  const { root } = new Transformer().transform(markdown);
  const text = (html: string) =>
    html
      .replace(/<br>\n?/g, '\n')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#([0-9]+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&amp;/g, '&')
      .trim();
  type Node = { content: string; children?: Node[]; payload?: { tag?: string; fold?: number } };
  const convert = (node: Node): MapTopic => {
    const paragraphs = [...node.content.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
    const label = paragraphs.length > 0 ? paragraphs[0]! : node.content;
    const topic: MapTopic = { label: text(label), children: (node.children ?? []).map(convert) };
    if (paragraphs.length > 1) topic.note = paragraphs.slice(1).map(text).join('\n\n');
    if (node.payload?.fold) topic.collapsed = true;
    return topic;
  };
  // A file with one top heading is that heading; several hang under an empty root.
  const top = root as Node;
  return top.payload?.tag ? [convert(top)] : (top.children ?? []).map(convert);
}
