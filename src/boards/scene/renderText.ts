import type { Point, SceneObject } from '../../core/scene.ts';
import { PX } from '../../core/scene/view.ts';
import type { FontWeight } from '../../render/fonts.ts';
import type { Shape } from '../../render/picture.ts';

/**
 * What the scene's drawing functions share: the label size, the context they draw in, labels
 * centred as the editor centres them, and turning shapes about a point.
 */

/** Label size in metres at zoom 1 (13 px), as SceneItem's BASE_TEXT. */
export const BASE_TEXT = 0.26;

export interface DrawContext {
  language: string;
  /** Label size in metres (≥ BASE_TEXT). */
  text: number;
  /** Marker numbers (`markerNumbers`). */
  numbers: ReadonlyMap<string, number>;
  byId: ReadonlyMap<string, SceneObject>;
  /** Where measurement and area labels go, in metres (sceneLabels.ts). */
  labelPlaces: ReadonlyMap<string, Point>;
  gridMetres: number;
  /** The MIME type of each case-file image, by hash. */
  mimes: ReadonlyMap<string, string>;
  northLabel: string;
}

export const p = (metres: number) => metres * PX;
export const INK = '#111827';
export const LINE = '#1f2937';

/** A label centred on a point (the editor's `dominant-baseline: middle`), in picture units. */
export function label(
  x: number,
  y: number,
  text: string,
  size: number,
  options: { fill?: string; weight?: FontWeight; anchor?: 'start' | 'middle' } = {},
): Shape {
  return {
    kind: 'text',
    x,
    y: y + size * 0.34,
    text: text.normalize('NFC'),
    size,
    fill: options.fill ?? INK,
    anchor: options.anchor ?? 'middle',
    ...(options.weight ? { weight: options.weight } : {}),
  };
}

/** Shapes turned `degrees` clockwise about (cx, cy): the turn alone in one matrix, for precision. */
export function turned(shapes: Shape[], degrees: number, cx: number, cy: number): Shape[] {
  if (!degrees) return shapes;
  const a = (degrees * Math.PI) / 180;
  const [c, s] = [Math.cos(a), Math.sin(a)];
  return [
    {
      kind: 'group',
      transform: [c, s, -s, c, cx, cy],
      children: [{ kind: 'group', transform: [1, 0, 0, 1, -cx, -cy], children: shapes }],
    },
  ];
}
