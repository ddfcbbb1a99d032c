import type * as Y from 'yjs';
import { eachRecord, isRecord, type YRecord } from './doc.ts';

/**
 * Review notes ("ý kiến chỉ đạo", issue 24): what a note is pinned to, and the queries that read
 * notes from the document. The commands that write them are in commands/notes.ts; the layout is in
 * docs/document-model.md ("Review notes") and docs/review.md.
 */

/** Longest note or reply text, in characters (after NFC). */
export const NOTE_TEXT_MAX = 5000;
/** Most people one note or reply mentions. */
export const NOTE_MENTIONS_MAX = 50;
/** Most replies in one thread. */
export const NOTE_REPLIES_MAX = 500;

export const NOTE_STATES = ['open', 'resolved', 'reopened'] as const;
export type NoteState = (typeof NOTE_STATES)[number];

/**
 * What a note is pinned to. `node` covers every board's nodes: mind-map topics, chart nodes, scene
 * objects and markers, timeline items (their event's id); `edge` a link of a chart; `page` a region
 * of a case-file page, in fractions of the page (as marks are).
 */
export type NoteAnchor =
  | { kind: 'case' }
  | { kind: 'node'; board: string; node: string }
  | { kind: 'edge'; board: string; edge: string }
  | { kind: 'slide'; slide: string }
  | { kind: 'page'; file: string; page: number; x: number; y: number; w: number; h: number };

export interface NoteReply {
  id: string;
  author: string;
  authorName: string;
  createdAt: string;
  text: string;
  mentions: string[];
}

export interface Note extends Omit<NoteReply, never> {
  anchor: NoteAnchor;
  state: NoteState;
  resolvedBy?: string;
  resolvedByName?: string;
  resolvedAt?: string;
  replies: NoteReply[];
}

export const notesOf = (doc: Y.Doc): YRecord => doc.getMap('notes');

/**
 * The key that names an anchor: every note pinned to the same thing has the same key, so the
 * badges look their count up by it.
 * @example anchorKey({ kind: 'node', board: 'b1', node: 'n1' }) // 'node:b1/n1'
 */
export function anchorKey(anchor: NoteAnchor): string {
  switch (anchor.kind) {
    case 'case':
      return 'case';
    case 'node':
      return `node:${anchor.board}/${anchor.node}`;
    case 'edge':
      return `edge:${anchor.board}/${anchor.edge}`;
    case 'slide':
      return `slide:${anchor.slide}`;
    case 'page':
      return `page:${anchor.file}/${anchor.page}`;
  }
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 128;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** `value` as an anchor, or null when it is not one (a reader skips such a note). */
export function readAnchor(value: unknown): NoteAnchor | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const a = value as Record<string, unknown>;
  switch (a.kind) {
    case 'case':
      return { kind: 'case' };
    case 'node':
      return str(a.board) && str(a.node) ? { kind: 'node', board: a.board, node: a.node } : null;
    case 'edge':
      return str(a.board) && str(a.edge) ? { kind: 'edge', board: a.board, edge: a.edge } : null;
    case 'slide':
      return str(a.slide) ? { kind: 'slide', slide: a.slide } : null;
    case 'page':
      return str(a.file) && num(a.page) && num(a.x) && num(a.y) && num(a.w) && num(a.h)
        ? { kind: 'page', file: a.file, page: a.page, x: a.x, y: a.y, w: a.w, h: a.h }
        : null;
    default:
      return null;
  }
}

const textOf = (r: YRecord, key: string) => {
  const v = r.get(key);
  return typeof v === 'string' ? v : '';
};
const mentionsOf = (r: YRecord) => {
  const v = r.get('mentions');
  return Array.isArray(v) ? v.filter((m): m is string => typeof m === 'string') : [];
};

function readReply(r: YRecord, id: string): NoteReply {
  return {
    id,
    author: textOf(r, 'author'),
    authorName: textOf(r, 'authorName'),
    createdAt: textOf(r, 'createdAt'),
    text: textOf(r, 'text'),
    mentions: mentionsOf(r),
  };
}

/** One note as stored under `id`, or null when it is not a readable note. */
export function readNote(record: unknown, id: string): Note | null {
  if (!isRecord(record)) return null;
  const anchor = readAnchor(record.get('anchor'));
  if (!anchor) return null;
  const state = record.get('state');
  const replies: NoteReply[] = [];
  eachRecord(record.get('replies'), (r, replyId) => replies.push(readReply(r, replyId)));
  replies.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const note: Note = {
    ...readReply(record, id),
    anchor,
    state: (NOTE_STATES as readonly unknown[]).includes(state) ? (state as NoteState) : 'open',
    replies,
  };
  for (const key of ['resolvedBy', 'resolvedByName', 'resolvedAt'] as const) {
    const v = record.get(key);
    if (typeof v === 'string') note[key] = v;
  }
  return note;
}

/**
 * Every readable note of the case, oldest first.
 * @example listNotes(doc).filter(isOpen).length // open notes of the case
 */
export function listNotes(doc: Y.Doc): Note[] {
  const out: Note[] = [];
  eachRecord(notesOf(doc), (record, id) => {
    const note = readNote(record, id);
    if (note) out.push(note);
  });
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Open and reopened notes are open; resolved ones are not. */
export const isOpen = (note: Pick<Note, 'state'>): boolean => note.state !== 'resolved';

/**
 * The number of open notes on each anchor, by `anchorKey`: computed once per change of `notes`,
 * so a badge reads its count with one lookup.
 * @example openNoteCounts(doc).get('node:b1/n1') // 2
 */
export function openNoteCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  eachRecord(notesOf(doc), (record) => {
    const state = record.get('state');
    if (state === 'resolved') return;
    const anchor = readAnchor(record.get('anchor'));
    if (!anchor) return;
    const key = anchorKey(anchor);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return counts;
}

/** Whether a note or one of its replies mentions `userId`. */
export function mentionsUser(note: Note, userId: string): boolean {
  return note.mentions.includes(userId) || note.replies.some((r) => r.mentions.includes(userId));
}
