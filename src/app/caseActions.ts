/**
 * The case's own actions, offered whatever board is on screen: undo and redo (this person's
 * changes only), the command palette and the key sheet.
 */
import { Command, HelpCircle, Redo2, Undo2 } from 'lucide-react';
import type { ActionContext, ActionTable } from '../ui/actions.ts';

export interface CaseContext extends ActionContext {
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
  openPalette(): void;
  openHelp(): void;
}

export const CASE_ACTIONS: ActionTable<CaseContext> = [
  {
    id: 'case.undo',
    label: 'ui:case.undo',
    icon: Undo2,
    keys: ['Mod+Z'],
    group: 'history',
    enabled: (c) => c.canUndo,
    // The undo manager writes the document itself, with its own origin.
    noTransaction: true,
    perform: (c) => c.undo(),
  },
  {
    id: 'case.redo',
    label: 'ui:case.redo',
    icon: Redo2,
    keys: ['Mod+Shift+Z', 'Mod+Y'],
    group: 'history',
    enabled: (c) => c.canRedo,
    noTransaction: true,
    perform: (c) => c.redo(),
  },
  {
    id: 'case.palette',
    label: 'ui:case.palette',
    icon: Command,
    keys: ['Mod+K'],
    group: 'view',
    viewer: true,
    noTransaction: true,
    perform: (c) => c.openPalette(),
  },
  {
    id: 'case.help',
    label: 'ui:case.help',
    icon: HelpCircle,
    keys: ['?'],
    group: 'view',
    viewer: true,
    noTransaction: true,
    perform: (c) => c.openHelp(),
  },
];
