import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CommandError } from '../core/commands/boards.ts';
import { addNote, type NoteAuthor } from '../core/commands/notes.ts';
import type { BoardSummary } from '../core/doc.ts';
import {
  anchorKey,
  isOpen,
  listNotes,
  mentionsUser,
  notesOf,
  type Note,
  type NoteAnchor,
} from '../core/notes.ts';
import { endpoints } from '../sync/api.ts';
import { useDoc } from '../sync/useDoc.ts';
import { formatDateTime } from '../ui/dates.ts';
import { anchorName } from './anchorName.ts';
import { NoteComposer, type Mentionable } from './NoteComposer.tsx';
import { NoteThread } from './NoteThread.tsx';
import './review.css';

/** What the panel shows: every note, the threads of one item, or a new note on one. */
export type NotesView =
  | { mode: 'list' }
  | { mode: 'anchor'; anchor: NoteAnchor }
  | { mode: 'compose'; anchor: NoteAnchor };

type StateFilter = 'open' | 'resolved' | 'all';

const readNotes = (d: Y.Doc) => listNotes(d);

/**
 * The "Ý kiến" panel: the case's notes with where each is (click: go there), filtered by state,
 * author, mentioned person and board; the threads of one item (a badge's click); a new note on
 * the selected item or the case. Writing is for those who may (editors, owners, reviewers).
 */
export function NotesPanel({
  caseId,
  doc,
  origin,
  me,
  canWrite,
  lang,
  boards,
  view,
  onView,
  onGoTo,
  onClose,
}: {
  caseId: string;
  doc: Y.Doc;
  origin: unknown;
  me: NoteAuthor;
  canWrite: boolean;
  lang: 'vi' | 'en';
  boards: readonly BoardSummary[];
  view: NotesView;
  onView(view: NotesView): void;
  onGoTo(anchor: NoteAnchor): void;
  onClose(): void;
}) {
  const { t } = useTranslation('review');
  const notes = useDoc(doc, (d) => [notesOf(d)], readNotes);
  // Names of boards and items change with the document: read on every render of the panel.
  const nameOf = (anchor: NoteAnchor) => anchorName(doc, anchor, t);
  const [members, setMembers] = useState<Mentionable[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<StateFilter>('open');
  const [author, setAuthor] = useState('');
  const [mentioned, setMentioned] = useState('');
  const [board, setBoard] = useState('');

  useEffect(() => {
    let live = true;
    endpoints.members(caseId).then(
      ({ members: list }) => {
        if (live) setMembers(list.filter((m): m is Mentionable => Boolean(m.id)));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [caseId]);

  const run = (write: () => void): boolean => {
    try {
      write();
      setError(null);
      return true;
    } catch (err) {
      const code = err instanceof CommandError ? err.code.replace(/^notes\./, '') : 'failed';
      setError(t(`errors.${code}`, { defaultValue: t('errors.failed') }));
      return false;
    }
  };

  const authors = useMemo(() => {
    const byId = new Map<string, string>();
    for (const n of notes) byId.set(n.author, n.authorName);
    return [...byId];
  }, [notes]);

  const shown = notes.filter(
    (n) =>
      (state === 'all' || (state === 'open') === isOpen(n)) &&
      (!author || n.author === author) &&
      (!mentioned || mentionsUser(n, mentioned)) &&
      (!board ||
        ((n.anchor.kind === 'node' || n.anchor.kind === 'edge') && n.anchor.board === board)),
  );

  const thread = (note: Note) => (
    <NoteThread
      key={note.id}
      doc={doc}
      origin={origin}
      note={note}
      where={nameOf(note.anchor)}
      me={me}
      members={members}
      canWrite={canWrite}
      lang={lang}
      run={run}
      onGoTo={() => onGoTo(note.anchor)}
    />
  );

  return (
    <aside className="notes-panel" data-testid="notes-panel" aria-label={t('panel')}>
      <header className="notes-panel__head">
        <h2>{t('panel')}</h2>
        {canWrite && view.mode === 'list' && (
          <button
            type="button"
            className="primary"
            onClick={() => onView({ mode: 'compose', anchor: { kind: 'case' } })}
            data-testid="notes-add-case"
          >
            {t('add')}
          </button>
        )}
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ✕
        </button>
      </header>
      {error && (
        <p className="form-error" role="alert" data-testid="notes-error">
          {error}
        </p>
      )}
      {view.mode !== 'list' && (
        <button
          type="button"
          className="notes-panel__back"
          onClick={() => onView({ mode: 'list' })}
        >
          {t('back')}
        </button>
      )}
      {view.mode === 'compose' && (
        <section className="notes-panel__compose" data-testid="note-compose">
          <p className="notes-panel__about">
            {t('about', { where: describe(nameOf(view.anchor)) })}
          </p>
          <NoteComposer
            members={members}
            placeholder={t('placeholder')}
            submitLabel={t('send')}
            autoFocus
            onCancel={() => onView({ mode: 'list' })}
            onSubmit={(text, mentions) =>
              run(() => {
                addNote(doc, { anchor: view.anchor, text, author: me, mentions }, origin);
                onView({ mode: 'anchor', anchor: view.anchor });
              })
            }
          />
        </section>
      )}
      {view.mode === 'anchor' && (
        <section className="notes-panel__threads" data-testid="note-threads">
          {notes.filter((n) => anchorKey(n.anchor) === anchorKey(view.anchor)).map(thread)}
          {canWrite && (
            <button type="button" onClick={() => onView({ mode: 'compose', anchor: view.anchor })}>
              {t('add')}
            </button>
          )}
        </section>
      )}
      {view.mode === 'list' && (
        <>
          <div className="notes-panel__filters">
            <label>
              {t('filter.state')}
              <select
                value={state}
                onChange={(e) => setState(e.target.value as StateFilter)}
                data-testid="notes-filter-state"
              >
                <option value="open">{t('state.open')}</option>
                <option value="resolved">{t('state.resolved')}</option>
                <option value="all">{t('state.all')}</option>
              </select>
            </label>
            <label>
              {t('filter.author')}
              <select
                value={author}
                onChange={(e) => setAuthor(e.target.value)}
                data-testid="notes-filter-author"
              >
                <option value="">{t('all')}</option>
                {authors.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('filter.mentioned')}
              <select
                value={mentioned}
                onChange={(e) => setMentioned(e.target.value)}
                data-testid="notes-filter-mentioned"
              >
                <option value="">{t('all')}</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.displayName}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('filter.board')}
              <select
                value={board}
                onChange={(e) => setBoard(e.target.value)}
                data-testid="notes-filter-board"
              >
                <option value="">{t('all')}</option>
                {boards.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.title}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {shown.length === 0 && <p className="muted">{t('none')}</p>}
          <ul className="notes-panel__list" data-testid="notes-list">
            {shown.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  className={`note-card${isOpen(n) ? '' : ' is-resolved'}`}
                  onClick={() => {
                    onView({ mode: 'anchor', anchor: n.anchor });
                    onGoTo(n.anchor);
                  }}
                  data-testid="note-card"
                  data-state={n.state}
                >
                  <span className="note-card__where">{describe(nameOf(n.anchor))}</span>
                  <span className="note-card__text">{n.text}</span>
                  <span className="note-card__meta">
                    {n.authorName} · {formatDateTime(n.createdAt, lang)}
                    {n.replies.length > 0 && ` · ${t('replies', { count: n.replies.length })}`}
                    {!isOpen(n) && ` · ${t('state.resolved')}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}

const describe = (name: { board: string | null; item: string }) =>
  name.board ? `${name.board} · ${name.item}` : name.item;
