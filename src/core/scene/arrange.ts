/**
 * Pure maths for arranging scene objects: moving, snapping to other objects' edges, picking with a
 * rectangle, groups, aligning and distributing. No document, no React: the commands and the
 * scene's gestures both use these.
 */
import { boundsOf, centreOf, distribute, type SceneObject } from '../scene.ts';

/** A scene object moved by (dx, dy) metres, its points too. */
export function shifted(o: SceneObject, dx: number, dy: number): SceneObject {
  return {
    ...o,
    x: o.x + dx,
    y: o.y + dy,
    points: o.points.map((p) => ({ x: p.x + dx, y: p.y + dy })),
  };
}

/**
 * The fields that move an object by (dx, dy): its corner, and its points when it has some.
 *
 * @example movePatch(wall, 1, 0) // { x: wall.x + 1, y: wall.y, points: [...one metre right] }
 */
export function movePatch(
  o: SceneObject,
  dx: number,
  dy: number,
): Pick<SceneObject, 'x' | 'y'> & { points?: SceneObject['points'] } {
  return o.points.length > 0
    ? { x: o.x + dx, y: o.y + dy, points: o.points.map((p) => ({ x: p.x + dx, y: p.y + dy })) }
    : { x: o.x + dx, y: o.y + dy };
}

/** The ids with every other member of their groups (groups select and move together). */
export function withGroups(objects: readonly SceneObject[], ids: readonly string[]): string[] {
  const byId = new Map(objects.map((o) => [o.id, o]));
  const groups = new Set(ids.map((id) => byId.get(id)?.group).filter(Boolean));
  if (groups.size === 0) return [...ids];
  return [
    ...new Set([...ids, ...objects.filter((o) => o.group && groups.has(o.group)).map((o) => o.id)]),
  ];
}

/** Ids of the objects (backgrounds excepted) whose box touches the rectangle between two corners. */
export function objectsInRect(
  objects: readonly SceneObject[],
  a: { x: number; y: number },
  b: { x: number; y: number },
): string[] {
  const x0 = Math.min(a.x, b.x);
  const x1 = Math.max(a.x, b.x);
  const y0 = Math.min(a.y, b.y);
  const y1 = Math.max(a.y, b.y);
  return objects
    .filter((o) => {
      if (o.background) return false;
      const box = boundsOf(o);
      return box.x1 >= x0 && box.x0 <= x1 && box.y1 >= y0 && box.y0 <= y1;
    })
    .map((o) => o.id);
}

/**
 * Moves (dx, dy) a little further so that an edge or centre of what is dragged lines up with an
 * edge or centre of another object, when one is within `reach` metres.
 *
 * @example snapToEdges(objects, ['a'], 0.98, 0, 0.1) // [1, 0] when b's left edge is 2 cm away
 */
export function snapToEdges(
  objects: readonly SceneObject[],
  ids: readonly string[],
  dx: number,
  dy: number,
  reach: number,
): [number, number] {
  const moving = new Set(ids);
  const boxes = objects.filter((o) => moving.has(o.id)).map(boundsOf);
  if (boxes.length === 0) return [dx, dy];
  const own = {
    x0: Math.min(...boxes.map((b) => b.x0)) + dx,
    x1: Math.max(...boxes.map((b) => b.x1)) + dx,
    y0: Math.min(...boxes.map((b) => b.y0)) + dy,
    y1: Math.max(...boxes.map((b) => b.y1)) + dy,
  };
  const nearest = (targets: number[], edges: number[], best: number | null) => {
    for (const target of targets)
      for (const edge of edges) {
        const d = target - edge;
        if (Math.abs(d) <= reach && (best === null || Math.abs(d) < Math.abs(best))) best = d;
      }
    return best;
  };
  let bestX: number | null = null;
  let bestY: number | null = null;
  for (const o of objects) {
    if (moving.has(o.id) || o.background) continue;
    const b = boundsOf(o);
    bestX = nearest(
      [b.x0, b.x1, (b.x0 + b.x1) / 2],
      [own.x0, own.x1, (own.x0 + own.x1) / 2],
      bestX,
    );
    bestY = nearest(
      [b.y0, b.y1, (b.y0 + b.y1) / 2],
      [own.y0, own.y1, (own.y0 + own.y1) / 2],
      bestY,
    );
  }
  return [dx + (bestX ?? 0), dy + (bestY ?? 0)];
}

/** How far each object moves to line its left (or top) edge up with the outermost one. */
export function alignOffsets(
  objects: readonly SceneObject[],
  edge: 'left' | 'top',
): Map<string, { dx: number; dy: number }> {
  const side = edge === 'left' ? 'x0' : 'y0';
  const target = Math.min(...objects.map((o) => boundsOf(o)[side]));
  return new Map(
    objects.map((o) => {
      const d = target - boundsOf(o)[side];
      return [o.id, edge === 'left' ? { dx: d, dy: 0 } : { dx: 0, dy: d }];
    }),
  );
}

/** How far each object moves so that the centres are evenly spaced from left to right. */
export function distributeOffsets(objects: readonly SceneObject[]): Map<string, number> {
  const places = distribute(objects.map((o) => ({ id: o.id, centre: centreOf(o).x })));
  const offsets = new Map<string, number>();
  for (const o of objects) {
    const place = places.get(o.id);
    if (place !== undefined) offsets.set(o.id, place - centreOf(o).x);
  }
  return offsets;
}
