import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { CaseSession } from '../../sync/CaseSession.ts';
import { ActionSheet } from '../../ui/ActionSheet.tsx';
import { CommandPalette } from '../../ui/CommandPalette.tsx';
import { ErrorNotice, useCommandErrors } from '../../ui/commandErrors.tsx';
import { useRegisterActions, useRegisteredActions } from '../../ui/actionRegistry.ts';
import { handleActionKey, type ActionContext, type ActionTable } from '../../ui/actions.ts';
import { CASE_ACTIONS, type CaseContext } from '../caseActions.ts';

/**
 * The case's keys (undo, redo, Mod+K, ?), the command palette and the key sheet, mounted once by
 * the case page. Keys a board has already handled never reach these.
 */
export function CaseActions({ session, readOnly }: { session: CaseSession; readOnly: boolean }) {
  const canUndo = useStore(session.store, (s) => s.canUndo);
  const canRedo = useStore(session.store, (s) => s.canRedo);
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  const { error, show, clear } = useCommandErrors();
  const registered = useRegisteredActions();

  const context = (): CaseContext => ({
    readOnly,
    transact: (fn) => session.doc.transact(fn, session.origin),
    canUndo,
    canRedo,
    undo: () => session.undo(),
    redo: () => session.redo(),
    openPalette: () => {
      clear();
      setPalette(true);
    },
    openHelp: () => setHelp(true),
  });
  const latest = useRef(context);
  latest.current = context;
  const entry = useMemo(
    () => ({ table: CASE_ACTIONS, context: () => latest.current(), title: 'ui:keys.case' }),
    [],
  );
  useRegisterActions('case', entry);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      try {
        handleActionKey(CASE_ACTIONS, event, latest.current());
      } catch (err) {
        show(err);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);

  return (
    <>
      {error && (
        <div className="case-actions__error">
          <ErrorNotice error={error} />
        </div>
      )}
      {palette && <CommandPalette onClose={() => setPalette(false)} onError={show} />}
      {help && (
        <ActionSheet
          sections={registered.map((r) => ({
            title: r.title,
            table: r.table as ActionTable<ActionContext>,
            elsewhere: !r.context,
          }))}
          onClose={() => setHelp(false)}
        />
      )}
    </>
  );
}
