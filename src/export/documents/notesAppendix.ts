import type * as Y from 'yjs';
import type { CaseMeta } from '../../core/doc.ts';
import { anchorParts } from '../../core/noteAnchors.ts';
import { isOpen, listNotes, type Note } from '../../core/notes.ts';
import { wrapText } from '../../render/metrics.ts';
import type { Picture, Shape } from '../../render/picture.ts';
import { markingHeight, markingShapes } from './chrome.ts';
import { exportTexts, markingWord } from './texts.ts';

/**
 * The appendix of review notes an export carries only when the person asks for it ("Kèm ý kiến",
 * docs/review.md): every note pinned to the board (its topics, nodes, objects, links) with where
 * it is, who wrote it and when, its state and its replies. Without the option no export holds a
 * word of a note.
 */

const WORDS = {
  vi: {
    title: 'Phụ lục: Ý kiến',
    open: 'Chưa giải quyết',
    resolved: 'Đã giải quyết',
    reply: 'Trả lời',
    deleted: '(đã xoá)',
    link: 'liên kết',
    none: 'Sơ đồ không có ý kiến nào.',
  },
  en: {
    title: 'Appendix: notes',
    open: 'Open',
    resolved: 'Resolved',
    reply: 'Reply',
    deleted: '(deleted)',
    link: 'link',
    none: 'The board has no notes.',
  },
};

const SIZE = 10;
const LEAD = 14;

/** The notes pinned to a board's nodes and links, oldest first. */
export function boardNotes(doc: Y.Doc, boardId: string): Note[] {
  return listNotes(doc).filter(
    (n) => (n.anchor.kind === 'node' || n.anchor.kind === 'edge') && n.anchor.board === boardId,
  );
}

function where(doc: Y.Doc, note: Note, words: (typeof WORDS)['vi']): string {
  const parts = anchorParts(doc, note.anchor);
  if (parts.item) return parts.item;
  if (parts.ends) return `${words.link} ${parts.ends[0]} → ${parts.ends[1]}`;
  return words.deleted;
}

/**
 * The appendix's pages for a board, on paper of `width` × `height` points, with the case's
 * marking top and bottom; none when the board has no notes.
 * @example const pages = notesAppendix(doc, boardId, meta, 'vi', 842, 595, 36)
 */
export function notesAppendix(
  doc: Y.Doc,
  boardId: string,
  meta: CaseMeta,
  language: string,
  width: number,
  height: number,
  margin: number,
): Picture[] {
  const notes = boardNotes(doc, boardId);
  if (notes.length === 0) return [];
  const lang = language.startsWith('en') ? 'en' : 'vi';
  const words = WORDS[lang];
  const texts = exportTexts(language);
  const date = (iso: string) => (iso ? texts.formatDate(new Date(iso)) : '');
  const max = width - 2 * margin;
  const lines: Array<{ text: string; weight: 400 | 700; indent: number }> = [];
  notes.forEach((note, i) => {
    const state = isOpen(note) ? words.open : words.resolved;
    const head = `${i + 1}. ${where(doc, note, words)} — ${note.authorName}, ${date(note.createdAt)} · ${state}`;
    for (const text of wrapText(head, SIZE, 700, max)) lines.push({ text, weight: 700, indent: 0 });
    for (const text of wrapText(note.text, SIZE, 400, max - 12))
      lines.push({ text, weight: 400, indent: 12 });
    for (const reply of note.replies) {
      const line = `${words.reply} — ${reply.authorName}, ${date(reply.createdAt)}: ${reply.text}`;
      for (const text of wrapText(line, SIZE, 400, max - 24))
        lines.push({ text, weight: 400, indent: 24 });
    }
    lines.push({ text: '', weight: 400, indent: 0 });
  });

  const marked = markingWord(texts, meta.classification) !== null;
  const mark = markingHeight(12);
  const top = margin + (marked ? mark.above + mark.below + 8 : 0) + 30;
  const bottom = height - margin - (marked ? mark.above + mark.below + 8 : 0);
  const perPage = Math.max(1, Math.floor((bottom - top) / LEAD));
  const pages: Picture[] = [];
  for (let start = 0; start < lines.length; start += perPage) {
    const shapes: Shape[] = [];
    if (marked) {
      shapes.push(...markingShapes(meta.classification, texts, width, margin + mark.above, 12));
      shapes.push(
        ...markingShapes(meta.classification, texts, width, height - margin - mark.below, 12),
      );
    }
    shapes.push({
      kind: 'text',
      x: margin,
      y: top - 14,
      text: words.title,
      size: 14,
      weight: 700,
      fill: '#0f172a',
    });
    lines.slice(start, start + perPage).forEach((line, i) => {
      if (line.text)
        shapes.push({
          kind: 'text',
          x: margin + line.indent,
          y: top + SIZE + i * LEAD,
          text: line.text,
          size: SIZE,
          weight: line.weight,
          fill: '#1e293b',
        });
    });
    pages.push({ width, height, background: '#ffffff', shapes, title: words.title });
  }
  return pages;
}
