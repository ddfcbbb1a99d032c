import { ImportError } from '../core/interop/model.ts';
import { ResourceError } from './pageResources.ts';
import { SceneTooLarge } from '../boards/renderers.ts';

/**
 * A refused import or a failed export as a sentence naming the problem, never a bare object: the
 * browser rejects some of its own steps (an image that does not load) with an Event, not an Error.
 */
export function exportErrorText(
  t: (key: string, o?: Record<string, unknown>) => string,
  err: unknown,
): string {
  if (err instanceof ImportError) return t(`errors.${err.code}`, err.params);
  if (err instanceof Event) return t('failed', { message: t('errors.image') });
  if (err instanceof ResourceError) return t('failed', { message: t('errors.resource') });
  if (err instanceof SceneTooLarge)
    return t('failed', {
      message: t('errors.sceneTooLarge', { scale: err.scale, fits: err.fits }),
    });
  if (err instanceof Error && err.message === 'empty')
    return t('failed', { message: t('errors.nothing') });
  if (err instanceof Error && err.message && !err.message.startsWith('[object'))
    return t('failed', { message: err.message });
  return t('failed', { message: t('errors.unknown') });
}
