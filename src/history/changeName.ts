import type { TFunction } from 'i18next';
import type { BoardDiff } from '../core/history.ts';

/** The name of a symbol of a board kind's library by its id, in a language. */
export type SymbolNames = (symbol: string, language: string) => string | undefined;

const SHAPES = new Set([
  'marker',
  'symbol',
  'wall',
  'rect',
  'ellipse',
  'polygon',
  'line',
  'arrow',
  'text',
  'measure',
  'refpoint',
  'image',
  'scalebar',
  'north',
]);

/**
 * How the list of changes names a node: the text it shows; for a scene object without one, what it
 * is ("Dấu vết số 3", a symbol's name, "Tường"); its id only when nothing else is known.
 */
export function changeName(
  t: TFunction<'history'>,
  language: string,
  diff: Pick<BoardDiff, 'labels' | 'objects'>,
  id: string,
  symbolNames?: SymbolNames,
): string {
  if (diff.labels[id]) return diff.labels[id];
  const object = diff.objects[id];
  if (!object) return id;
  if (object.shape === 'marker' && object.number !== undefined)
    return t('objects.marker', { number: object.number });
  if (object.shape === 'symbol' && object.symbol) {
    const name = symbolNames?.(object.symbol, language);
    if (name) return name;
  }
  const shape = SHAPES.has(object.shape) && object.shape !== 'marker' ? object.shape : 'other';
  return t(`objects.${shape}` as 'objects.other');
}
