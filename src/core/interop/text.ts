import { parseOutline } from '../outline.ts';
import {
  cleanText,
  IMPORT_LIMITS,
  ImportError,
  importer,
  TreeGuard,
  type MapTopic,
  type MindMapModel,
} from './model.ts';

/**
 * Markdown (headings, and lists under them, nested by indentation) and indented plain text. A
 * document with one top heading becomes one map under it.
 */
export const importMarkdown = importer('Markdown', (bytes: Uint8Array): MindMapModel => {
  const text = decodeText(bytes);
  if (!/^\s{0,3}#{1,6}\s/m.test(text)) return importPlainText(bytes);
  const guard = new TreeGuard();
  const roots: MapTopic[] = [];
  // The open topic at each level: headings by their #s, list items below the last heading.
  const open: MapTopic[] = [];
  let headingLevel = 0;
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim()) continue;
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    const item = /^([ \t]*)(?:[-*+]|\d+[.)])\s+(.*)$/.exec(raw);
    let level: number;
    let label: string;
    if (heading) {
      level = heading[1]!.length - 1;
      headingLevel = level + 1;
      label = heading[2]!;
    } else if (item) {
      const indent = [...item[1]!].reduce((n, ch) => n + (ch === '\t' ? 4 : 1), 0);
      level = headingLevel + Math.floor(indent / 2);
      label = item[2]!;
    } else {
      // A paragraph: the note of the topic it follows.
      const last = open.at(-1);
      const line = unescapeMarkdown(raw.trim());
      if (last) last.note = last.note ? `${last.note}\n${line}` : line;
      continue;
    }
    level = Math.min(level, open.length);
    guard.check(level);
    const topic: MapTopic = { label: cleanText(unescapeMarkdown(label)), children: [] };
    open.length = level;
    if (level === 0) roots.push(topic);
    else open[level - 1]!.children.push(topic);
    open.push(topic);
  }
  if (roots.length === 0) throw new ImportError('empty');
  return { title: roots[0]!.label, roots, relationships: [] };
});

/** Lines indented by tabs or spaces (or as a list) become a tree by their indentation. */
export const importPlainText = importer('text', (bytes: Uint8Array): MindMapModel => {
  const forest = parseOutline(decodeText(bytes));
  const guard = new TreeGuard();
  const convert = (nodes: ReturnType<typeof parseOutline>, depth: number): MapTopic[] =>
    nodes.map((n) => {
      guard.check(depth);
      return { label: cleanText(n.label), children: convert(n.children, depth + 1) };
    });
  const roots = convert(forest, 0);
  if (roots.length === 0) throw new ImportError('empty');
  return { title: roots[0]!.label, roots, relationships: [] };
});

/** Markdown text to plain text: emphasis marks dropped, backslash escapes undone. */
function unescapeMarkdown(text: string): string {
  return text.replace(/(?<!\\)(\*\*|__|`)/g, '').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function decodeText(bytes: Uint8Array): string {
  if (bytes.length > IMPORT_LIMITS.bytes)
    throw new ImportError('tooLarge', { limit: IMPORT_LIMITS.bytes / 1024 / 1024 });
  try {
    return new TextDecoder('utf-8', { fatal: true })
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .normalize('NFC');
  } catch {
    // Not UTF-8: old Windows files in Vietnamese are most often Windows-1258.
    return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  }
}
