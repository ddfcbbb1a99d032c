import { useTranslation } from 'react-i18next';
import { keyLabel } from '../../ui/actions.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { SCENE_ACTIONS, type SceneAction } from './actions.ts';

/** What the pointer does: gestures, not actions, so they have no entry in the action table. */
const GESTURES = [
  ['Shift + click, Shift + drag', 'multi'],
  ['Drag, wheel', 'view'],
  ['Enter, double-click / Esc', 'finish'],
  ['Shift (rotate)', 'rotate'],
  ['Alt', 'free'],
  ['Ctrl+Z / Ctrl+Y', 'undo'],
] as const;

const GROUPS = ['tools', 'draw', 'edit', 'arrange', 'view'] as const;

/** The keys of an action as the sheet shows them: "Delete / Backspace". */
export function actionKeys(action: SceneAction): string {
  return (action.keys ?? []).map(keyLabel).join(' / ');
}

/** The `?` sheet of the scene board, generated from the action table. */
export function SceneHelp({ onClose, readOnly }: { onClose(): void; readOnly: boolean }) {
  const { t } = useTranslation('scene');
  const listed = SCENE_ACTIONS.filter((a) => a.keys && a.help !== false && (a.viewer || !readOnly));
  return (
    <Dialog title={t('keys.title')} onClose={onClose} testId="scene-help">
      <table className="help-sheet">
        {GROUPS.map((group) => (
          <tbody key={group}>
            <tr>
              <th colSpan={2}>{t(`groups.${group}`)}</th>
            </tr>
            {listed
              .filter((a) => a.group === group)
              .map((a) => (
                <tr key={a.id}>
                  <td>
                    <kbd>{actionKeys(a)}</kbd>
                  </td>
                  <td>{t(a.label).replace(/ \(.\)$/, '')}</td>
                </tr>
              ))}
          </tbody>
        ))}
        <tbody>
          <tr>
            <th colSpan={2}>{t('groups.gestures')}</th>
          </tr>
          {GESTURES.map(([keys, help]) => (
            <tr key={help}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{t(`keys.${help}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
