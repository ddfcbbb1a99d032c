import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';

/** The keys of the scene board that are not tools (the tools' keys are in their names). */
export const SCENE_KEYS = [
  ['V W R O P L A T M E F H', 'tools'],
  ['Shift + click, Shift + drag', 'multi'],
  ['Drag, wheel', 'view'],
  ['0', 'fit'],
  ['Enter, double-click / Esc', 'finish'],
  ['← ↑ → ↓ (Shift ×10)', 'nudge'],
  ['Shift (rotate)', 'rotate'],
  ['Alt', 'free'],
  ['Delete', 'delete'],
  ['Ctrl+C / Ctrl+X / Ctrl+V / Ctrl+D', 'copy'],
  ['Ctrl+G / Ctrl+Shift+G', 'group'],
  ['Ctrl+L', 'lock'],
  ['] [ / Ctrl+] Ctrl+[', 'order'],
  ['Ctrl+Z / Ctrl+Y', 'undo'],
  ['?', 'help'],
] as const;

/** The `?` sheet of the scene board. */
export function SceneHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('scene');
  return (
    <Dialog title={t('keys.title')} onClose={onClose} testId="scene-help">
      <table className="help-sheet">
        <tbody>
          {SCENE_KEYS.map(([keys, help]) => (
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
