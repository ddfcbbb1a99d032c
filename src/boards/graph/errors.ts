import type { TFunction } from 'i18next';
import { commandErrorText } from '../../ui/commandErrors.tsx';

/** A refused command as a sentence for the person who tried it (one wording for every board). */
export function errorText(t: TFunction<'graph'>, err: unknown): string {
  return commandErrorText((key, options) => t(key as 'errors.generic', options), err);
}
