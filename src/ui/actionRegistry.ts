/**
 * Which actions the case page can offer right now: the board on screen registers its table and a
 * way to build its context while it is mounted, the deck panel its own and present mode's keys
 * while it is open, and the case page its own. The command palette
 * and the `?` sheet read from here, so they always show the tables of what is on screen.
 */
import { useEffect } from 'react';
import { createStore, useStore } from 'zustand';
import type { ActionContext, ActionTable } from './actions.ts';

/** A table with the context its actions run in, built fresh when one runs. */
export interface RegisteredActions<C extends ActionContext = ActionContext> {
  table: ActionTable<C>;
  /**
   * Builds the context its actions run in. Absent: the table is only listed in the `?` sheet, its
   * actions run elsewhere (present mode's keys, while the deck panel is open).
   */
  context?(): C;
  /** i18n namespace of the labels' keys (`mindmap`); labels carry it as a prefix anyway. */
  title: string;
}

/** The slots, in the order the palette and the `?` sheet list them. */
const SLOTS = ['board', 'deck', 'presentKeys', 'case'] as const;
export type ActionSlot = (typeof SLOTS)[number];

type ActionRegistryState = Record<ActionSlot, RegisteredActions | null>;

/** The one registry of the page. Event handlers read it with `getState()`. */
export const actionRegistry = createStore<ActionRegistryState>(() => ({
  board: null,
  deck: null,
  presentKeys: null,
  case: null,
}));

/**
 * Registers `actions` as the board's (or the case's) while the calling component is mounted.
 * `actions.context` is read when an action runs, so it may close over the latest render.
 */
export function useRegisterActions<C extends ActionContext>(
  slot: ActionSlot,
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

/** The registered tables (board, deck, present mode's keys, case), for the palette and the sheet. */
export function useRegisteredActions(omit?: ActionSlot): RegisteredActions[] {
  const state = useStore(actionRegistry);
  return SLOTS.filter((slot) => slot !== omit)
    .map((slot) => state[slot])
    .filter((entry): entry is RegisteredActions => entry !== null);
}
