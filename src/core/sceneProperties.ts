/**
 * The properties panel of a scene object: which fields it shows and the patch a typed value makes.
 * Pure: the board writes the patch with `updateSceneObjects`.
 */
import type { ScenePatch } from './commands/scene.ts';
import type { SceneObject } from './scene.ts';

export type SceneProperty = 'x' | 'y' | 'w' | 'h' | 'rotation' | 'label';

const POINTS = new Set(['wall', 'polygon', 'line', 'arrow', 'measure']);

/** The fields an object's properties panel shows, in order. */
export function propertiesOf(o: SceneObject): SceneProperty[] {
  switch (o.shape) {
    case 'marker':
    case 'scalebar':
      return ['x', 'y'];
    case 'refpoint':
      return ['x', 'y', 'label'];
    case 'north':
      return ['x', 'y', 'rotation'];
    case 'text':
      return ['x', 'y', 'rotation', 'label'];
    case 'wall':
    case 'line':
    case 'arrow':
    case 'measure':
      return ['x', 'y', 'w', 'h'];
    case 'polygon':
      return ['x', 'y', 'w', 'h', 'label'];
    default:
      return ['x', 'y', 'w', 'h', 'rotation', 'label'];
  }
}

/** The box a shape made of points occupies (its points' extent), or the object's own box. */
function extent(o: SceneObject): { x: number; y: number; w: number; h: number } {
  if (!POINTS.has(o.shape) || o.points.length === 0) return o;
  const xs = o.points.map((p) => p.x);
  const ys = o.points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** The value a numeric field shows: metres, or degrees for the rotation. */
export function propertyValue(o: SceneObject, field: Exclude<SceneProperty, 'label'>): number {
  return field === 'rotation' ? o.rotation : extent(o)[field];
}

/**
 * The patch that gives `field` the typed `value`, or null when the value cannot be taken (a size
 * of zero or less, a shape of points that is flat in that direction). A shape of points moves or
 * stretches all its points, from its top-left corner.
 *
 * @example propertyPatch(table, 'x', 2.5) // { x: 2.5 }
 */
export function propertyPatch(
  o: SceneObject,
  field: Exclude<SceneProperty, 'label'>,
  value: number,
): ScenePatch | null {
  if (!Number.isFinite(value)) return null;
  if (field === 'rotation') return { rotation: ((value % 360) + 360) % 360 };
  if ((field === 'w' || field === 'h') && !(value > 0)) return null;
  if (!POINTS.has(o.shape) || o.points.length === 0) return { [field]: value };
  const box = extent(o);
  if (field === 'x' || field === 'y') {
    const d = value - box[field];
    return {
      points: o.points.map((p) => ({ ...p, [field]: p[field] + d })),
      [field]: o[field] + d,
    };
  }
  const axis = field === 'w' ? 'x' : 'y';
  const from = box[field];
  if (from === 0) return null;
  const f = value / from;
  return { points: o.points.map((p) => ({ ...p, [axis]: box[axis] + (p[axis] - box[axis]) * f })) };
}
