import { memo, useMemo, useRef } from 'react';
import { boundsOf, measureEnds, type Point, type SceneObject } from '../../core/scene.ts';
import { meets, type Area } from '../../canvas/viewWindow.ts';
import { SceneItem } from './SceneItem.tsx';
import { SvgNoteBadge } from '../../canvas/noteBadges.tsx';

export interface SceneItemsProps {
  drawn: readonly SceneObject[];
  drawnById: ReadonlyMap<string, SceneObject>;
  numbers: ReadonlyMap<string, number>;
  language: string;
  caseId: string;
  northLabel: string;
  gridMetres: number;
  labelMetres: number;
  labelPlaces: ReadonlyMap<string, Point>;
  /** The view window in metres: only objects meeting it are drawn; null draws every object. */
  area: Area | null;
}

const boxes = new WeakMap<SceneObject, { x0: number; y0: number; x1: number; y1: number }>();
function box(o: SceneObject) {
  let b = boxes.get(o);
  if (!b) boxes.set(o, (b = boundsOf(o)));
  return b;
}

/**
 * The scene's objects, apart from the camera: a pan re-renders none of them (the parent group's
 * transform moves them), and a big scene draws only those meeting the view window. A measurement's
 * ends keep their identity while they do not move, so it re-renders only when they do.
 */
export const SceneItems = memo(function SceneItems({
  drawn,
  drawnById,
  numbers,
  language,
  caseId,
  northLabel,
  gridMetres,
  labelMetres,
  labelPlaces,
  area,
}: SceneItemsProps) {
  const endsCache = useRef(new Map<string, [Point, Point] | null>());
  const ends = useMemo(() => {
    const next = new Map<string, [Point, Point] | null>();
    for (const o of drawn) {
      if (o.shape !== 'measure') continue;
      const now = measureEnds(o, drawnById);
      const old = endsCache.current.get(o.id);
      const same =
        old === now ||
        (old &&
          now &&
          old[0].x === now[0].x &&
          old[0].y === now[0].y &&
          old[1].x === now[1].x &&
          old[1].y === now[1].y);
      next.set(o.id, same ? (old ?? null) : now);
    }
    endsCache.current = next;
    return next;
  }, [drawn, drawnById]);
  const shown = useMemo(
    () =>
      area
        ? drawn.filter((o) => {
            const b = box(o);
            return meets(area, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
          })
        : drawn,
    [drawn, area],
  );
  return (
    <g data-testid="scene-items" data-objects={drawn.length} data-drawn={shown.length}>
      {shown.map((o) => (
        <SceneItem
          key={o.id}
          object={o}
          ends={o.shape === 'measure' ? ends.get(o.id) : undefined}
          number={o.shape === 'marker' ? numbers.get(o.id) : undefined}
          language={language}
          caseId={caseId}
          northLabel={northLabel}
          gridMetres={gridMetres}
          labelMetres={labelMetres}
          labelAt={labelPlaces.get(o.id)}
        />
      ))}
      {/* Review notes' counts, above every object (nothing outside the case page). */}
      {shown.map((o) => (
        <SvgNoteBadge
          key={`note-${o.id}`}
          node={o.id}
          x={box(o).x1}
          y={box(o).y0}
          size={labelMetres}
        />
      ))}
    </g>
  );
});
