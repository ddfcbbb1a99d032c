/**
 * Errors from commands, shown one way everywhere: a refused command (`CommandError`, with a code)
 * becomes a translated sentence from the `ui` namespace; anything else a generic sentence.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandError } from '../core/commands/boards.ts';

/** Any namespace's `t`: the keys used here name the `ui` namespace themselves. */
type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The sentence for an error a command threw, in the page's language.
 * @example commandErrorText(t, new CommandError('topic.intoItself', '…')) // 'Không thể chuyển…'
 */
export function commandErrorText(t: Translate, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const generic = t('ui:errors.generic', { message });
  if (err instanceof CommandError) return t(`ui:errors.${err.code}`, { defaultValue: generic });
  return generic;
}

/** The error of the last command, with a runner that catches and a setter for async failures. */
export function useCommandErrors() {
  const { t } = useTranslation('ui');
  const [error, setError] = useState<string | null>(null);
  const show = useCallback((err: unknown) => setError(commandErrorText(t, err)), [t]);
  const clear = useCallback(() => setError(null), []);
  /** Runs `fn`; a thrown error is shown instead of escaping. */
  const run = useCallback(
    (fn: () => void) => {
      try {
        fn();
        setError(null);
      } catch (err) {
        show(err);
      }
    },
    [show],
  );
  return { error, show, clear, run, setError };
}

/** Where a command's error is shown: one look for every board and panel. */
export function ErrorNotice({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="notice notice--danger" role="alert" data-testid="command-error">
      {error}
    </p>
  );
}
