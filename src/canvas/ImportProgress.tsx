import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_STEPS, importProgressOf, subscribeImports } from './importFile.ts';

/**
 * The import under way into a board, if any: a bar of its steps, filled while writing by the
 * share of the topics written, and what it is doing. Renders nothing when no import runs; only it
 * re-renders as the import moves on.
 */
export function ImportProgress({ boardId }: { boardId: string }) {
  const { t } = useTranslation('interop');
  const progress = useSyncExternalStore(
    subscribeImports,
    useCallback(() => importProgressOf(boardId), [boardId]),
  );
  if (!progress) return null;
  const { name, step, done, total } = progress;
  // Reading and parsing are the first tenth of the bar; writing fills it by topics written.
  const share =
    step === 'write' || step === 'draw'
      ? 0.1 + 0.9 * (total > 0 ? done / total : 1)
      : (IMPORT_STEPS.indexOf(step) + 0.5) / 20;
  return (
    <p className="import-progress" aria-live="polite" data-testid="import-progress">
      <progress max={1} value={share} aria-label={t('importing', { name })} />{' '}
      <span>
        {t(`importStep.${step}`, { name })}
        {step === 'write' && total > 0 && (
          // The count changes every step: shown, not read out each time (the bar carries it).
          <span aria-hidden="true"> {t('importCount', { done, total })}</span>
        )}
      </span>
    </p>
  );
}
