import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandError } from '../../core/commands/boards.ts';

/** Runs commands for the scene, showing what went wrong (translated) instead of throwing. */
export function useRunCommand() {
  const { t } = useTranslation('scene');
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    (action: () => void) => {
      try {
        action();
        setError(null);
      } catch (err) {
        const message =
          err instanceof CommandError || err instanceof Error ? err.message : String(err);
        setError(t('errors.generic', { message }));
      }
    },
    [t],
  );
  return { run, error };
}
