import type { TFunction } from 'i18next';
import { CommandError } from '../../core/commands/boards.ts';

/** A refused command as a sentence for the person who tried it. */
export function errorText(t: TFunction<'graph'>, err: unknown): string {
  if (err instanceof CommandError)
    return t(`errors.${err.code}`, { defaultValue: t('errors.generic', { message: err.message }) });
  return t('errors.generic', { message: err instanceof Error ? err.message : String(err) });
}
