import * as Y from 'yjs';
import { isRecord, type YRecord } from './doc.ts';
import { notesOf } from './notes.ts';

/**
 * What a reviewer may change: review notes and nothing else (docs/review.md, "The reviewer role").
 * The server applies a reviewer's update to its scratch copy of the case and hands the transaction
 * here before observers run (`beforeObserverCalls`, while deleted items still know their parents):
 * every changed type and every deleted item must sit under the `notes` map, new notes and replies
 * must be the reviewer's own, and in a colleague's note only its state may change (resolve,
 * reopen). Anything else is a problem, and the server refuses the whole update.
 */

/** Fields of any note a reviewer may set: resolving and reopening. */
const STATE_FIELDS = new Set(['state', 'resolvedBy', 'resolvedByName', 'resolvedAt']);
/** Fields of their own note or reply a reviewer may change besides those. */
const OWN_FIELDS = new Set(['text', 'mentions', 'anchor', 'authorName']);

const authorOf = (record: unknown): string | undefined =>
  isRecord(record) && typeof record.get('author') === 'string'
    ? (record.get('author') as string)
    : undefined;

/** The root name of a type and the keys from it down to the type (null for a list position). */
function pathOf(type: Y.AbstractType<unknown>, roots: Map<unknown, string>) {
  const chain: Array<string | null> = [];
  let t = type;
  while (t._item) {
    chain.unshift(t._item.parentSub);
    t = t._item.parent as Y.AbstractType<unknown>;
  }
  return { root: roots.get(t) ?? null, chain };
}

/** A new note or reply written whole: it and every reply in it are the reviewer's. */
function ownWhole(record: unknown, userId: string): boolean {
  if (record === undefined) return true;
  if (authorOf(record) !== userId) return false;
  const replies = isRecord(record) ? record.get('replies') : undefined;
  if (!isRecord(replies)) return true;
  let own = true;
  replies.forEach((reply) => {
    if (authorOf(reply) !== userId) own = false;
  });
  return own;
}

/**
 * The reasons a reviewer's transaction may not stand, empty when it only writes the reviewer's own
 * notes and replies or the state of any note. `before` is the document as it was before the
 * update (the room's), `tr` the transaction applying it to a copy.
 * @example
 * scratch.on('beforeObserverCalls', (tr) => problems.push(...reviewerProblems(tr, roomDoc, userId)));
 */
export function reviewerProblems(tr: Y.Transaction, before: Y.Doc, userId: string): string[] {
  const problems: string[] = [];
  // Roots as the update left them, and as typed by `notesOf`: reading `notes` as a map makes a new
  // root object, and the items below it then point to that one.
  const roots = new Map<unknown, string>();
  tr.doc.share.forEach((type, name) => roots.set(type, name));
  const beforeNotes = notesOf(before);
  const afterNotes = notesOf(tr.doc);
  tr.doc.share.forEach((type, name) => roots.set(type, name));
  const noteBefore = (id: string): YRecord | undefined => {
    const v = beforeNotes.get(id);
    return isRecord(v) ? v : undefined;
  };

  tr.changed.forEach((keys, type) => {
    const { root, chain } = pathOf(type as Y.AbstractType<unknown>, roots);
    const where = [root ?? '?', ...chain].join('/');
    if (root !== 'notes') {
      problems.push(`${where}: outside the notes`);
      return;
    }
    if (chain.includes(null)) {
      problems.push(`${where}: a list inside a note`);
      return;
    }
    const [noteId, field, replyId, extra] = chain as string[];
    for (const key of keys) {
      if (key === null) {
        problems.push(`${where}: not a map`);
        continue;
      }
      if (noteId === undefined) {
        // A note added, replaced or deleted: the reviewer's own, before and after.
        if (!ownWhole(noteBefore(key), userId) || !ownWhole(afterNotes.get(key), userId))
          problems.push(`notes/${key}: a note of someone else`);
        continue;
      }
      const own = authorOf(noteBefore(noteId)) === userId;
      if (field === undefined) {
        if (!STATE_FIELDS.has(key) && !(own && OWN_FIELDS.has(key)))
          problems.push(`notes/${noteId}.${key}: not the state of a note`);
        continue;
      }
      if (field !== 'replies' || extra !== undefined) {
        problems.push(`${where}.${key}: inside a note`);
        continue;
      }
      const repliesBefore = noteBefore(noteId)?.get('replies');
      const replyBefore = (id: string) =>
        isRecord(repliesBefore) ? repliesBefore.get(id) : undefined;
      if (replyId === undefined) {
        const repliesAfter = isRecord(afterNotes.get(noteId))
          ? (afterNotes.get(noteId) as YRecord).get('replies')
          : undefined;
        const after = isRecord(repliesAfter) ? repliesAfter.get(key) : undefined;
        if (!ownWhole(replyBefore(key), userId) || !ownWhole(after, userId))
          problems.push(`notes/${noteId}/replies/${key}: a reply of someone else`);
      } else if (authorOf(replyBefore(replyId)) !== userId || !OWN_FIELDS.has(key))
        problems.push(`${where}.${key}: a reply of someone else`);
    }
  });

  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item)) return;
    const parent = struct.parent;
    if (!(parent instanceof Y.AbstractType)) return;
    const { root } = pathOf(parent as Y.AbstractType<unknown>, roots);
    if (root !== 'notes') problems.push(`${root ?? '?'}: a deletion outside the notes`);
  });
  return [...new Set(problems)];
}
