import { useMemo, useRef } from 'react';
import type { SceneObject } from '../../core/scene.ts';
import { shifted } from '../../core/scene/arrange.ts';
import { areaLabelPlaces, measureLabelPlaces, type LabelCache } from '../../core/sceneLabels.ts';
import type { Gesture } from './gesture.ts';
import { BASE_TEXT } from './SceneItem.tsx';

/**
 * What is drawn: the stored objects with the drags in progress (ours and other people's) applied,
 * the labels' size at this zoom and where the measurement and area labels go.
 */
export function useDrawnScene(
  objects: readonly SceneObject[],
  gesture: Gesture | null,
  drags: ReadonlyMap<string, { dx: number; dy: number }>,
  /** Pixels per metre at the present zoom. */
  scale: number,
  language: string,
) {
  // Only a gesture that changes objects makes new drawn objects: a pan or a box selection keeps
  // them (and the labels placed from them) as they are.
  const changing =
    gesture?.kind === 'move' || gesture?.kind === 'rotate' || gesture?.kind === 'resize'
      ? gesture
      : null;
  const drawn = useMemo(() => {
    const local = changing?.kind === 'move' ? changing : null;
    if (!changing && drags.size === 0) return objects;
    return objects.map((o) => {
      if (local?.ids.includes(o.id) && !o.locked) return shifted(o, local.dx, local.dy);
      const theirs = drags.get(o.id);
      if (theirs && !o.locked) return shifted(o, theirs.dx, theirs.dy);
      if (changing?.kind === 'rotate' && changing.id === o.id)
        return { ...o, rotation: changing.angle };
      if (changing?.kind === 'resize' && changing.id === o.id)
        return { ...o, w: changing.w, h: changing.h };
      return o;
    });
  }, [objects, changing, drags]);
  const drawnById = useMemo(() => new Map(drawn.map((o) => [o.id, o])), [drawn]);
  // Labels keep their real size until that would be under 11 px; then they keep 11 px, in steps
  // of a quarter octave so that zooming re-draws the objects only now and then.
  const labelMetres = Math.max(BASE_TEXT, 2 ** (Math.ceil(Math.log2(11 / scale) * 4) / 4));
  // Measurement labels first (clear of symbols and markers), then area labels clear of them too.
  const labelCache = useRef<{ measures: LabelCache; areas: LabelCache }>({
    measures: new Map(),
    areas: new Map(),
  });
  const labelPlaces = useMemo(() => {
    const cache = labelCache.current;
    const measures = measureLabelPlaces(drawn, labelMetres, cache.measures);
    const areas = areaLabelPlaces(drawn, labelMetres * 1.2, language, measures, cache.areas);
    return new Map([...measures, ...areas]);
  }, [drawn, labelMetres, language]);
  return { drawn, drawnById, labelMetres, labelPlaces };
}
