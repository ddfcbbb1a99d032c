import { useTranslation } from 'react-i18next';
import { IMPORT_STEPS, type ImportStep } from './importFile.ts';

/** An import under way: a bar of its steps and what it is doing. */
export function ImportProgress({ name, step }: { name: string; step: ImportStep }) {
  const { t } = useTranslation('interop');
  const done = IMPORT_STEPS.indexOf(step);
  return (
    <p className="import-progress" aria-live="polite" data-testid="import-progress">
      <progress
        max={IMPORT_STEPS.length}
        value={done + 0.5}
        aria-label={t('importing', { name })}
      />{' '}
      {t(`importStep.${step}`, { name })}
    </p>
  );
}
