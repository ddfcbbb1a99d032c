import * as Y from 'yjs';
import { isRecord, recordAt, type YRecord } from '../doc.ts';
import { newId } from '../ids.ts';
import {
  NOTE_MENTIONS_MAX,
  NOTE_REPLIES_MAX,
  NOTE_TEXT_MAX,
  notesOf,
  readAnchor,
  type NoteAnchor,
} from '../notes.ts';
import { normalizeText } from '../text.ts';
import { CommandError } from './boards.ts';

/**
 * The commands of review notes: add a note, reply, resolve, reopen. Each runs in one transaction
 * with the caller's origin; authors are given by the page (the signed-in person), and the server
 * checks a reviewer's are their own (server/sync/Room.ts, src/core/reviewFilter.ts).
 */

/** Who writes: the account's id and the name shown with the note. */
export interface NoteAuthor {
  id: string;
  name: string;
}

function parseText(text: string): string {
  const clean = normalizeText(text);
  if (clean.length === 0) throw new CommandError('notes.empty', 'A note needs text.');
  if (clean.length > NOTE_TEXT_MAX)
    throw new CommandError('notes.tooLong', `A note holds at most ${NOTE_TEXT_MAX} characters.`);
  return clean;
}

function parseMentions(mentions: readonly string[] | undefined): string[] {
  const unique = [...new Set(mentions ?? [])];
  if (unique.length > NOTE_MENTIONS_MAX || unique.some((m) => !m || m.length > 64))
    throw new CommandError('notes.badMentions', 'Too many or malformed mentions.');
  return unique;
}

function parseAuthor(author: NoteAuthor): NoteAuthor {
  if (!author.id || author.id.length > 64)
    throw new CommandError('notes.badAuthor', 'A note needs its author.');
  return { id: author.id, name: normalizeText(author.name).slice(0, 200) };
}

function noteAt(doc: Y.Doc, id: string): YRecord {
  const note = recordAt(notesOf(doc), id);
  if (!note) throw new CommandError('notes.notFound', 'No such note.');
  return note;
}

/**
 * Adds a note pinned to `anchor` and returns its id.
 * @example addNote(doc, { anchor: { kind: 'node', board: 'b1', node: 't1' }, text: 'Làm rõ BL 45', author: { id: 'u1', name: 'Nguyễn Văn Ấn' } }, origin)
 */
export function addNote(
  doc: Y.Doc,
  args: {
    anchor: NoteAnchor;
    text: string;
    author: NoteAuthor;
    mentions?: readonly string[];
    id?: string;
    at?: Date;
  },
  origin: unknown,
): string {
  const anchor = readAnchor(args.anchor);
  if (!anchor) throw new CommandError('notes.badAnchor', 'A note must be pinned to something.');
  const text = parseText(args.text);
  const mentions = parseMentions(args.mentions);
  const author = parseAuthor(args.author);
  const id = args.id ?? newId();
  doc.transact(() => {
    const note: YRecord = new Y.Map();
    note.set('id', id);
    note.set('anchor', { ...anchor });
    note.set('author', author.id);
    note.set('authorName', author.name);
    note.set('createdAt', (args.at ?? new Date()).toISOString());
    note.set('text', text);
    note.set('mentions', mentions);
    note.set('state', 'open');
    note.set('replies', new Y.Map());
    notesOf(doc).set(id, note);
  }, origin);
  return id;
}

/**
 * Adds a reply to a note's thread and returns its id.
 * @example replyToNote(doc, { note: id, text: 'Đã bổ sung BL 46', author }, origin)
 */
export function replyToNote(
  doc: Y.Doc,
  args: {
    note: string;
    text: string;
    author: NoteAuthor;
    mentions?: readonly string[];
    id?: string;
    at?: Date;
  },
  origin: unknown,
): string {
  const note = noteAt(doc, args.note);
  const text = parseText(args.text);
  const mentions = parseMentions(args.mentions);
  const author = parseAuthor(args.author);
  const existing = note.get('replies');
  if (isRecord(existing) && existing.size >= NOTE_REPLIES_MAX)
    throw new CommandError('notes.tooManyReplies', 'This thread is full.');
  const id = args.id ?? newId();
  doc.transact(() => {
    let replies = note.get('replies');
    if (!isRecord(replies)) {
      replies = new Y.Map();
      note.set('replies', replies);
    }
    const reply: YRecord = new Y.Map();
    reply.set('id', id);
    reply.set('author', author.id);
    reply.set('authorName', author.name);
    reply.set('createdAt', (args.at ?? new Date()).toISOString());
    reply.set('text', text);
    reply.set('mentions', mentions);
    (replies as YRecord).set(id, reply);
  }, origin);
  return id;
}

/**
 * Marks a note resolved by `by`, or opens it again (`reopened`); the resolver is kept until then.
 * @example setNoteState(doc, { note: id, state: 'resolved', by: author }, origin)
 */
export function setNoteState(
  doc: Y.Doc,
  args: { note: string; state: 'resolved' | 'reopened'; by: NoteAuthor; at?: Date },
  origin: unknown,
): void {
  const note = noteAt(doc, args.note);
  if (args.state !== 'resolved' && args.state !== 'reopened')
    throw new CommandError('notes.badState', 'Unknown note state.');
  const by = parseAuthor(args.by);
  doc.transact(() => {
    note.set('state', args.state);
    if (args.state === 'resolved') {
      note.set('resolvedBy', by.id);
      note.set('resolvedByName', by.name);
      note.set('resolvedAt', (args.at ?? new Date()).toISOString());
    } else {
      note.delete('resolvedBy');
      note.delete('resolvedByName');
      note.delete('resolvedAt');
    }
  }, origin);
}
