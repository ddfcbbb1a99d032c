import { useStore } from 'zustand';
import { ActionSheet, type ActionSheetSection } from '../../ui/ActionSheet.tsx';
import { actionRegistry } from '../../ui/actionRegistry.ts';
import type { ActionContext, ActionTable } from '../../ui/actions.ts';
import { MINDMAP_ACTIONS } from './actions.ts';

/** The `?` sheet of the map: its actions' keys, then the case's (undo, the palette…). */
export function HelpSheet({ onClose }: { onClose(): void }) {
  const caseActions = useStore(actionRegistry, (s) => s.case);
  const sections: ActionSheetSection[] = [
    {
      title: 'mindmap:keys.title',
      table: MINDMAP_ACTIONS as unknown as ActionTable<ActionContext>,
    },
    ...(caseActions ? [{ title: caseActions.title, table: caseActions.table }] : []),
  ];
  return <ActionSheet sections={sections} onClose={onClose} />;
}
