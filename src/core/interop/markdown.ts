import {
  cleanNote,
  cleanPlain,
  ImportError,
  importer,
  TreeGuard,
  type MapTopic,
  type MindMapModel,
} from './model.ts';
import { decodeText, importPlainText } from './text.ts';

/**
 * Markdown both ways: topics to level 6 as ATX headings, deeper ones as nested list items, notes as
 * paragraphs after their topic. Whatever CommonMark would read as structure (a note line "- …",
 * "1. …", "# …", "===", a "#" closing a heading, `~~`) is backslash-escaped, so CaseBoard and
 * CommonMark readers such as markmap read back the tree that was written.
 */

/** Heading levels Markdown has; deeper topics are list items. */
const HEADINGS = 6;

/**
 * Text as Markdown shows it: characters that would start HTML, an entity, a link, emphasis, a
 * strikethrough or a heading's closing sequence are backslash-escaped (CommonMark), so a label like
 * `<img onerror=…>` stays text in any renderer. `importMarkdown` undoes it.
 */
export const escapeMarkdown = (s: string) => s.replace(/[\\<>&[\]`*_#~|]/g, (c) => `\\${c}`);

/** One line escaped, with what would open a block at its start (a list, a heading, a rule) too. */
function escapeLine(line: string): string {
  return escapeMarkdown(line)
    .replace(/^([ \t]*)([-+=])/, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/, '$1\\$2');
}

/** A label on one Markdown line: line breaks inside it become `<br>` (escaped `<` stays text). */
const labelLine = (label: string) => label.split('\n').map(escapeLine).join('<br>');

/**
 * The note's lines, each ending in a hard break (a trailing backslash) so readers keep the line
 * breaks; a blank line stays a paragraph break. `indent` keeps them inside a list item.
 */
function noteLines(note: string, indent: string): string[] {
  const paragraphs = note.split(/\n[ \t]*\n/).map((p) =>
    p
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );
  const out: string[] = [];
  for (const lines of paragraphs.filter((p) => p.length > 0)) {
    out.push('');
    lines.forEach((line, i) =>
      out.push(`${indent}${escapeLine(line)}${i < lines.length - 1 ? '\\' : ''}`),
    );
  }
  out.push('');
  return out;
}

/**
 * A map as Markdown (CommonMark): headings to level 6, deeper topics as list items two spaces per
 * level, notes as paragraphs (inside the list item they belong to), folded branches marked with
 * markmap's `<!-- markmap: fold -->`.
 * @example exportMarkdown({ roots: [{ label: 'Vụ án', children: [] }], relationships: [] }) // '# Vụ án\n'
 */
export function exportMarkdown(model: MindMapModel): string {
  const lines: string[] = [];
  const walk = (topic: MapTopic, depth: number) => {
    // markmap's own comment for a folded branch.
    const fold = topic.collapsed && topic.children.length > 0 ? ` ${FOLD_COMMENT}` : '';
    const label = labelLine(topic.label) + fold;
    if (depth < HEADINGS) {
      lines.push(`${'#'.repeat(depth + 1)} ${label}`.trimEnd());
      if (topic.note) lines.push(...noteLines(topic.note, ''));
    } else {
      const pad = '  '.repeat(depth - HEADINGS);
      lines.push(`${pad}- ${label}`.trimEnd());
      if (topic.note) lines.push(...noteLines(topic.note, `${pad}  `));
    }
    for (const c of topic.children) walk(c, depth + 1);
  };
  for (const root of model.roots) walk(root, 0);
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+/, '') + '\n'
  );
}

const FOLD_COMMENT = '<!-- markmap: fold -->';
const FOLD = /\s*<!--\s*markmap:\s*fold(?:All)?\s*-->\s*$/;

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Markdown (headings, and lists under them, nested by indentation; paragraphs as notes of the topic
 * before them) and indented plain text. A document with one top heading becomes one map under it.
 */
export const importMarkdown = importer('Markdown', (bytes: Uint8Array): MindMapModel => {
  const text = decodeText(bytes);
  if (!/^ {0,3}#{1,6}(\s|$)/m.test(text)) return importPlainText(bytes);
  const guard = new TreeGuard();
  const roots: MapTopic[] = [];
  // The open topic at each level: headings by their #s, list items below the last heading.
  const open: MapTopic[] = [];
  let headingLevel = 0;
  let fence: string | null = null;
  let blank = false;
  const addNote = (line: string) => {
    const last = open.at(-1);
    if (!last) return;
    last.note = last.note ? `${last.note}${blank ? '\n\n' : '\n'}${line}` : line;
    blank = false;
  };
  for (const raw of text.split(/\r?\n/)) {
    if (fence !== null) {
      // A fenced block is text of the note it is in, never structure.
      if (raw.trim().startsWith(fence)) fence = null;
      else addNote(raw.trimEnd());
      continue;
    }
    if (!raw.trim()) {
      blank = true;
      continue;
    }
    const opening = FENCE.exec(raw);
    if (opening) {
      fence = opening[1]!;
      continue;
    }
    const heading = HEADING.exec(raw);
    const item = heading ? null : ITEM.exec(raw);
    let level: number;
    let label: string;
    if (heading) {
      level = heading[1]!.length - 1;
      headingLevel = level + 1;
      label = heading[2] ?? '';
    } else if (item) {
      const indent = [...item[1]!].reduce((n, ch) => n + (ch === '\t' ? 4 : 1), 0);
      level = headingLevel + Math.floor(indent / 2);
      label = item[2] ?? '';
    } else {
      // A paragraph line: the note of the topic it follows (a hard break's backslash dropped).
      addNote(unescapeMarkdown(raw.trim().replace(/(?<!\\)((?:\\\\)*)\\$/, '$1')));
      continue;
    }
    blank = false;
    level = Math.min(level, open.length);
    guard.check(level);
    const folded = FOLD.test(label);
    const topic: MapTopic = {
      label: cleanPlain(unescapeMarkdown(label.replace(FOLD, ''), true)),
      children: [],
    };
    if (folded) topic.collapsed = true;
    open.length = level;
    if (level === 0) roots.push(topic);
    else open[level - 1]!.children.push(topic);
    open.push(topic);
  }
  if (roots.length === 0) throw new ImportError('empty');
  const tidy = (topic: MapTopic) => {
    if (topic.collapsed && topic.children.length === 0) delete topic.collapsed;
    if (topic.note !== undefined) {
      const note = cleanNote(topic.note);
      if (note) topic.note = note;
      else delete topic.note;
    }
    topic.children.forEach(tidy);
  };
  roots.forEach(tidy);
  return { title: roots[0]!.label, roots, relationships: [] };
});

/**
 * Markdown text to plain text: emphasis marks dropped, backslash escapes undone; in a label, an
 * unescaped `<br>` is a line break.
 */
function unescapeMarkdown(text: string, label = false): string {
  const breaks = label ? text.replace(/(?<!\\)<br\s*\/?>/gi, '\n') : text;
  return breaks.replace(/(?<!\\)(\*\*|__|`|~~)/g, '').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
