import type * as Y from 'yjs';
import { isRecord } from '../../src/core/doc.ts';
import { anchorKey, notesOf, readAnchor } from '../../src/core/notes.ts';
import type { RoomHook } from '../sync/hooks/types.ts';

type Record_ = (
  actor: string,
  action: string,
  caseId: string,
  detail: Record<string, unknown>,
) => void;

const excerpt = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');

/**
 * The review notes hook: each note written, replied to, resolved or reopened through a socket is
 * one entry of the audit trail (`note.created`, `note.replied`, `note.resolved`, `note.reopened`),
 * with the person, the note and where it is pinned, besides the per-minute `edit` summary.
 */
export function notesAuditHook(record: Record_): RoomHook {
  return {
    afterTransaction(room, tr, author) {
      if (author === null) return;
      const notes = notesOf(room.doc);
      tr.changed.forEach((keys, type) => {
        const t = type as Y.AbstractType<unknown>;
        // The notes map itself: notes added (or deleted).
        if (t === notes) {
          for (const key of keys) {
            const note = key === null ? undefined : notes.get(key);
            if (!isRecord(note)) continue;
            const anchor = readAnchor(note.get('anchor'));
            record(author, 'note.created', room.caseId, {
              note: key,
              anchor: anchor ? anchorKey(anchor) : '',
              text: excerpt(note.get('text')),
            });
          }
          return;
        }
        const parent = t._item?.parent as Y.AbstractType<unknown> | undefined;
        // A note's replies: replies added.
        if (parent && parent._item?.parent === notes && t._item?.parentSub === 'replies') {
          const noteId = parent._item.parentSub!;
          for (const key of keys) {
            const reply = key === null ? undefined : (t as Y.Map<unknown>).get(key);
            if (isRecord(reply))
              record(author, 'note.replied', room.caseId, {
                note: noteId,
                reply: key,
                text: excerpt(reply.get('text')),
              });
          }
          return;
        }
        // A note's own fields: its state.
        if (parent === notes && keys.has('state')) {
          const state = (t as Y.Map<unknown>).get('state');
          if (state === 'resolved' || state === 'reopened')
            record(author, `note.${state}`, room.caseId, { note: t._item!.parentSub });
        }
      });
    },
  };
}
