import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { replyToNote, setNoteState, type NoteAuthor } from '../core/commands/notes.ts';
import { isOpen, type Note } from '../core/notes.ts';
import { formatDateTime } from '../ui/dates.ts';
import { NoteComposer, type Mentionable } from './NoteComposer.tsx';
import type { AnchorName } from './anchorName.ts';

/** Whether a command ran; its error is shown by the panel. */
export type RunNote = (write: () => void) => boolean;

/**
 * One note's thread: the note, who it mentions, its replies, a reply box, and resolve or reopen
 * (for everyone who may write notes).
 */
export function NoteThread({
  doc,
  origin,
  note,
  where,
  me,
  members,
  canWrite,
  lang,
  run,
  onGoTo,
}: {
  doc: Y.Doc;
  origin: unknown;
  note: Note;
  where: AnchorName;
  me: NoteAuthor;
  members: readonly Mentionable[];
  canWrite: boolean;
  lang: 'vi' | 'en';
  run: RunNote;
  onGoTo(): void;
}) {
  const { t } = useTranslation('review');
  const nameOf = (id: string) => members.find((m) => m.id === id)?.displayName ?? id;
  const mentions = [...new Set([...note.mentions, ...note.replies.flatMap((r) => r.mentions)])];
  return (
    <article
      className={`note-thread${isOpen(note) ? '' : ' is-resolved'}`}
      data-testid="note-thread"
      data-state={note.state}
    >
      <button type="button" className="note-thread__where" onClick={onGoTo} title={t('goTo')}>
        {where.board ? `${where.board} · ` : ''}
        {where.item}
      </button>
      <Entry author={note.authorName} at={note.createdAt} text={note.text} lang={lang} />
      {mentions.length > 0 && (
        <p className="note-thread__mentions" data-testid="note-mentions">
          {t('mentions', { names: mentions.map(nameOf).join(', ') })}
        </p>
      )}
      {note.replies.map((r) => (
        <Entry key={r.id} author={r.authorName} at={r.createdAt} text={r.text} lang={lang} reply />
      ))}
      {note.state === 'resolved' && (
        <p className="note-thread__state" data-testid="note-resolved">
          {t('resolvedBy', {
            name: note.resolvedByName ?? '',
            time: note.resolvedAt ? formatDateTime(note.resolvedAt, lang) : '',
          })}
        </p>
      )}
      {note.state === 'reopened' && <p className="note-thread__state">{t('reopened')}</p>}
      {canWrite && (
        <>
          <NoteComposer
            members={members}
            placeholder={t('replyPlaceholder')}
            submitLabel={t('reply')}
            onSubmit={(text, mentions) =>
              run(() => replyToNote(doc, { note: note.id, text, author: me, mentions }, origin))
            }
          />
          <div className="note-thread__actions">
            <button
              type="button"
              onClick={() =>
                run(() =>
                  setNoteState(
                    doc,
                    { note: note.id, state: isOpen(note) ? 'resolved' : 'reopened', by: me },
                    origin,
                  ),
                )
              }
              data-testid={isOpen(note) ? 'note-resolve' : 'note-reopen'}
            >
              {isOpen(note) ? t('resolve') : t('reopen')}
            </button>
          </div>
        </>
      )}
    </article>
  );
}

function Entry({
  author,
  at,
  text,
  lang,
  reply,
}: {
  author: string;
  at: string;
  text: string;
  lang: 'vi' | 'en';
  reply?: boolean;
}) {
  return (
    <div className={`note-entry${reply ? ' note-entry--reply' : ''}`} data-testid="note-entry">
      <p className="note-entry__who">
        <strong>{author}</strong> · {formatDateTime(at, lang)}
      </p>
      <p className="note-entry__text">{text}</p>
    </div>
  );
}
