import { describe, expect, it } from 'vitest';
import type { SceneObject } from '../../src/core/scene.ts';
import { propertiesOf, propertyPatch, propertyValue } from '../../src/core/sceneProperties.ts';

function object(patch: Partial<SceneObject> & Pick<SceneObject, 'shape'>): SceneObject {
  return {
    id: 'o',
    x: 0,
    y: 0,
    w: 0,
    h: 0,
    rotation: 0,
    z: 'a0',
    points: [],
    closed: false,
    thickness: 0.2,
    label: '',
    locked: false,
    ...patch,
  };
}

describe('scene properties', () => {
  const table = object({ shape: 'symbol', x: 2.4, y: 1.6, w: 1.2, h: 0.8 });
  const wall = object({
    shape: 'wall',
    closed: true,
    points: [
      { x: 1, y: 1 },
      { x: 5, y: 1 },
      { x: 5, y: 4 },
    ],
  });

  it('shows the fields each kind of object has', () => {
    expect(propertiesOf(table)).toEqual(['x', 'y', 'w', 'h', 'rotation', 'label']);
    expect(propertiesOf(object({ shape: 'marker' }))).toEqual(['x', 'y']);
    expect(propertiesOf(wall)).toEqual(['x', 'y', 'w', 'h']);
  });

  it('moves, resizes and rotates a box object', () => {
    expect(propertyPatch(table, 'x', 2.5)).toEqual({ x: 2.5 });
    expect(propertyPatch(table, 'w', 1.6)).toEqual({ w: 1.6 });
    expect(propertyPatch(table, 'rotation', -90)).toEqual({ rotation: 270 });
    expect(propertyPatch(table, 'w', 0)).toBeNull();
    expect(propertyPatch(table, 'x', Number.NaN)).toBeNull();
  });

  it('moves and stretches a shape of points from its top-left corner', () => {
    expect(propertyValue(wall, 'x')).toBe(1);
    expect(propertyValue(wall, 'w')).toBe(4);
    expect(propertyPatch(wall, 'y', 2)!.points).toEqual([
      { x: 1, y: 2 },
      { x: 5, y: 2 },
      { x: 5, y: 5 },
    ]);
    expect(propertyPatch(wall, 'w', 8)!.points).toEqual([
      { x: 1, y: 1 },
      { x: 9, y: 1 },
      { x: 9, y: 4 },
    ]);
    const flat = object({
      shape: 'line',
      points: [
        { x: 0, y: 1 },
        { x: 3, y: 1 },
      ],
    });
    expect(propertyPatch(flat, 'h', 2)).toBeNull();
  });
});
