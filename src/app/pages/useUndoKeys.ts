import { useEffect } from 'react';
import type { CaseSession } from '../../sync/CaseSession.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo: only this person's changes, never while typing. */
export function useUndoKeys(session: CaseSession, readOnly: boolean): void {
  useEffect(() => {
    if (readOnly) return;
    const onKey = (event: KeyboardEvent) => {
      if (
        !(event.ctrlKey || event.metaKey) ||
        event.altKey ||
        isTyping(event.target) ||
        event.isComposing
      )
        return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) session.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') session.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, readOnly]);
}
