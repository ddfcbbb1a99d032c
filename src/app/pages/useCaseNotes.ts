import i18n from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { createNoteCounts, type NoteBadgeScope } from '../../canvas/noteBadges.tsx';
import type { NoteAnchor } from '../../core/notes.ts';
import { canWriteNotes, type Role } from '../../core/schema.ts';
import type { NotesView } from '../../review/NotesPanel.tsx';
import { useStableCallback } from '../../ui/useStableCallback.ts';

/**
 * The case page's review notes (docs/review.md): whether the notes panel is open and what it shows,
 * what is selected for "Add note", the live open-note counts, and the badges' scopes for the board
 * and the deck. Whether the panel is shown is the case page's (one side panel at a time).
 */
export function useCaseNotes({
  doc,
  role,
  fatal,
  boardId,
  shown,
  setShown,
}: {
  doc: Y.Doc;
  role: Role;
  fatal: string | null;
  boardId: string | null;
  shown: boolean;
  setShown(shown: boolean): void;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<NotesView>({ mode: 'list' });
  const [target, setTarget] = useState<NoteAnchor | null>(null);
  const counts = useMemo(() => createNoteCounts(doc), [doc]);
  useEffect(() => () => counts.destroy(), [counts]);
  useEffect(() => {
    void import('../../review/locales.ts').then((m) => m.installReviewTexts(i18n));
  }, []);
  // Reviewers write notes on a page that is otherwise read-only.
  const writes = canWriteNotes(role) && fatal !== 'accessRemoved' && fatal !== 'sessionEnded';
  const open = useStableCallback((next: NotesView) => {
    setView(next);
    setShown(true);
  });
  const scope = useMemo<NoteBadgeScope>(
    () => ({
      counts,
      boardId,
      open: (anchor) => open({ mode: 'anchor', anchor }),
      label: (count) => t('review:badge', { count }),
      select: setTarget,
    }),
    [counts, boardId, open, t],
  );
  const deckScope = useMemo(() => ({ ...scope, boardId: null }), [scope]);
  return {
    view,
    setView,
    open,
    /** The button of the case bar: shows every note, or closes the panel when it already does. */
    toggle: () => (shown && view.mode === 'list' ? setShown(false) : open({ mode: 'list' })),
    /** "Add note": on what is selected, or on the case. */
    add: () => open({ mode: 'compose', anchor: target ?? { kind: 'case' } }),
    writes,
    scope,
    deckScope,
  };
}
