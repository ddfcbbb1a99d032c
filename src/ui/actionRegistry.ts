/**
 * Which actions the case page can offer right now: the board on screen registers its table and a
 * way to build its context while it is mounted, and the case page its own. The command palette
 * and the `?` sheet read from here, so they always show the tables of what is on screen.
 */
import { useEffect } from 'react';
import { createStore, useStore } from 'zustand';
import type { ActionContext, ActionTable } from './actions.ts';

/** A table with the context its actions run in, built fresh when one runs. */
export interface RegisteredActions<C extends ActionContext = ActionContext> {
  table: ActionTable<C>;
  context(): C;
  /** i18n namespace of the labels' keys (`mindmap`); labels carry it as a prefix anyway. */
  title: string;
}

interface ActionRegistryState {
  board: RegisteredActions | null;
  case: RegisteredActions | null;
}

/** The one registry of the page. Event handlers read it with `getState()`. */
export const actionRegistry = createStore<ActionRegistryState>(() => ({ board: null, case: null }));

/**
 * Registers `actions` as the board's (or the case's) while the calling component is mounted.
 * `actions.context` is read when an action runs, so it may close over the latest render.
 */
export function useRegisterActions<C extends ActionContext>(
  slot: 'board' | 'case',
  actions: RegisteredActions<C> | null,
): void {
  useEffect(() => {
    if (!actions) return;
    const entry = actions as unknown as RegisteredActions;
    actionRegistry.setState({ [slot]: entry });
    return () => {
      if (actionRegistry.getState()[slot] === entry) actionRegistry.setState({ [slot]: null });
    };
  }, [slot, actions]);
}

/** The registered tables, board first, for the palette and the `?` sheet. */
export function useRegisteredActions(): RegisteredActions[] {
  const board = useStore(actionRegistry, (s) => s.board);
  const caseActions = useStore(actionRegistry, (s) => s.case);
  return [board, caseActions].filter((entry): entry is RegisteredActions => entry !== null);
}
