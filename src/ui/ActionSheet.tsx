import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog.tsx';
import './actions.css';
import { keyLabel, sheetRows, type ActionContext, type ActionTable } from './actions.ts';

export interface ActionSheetSection {
  /** i18n key of the section's heading, with its namespace. */
  title: string;
  table: ActionTable<ActionContext>;
  /** Its keys work in another mode (present mode's): listed even where another section binds them. */
  elsewhere?: boolean;
}

/**
 * The `?` sheet: every action that has a key, from the same tables the key handler uses, so the
 * sheet can never list a key that does nothing; each key once (`sheetRows`).
 */
export function ActionSheet({
  sections,
  onClose,
}: {
  sections: readonly ActionSheetSection[];
  onClose(): void;
}) {
  const { t } = useTranslation('ui');
  return (
    <Dialog title={t('keys.title')} onClose={onClose} testId="help-sheet">
      {sheetRows(sections).map(({ section, rows }) => (
        <table className="help-sheet" key={section.title}>
          <caption>{t(section.title)}</caption>
          <tbody>
            {rows.map(({ action, keys }) => (
              <tr key={action.id} data-action={action.id}>
                <td>
                  {keys.map((binding) => (
                    <kbd key={binding}>{keyLabel(binding)}</kbd>
                  ))}
                </td>
                <td>{t(action.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </Dialog>
  );
}
