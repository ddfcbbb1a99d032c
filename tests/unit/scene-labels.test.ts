import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal, type SceneObject } from '../../src/core/scene.ts';
import {
  cornersOf,
  labelObstacles,
  labelSize,
  placeAreaLabel,
  placeMeasureLabel,
  segmentCrossesBox,
  sideLabels,
} from '../../src/core/sceneLabels.ts';

const room = [
  { x: 0, y: 0 },
  { x: 6, y: 0 },
  { x: 6, y: 4 },
  { x: 0, y: 4 },
];

function object(patch: Partial<SceneObject> & Pick<SceneObject, 'id' | 'shape'>): SceneObject {
  return {
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

describe('sideLabels', () => {
  it('labels every side of a room with its length, outside it, whichever way it was drawn', () => {
    const labels = sideLabels(room, true, 0.3);
    expect(labels.map((l) => l.length)).toEqual([6, 4, 6, 4]);
    expect(labels.map((l) => [l.x, l.y])).toEqual([
      [3, -0.3],
      [6.3, 2],
      [3, 4.3],
      [-0.3, 2],
    ]);
    const reversed = sideLabels([...room].reverse(), true, 0.3);
    expect(reversed.map((l) => [l.x, l.y]).sort()).toEqual(labels.map((l) => [l.x, l.y]).sort());
  });

  it('never turns a label upside down', () => {
    const angles = sideLabels(room, true, 0.3).map((l) => l.angle);
    expect(angles).toEqual([0, 90, 0, 90]);
    for (const l of sideLabels(
      [
        { x: 0, y: 0 },
        { x: -3, y: 1 },
        { x: -2, y: -4 },
      ],
      true,
      0.2,
    ))
      expect(Math.abs(l.angle)).toBeLessThanOrEqual(90);
  });

  it('labels the segments of an open wall, and nothing for a single point', () => {
    expect(sideLabels(room.slice(0, 3), false, 0.2).map((l) => l.length)).toEqual([6, 4]);
    expect(sideLabels([{ x: 1, y: 1 }], true, 0.2)).toEqual([]);
  });

  it('follows a rotated rectangle through its corners', () => {
    const corners = cornersOf({ x: 0, y: 0, w: 4, h: 2, rotation: 90 });
    expect(corners[0]!.x).toBeCloseTo(3);
    expect(corners[0]!.y).toBeCloseTo(-1);
    expect(sideLabels(corners, true, 0.2).map((l) => Math.round(l.length * 1000) / 1000)).toEqual([
      4, 2, 4, 2,
    ]);
  });
});

describe('placeAreaLabel', () => {
  const size = labelSize(8, 0.3);

  it('keeps the middle of an empty room', () => {
    expect(placeAreaLabel(room, size, { boxes: [], segments: [] }, 0.1)).toEqual({ x: 3, y: 2 });
  });

  it('moves off a table in the middle and a measurement across the room, staying inside', () => {
    const table = { x0: 2.4, y0: 1.6, x1: 3.6, y1: 2.4 };
    const line: [{ x: number; y: number }, { x: number; y: number }] = [
      { x: 0.2, y: 2.6 },
      { x: 5.8, y: 2.6 },
    ];
    const p = placeAreaLabel(room, size, { boxes: [table], segments: [line] }, 0.1);
    const box = {
      x0: p.x - size.w / 2,
      y0: p.y - size.h / 2,
      x1: p.x + size.w / 2,
      y1: p.y + size.h / 2,
    };
    expect(
      box.x1 <= table.x0 || box.x0 >= table.x1 || box.y1 <= table.y0 || box.y0 >= table.y1,
    ).toBe(true);
    expect(segmentCrossesBox(line[0], line[1], box)).toBe(false);
    expect(box.x0).toBeGreaterThanOrEqual(0.1);
    expect(box.y0).toBeGreaterThanOrEqual(0.1);
    expect(box.x1).toBeLessThanOrEqual(5.9);
    expect(box.y1).toBeLessThanOrEqual(3.9);
    // … and as near the middle as it can be.
    expect(Math.hypot(p.x - 3, p.y - 2)).toBeLessThan(1);
  });

  it('stays inside an L-shaped room whose middle is outside it', () => {
    const l = [
      { x: 0, y: 0 },
      { x: 6, y: 0 },
      { x: 6, y: 2 },
      { x: 2, y: 2 },
      { x: 2, y: 6 },
      { x: 0, y: 6 },
    ];
    const p = placeAreaLabel(l, { w: 1.2, h: 0.4 }, { boxes: [], segments: [] }, 0.1);
    expect(p.x - 0.6 >= 0.1 && (p.y + 0.2 <= 1.9 || p.x + 0.6 <= 1.9)).toBe(true);
  });

  it('falls back to the middle when the room is full', () => {
    const full = { x0: -1, y0: -1, x1: 7, y1: 5 };
    expect(placeAreaLabel(room, size, { boxes: [full], segments: [] })).toEqual({ x: 3, y: 2 });
  });
});

describe('placeMeasureLabel', () => {
  const size = { w: 0.8, h: 0.3 };
  const a = { x: 0.2, y: 2.6 };
  const b = { x: 5.8, y: 2.6 };

  it('puts the label above the middle of a free line', () => {
    const p = placeMeasureLabel(a, b, size, []);
    expect(p.x).toBeCloseTo(3);
    expect(p.y).toBeLessThan(2.6 - size.h / 2);
  });

  it('moves off a table over the middle: below it, or along the line', () => {
    const table = { x0: 2.4, y0: 1.6, x1: 3.6, y1: 2.45 };
    const p = placeMeasureLabel(a, b, size, [table]);
    const box = { x0: p.x - 0.4, y0: p.y - 0.15, x1: p.x + 0.4, y1: p.y + 0.15 };
    expect(
      box.x1 <= table.x0 || box.x0 >= table.x1 || box.y1 <= table.y0 || box.y0 >= table.y1,
    ).toBe(true);
    expect(Math.abs(p.x - 3)).toBeLessThan(0.01); // below the middle is free
    expect(p.y).toBeGreaterThan(2.6);
  });
});

describe('labelObstacles', () => {
  it('takes symbols, markers, measurement lines (pinned ends resolved) and other walls, not the room itself', () => {
    const objects = [
      object({ id: 'room', shape: 'wall', closed: true, points: room }),
      object({ id: 'table', shape: 'symbol', x: 2.4, y: 1.6, w: 1.2, h: 0.8 }),
      object({ id: 'm', shape: 'marker', x: 1, y: 1 }),
      object({ id: 'car', shape: 'symbol', x: 10, y: 0, w: 4, h: 2 }),
      object({
        id: 'measure',
        shape: 'measure',
        points: [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
        pins: ['table', null],
      }),
      object({ id: 'bg', shape: 'image', x: -5, y: -5, w: 30, h: 30, background: true }),
    ];
    const o = labelObstacles(objects, 'room', 0.2);
    expect(o.boxes).toContainEqual({ x0: 2.4, y0: 1.6, x1: 3.6, y1: 2.4 });
    expect(o.boxes).toContainEqual({ x0: 0.75, y0: 0.75, x1: 1.25, y1: 1.25 });
    expect(o.segments).toContainEqual([
      { x: 3, y: 2 },
      { x: 1, y: 1 },
    ]);
    expect(o.boxes.some((b) => b.x0 === -5)).toBe(false);
    expect(o.segments.some(([a]) => a.x === 0 && a.y === 0)).toBe(false);
  });
});

describe('parseDecimal and formatDecimal', () => {
  it('reads a Vietnamese decimal comma and an English point, and refuses words', () => {
    expect(parseDecimal('2,5')).toBe(2.5);
    expect(parseDecimal(' 2.5 ')).toBe(2.5);
    expect(parseDecimal('-0,75')).toBe(-0.75);
    expect(parseDecimal('30')).toBe(30);
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('1,2,3')).toBeNull();
  });

  it('writes millimetres with the reader’s separator', () => {
    expect(formatDecimal(2.5, 'vi')).toBe('2,5');
    expect(formatDecimal(2.5, 'en')).toBe('2.5');
    expect(formatDecimal(1 / 3, 'vi')).toBe('0,333');
  });
});
