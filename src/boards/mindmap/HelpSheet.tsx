import { ActionSheet, type ActionSheetSection } from '../../ui/ActionSheet.tsx';
import { useRegisteredActions } from '../../ui/actionRegistry.ts';
import type { ActionContext, ActionTable } from '../../ui/actions.ts';
import { MINDMAP_ACTIONS } from './actions.ts';

/** The `?` sheet of the map: its actions' keys, then the deck's and the case's (undo, the palette…). */
export function HelpSheet({ onClose }: { onClose(): void }) {
  const others = useRegisteredActions('board');
  const sections: ActionSheetSection[] = [
    {
      title: 'mindmap:keys.title',
      table: MINDMAP_ACTIONS as unknown as ActionTable<ActionContext>,
    },
    ...others.map((entry) => ({
      title: entry.title,
      table: entry.table as ActionTable<ActionContext>,
      elsewhere: !entry.context,
    })),
  ];
  return <ActionSheet sections={sections} onClose={onClose} />;
}
