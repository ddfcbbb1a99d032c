/**
 * The evidence and relationship charts' actions: adding a node of each kind (the toolbar's "Add"
 * buttons, offered in the command palette too) and Esc leaving the name box. The canvas's own
 * keys (delete, select) belong to the shared canvas.
 */
import { useMemo, useRef } from 'react';
import { useRegisterActions } from '../../ui/actionRegistry.ts';
import type { ActionContext, ActionTable } from '../../ui/actions.ts';

export interface AddNodeContext extends ActionContext {
  /** The kind whose name box is open, if any. */
  adding: string | null;
  startAdd(kind: string): void;
  cancelAdd(): void;
}

/**
 * The actions of a chart that can add `kinds` (register kinds and, on a relationship chart, free
 * parties: phones, vehicles…).
 * @example addNodeActions(['fact', 'evidence']).map((a) => a.id) // ['graph.add.fact', …, 'graph.cancelAdd']
 */
export function addNodeActions(kinds: readonly string[]): ActionTable<AddNodeContext> {
  return [
    ...kinds.map((kind) => ({
      id: `graph.add.${kind}`,
      label: `graph:actions.add.${kind}`,
      group: 'edit',
      noTransaction: true,
      perform: (c: AddNodeContext) => c.startAdd(kind),
    })),
    {
      id: 'graph.cancelAdd',
      label: 'graph:actions.cancelAdd',
      keys: ['Escape'],
      group: 'edit',
      // Esc is pressed in the name box itself.
      whileTyping: true,
      noTransaction: true,
      enabled: (c) => c.adding !== null,
      perform: (c) => c.cancelAdd(),
    },
  ];
}

/**
 * The add-node actions of a chart's toolbar, offered to the command palette while it is shown.
 * `adding` is the kind whose name box is open; `setAdding` opens or closes it.
 */
export function useAddNodeActions(
  kinds: readonly string[],
  adding: string | null,
  setAdding: (kind: string | null) => void,
) {
  const table = useMemo(() => addNodeActions(kinds), [kinds]);
  const context = (): AddNodeContext => ({
    readOnly: false,
    // These actions open and close the name box; the form's submit writes the document.
    transact: (fn) => fn(),
    adding,
    startAdd: (kind) => setAdding(kind),
    cancelAdd: () => setAdding(null),
  });
  const latest = useRef(context);
  latest.current = context;
  const registered = useMemo(
    () => ({ table, context: () => latest.current(), title: 'graph:actions.title' }),
    [table],
  );
  useRegisterActions('board', registered);
  return { table, context };
}
