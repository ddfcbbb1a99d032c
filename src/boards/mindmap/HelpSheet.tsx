import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { MINDMAP_KEYS } from './keys.ts';

/** The `?` sheet: every key of the map, from the same list the handler uses. */
export function HelpSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('mindmap');
  return (
    <Dialog title={t('keys.title')} onClose={onClose} testId="help-sheet">
      <table className="help-sheet">
        <tbody>
          {MINDMAP_KEYS.map((key) => (
            <tr key={key.help}>
              <td>
                <kbd>{key.keys}</kbd>
              </td>
              <td>{t(`keys.${key.help}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
