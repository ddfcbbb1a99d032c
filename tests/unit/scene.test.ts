import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CommandError,
  addBoard,
  addEntity,
  addSceneObject,
  areaOf,
  calibrationFactor,
  deleteSceneObjects,
  distribute,
  evidenceTable,
  formatMetres,
  formatSquareMetres,
  groupSceneObjects,
  legendOf,
  listSceneObjects,
  markerNumbers,
  measureEnds,
  pathLength,
  polygonArea,
  readSceneSettings,
  referencePoints,
  renumberMarkers,
  reorderSceneObjects,
  setSceneScale,
  snapAngle,
  triangulate,
  updateSceneObjects,
  type SceneObject,
} from '../../src/core/index.ts';
import {
  SYMBOLS,
  SYMBOL_CATEGORIES,
  searchSymbols,
  symbolById,
  symbolSvg,
} from '../../src/boards/scene/symbols.ts';

function scene(): { doc: Y.Doc; boardId: string } {
  const doc = new Y.Doc();
  const boardId = addBoard(doc, { kind: 'scene', title: 'Sơ đồ hiện trường' }, 'test');
  return { doc, boardId };
}

const byId = (objects: SceneObject[]) => new Map(objects.map((o) => [o.id, o]));
const markers = (doc: Y.Doc, boardId: string) =>
  listSceneObjects(doc, boardId).filter((o) => o.shape === 'marker');

describe('lengths and areas', () => {
  it('measures paths in metres and a room closed by walls', () => {
    const room = [
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 4, y: 3 },
      { x: 0, y: 3 },
    ];
    expect(pathLength(room)).toBe(11);
    expect(pathLength(room, true)).toBe(14);
    expect(polygonArea(room)).toBe(12);
    expect(polygonArea([...room].reverse())).toBe(12);
    expect(polygonArea(room.slice(0, 2))).toBe(0);

    const { doc, boardId } = scene();
    const open = addSceneObject(doc, { boardId, object: { shape: 'wall', points: room } }, 'a');
    const closed = addSceneObject(
      doc,
      { boardId, object: { shape: 'wall', points: room, closed: true, thickness: 0.2 } },
      'a',
    );
    const objects = byId(listSceneObjects(doc, boardId));
    expect(areaOf(objects.get(open)!)).toBeNull();
    expect(areaOf(objects.get(closed)!)).toBe(12);
    expect(formatSquareMetres(areaOf(objects.get(closed)!)!, 'vi')).toBe('12,00 m²');
    expect(formatSquareMetres(12, 'en')).toBe('12.00 m²');
    expect(formatMetres(3.5, 'vi')).toBe('3,50 m');
    expect(formatMetres(1234.5, 'en')).toBe('1,234.50 m');
  });

  it('keeps real lengths when the grid scale changes, and refuses a scale that makes no sense', () => {
    const { doc, boardId } = scene();
    const id = addSceneObject(
      doc,
      {
        boardId,
        object: {
          shape: 'measure',
          points: [
            { x: 1, y: 1 },
            { x: 4.5, y: 1 },
          ],
        },
      },
      'a',
    );
    expect(readSceneSettings(doc, boardId).gridMetres).toBe(0.5);
    setSceneScale(doc, { boardId, gridMetres: 2 }, 'a');
    expect(readSceneSettings(doc, boardId).gridMetres).toBe(2);
    const [a, b] = measureEnds(byId(listSceneObjects(doc, boardId)).get(id)!, new Map())!;
    expect(pathLength([a, b])).toBe(3.5);
    expect(() => setSceneScale(doc, { boardId, gridMetres: 0 }, 'a')).toThrow(CommandError);
    expect(() => setSceneScale(doc, { boardId, gridMetres: Number.NaN }, 'a')).toThrow(
      CommandError,
    );
    expect(readSceneSettings(doc, boardId).gridMetres).toBe(2);
  });

  it('follows pinned ends when their objects move, and freezes them when the objects go', () => {
    const { doc, boardId } = scene();
    const car = addSceneObject(
      doc,
      { boardId, object: { shape: 'symbol', symbol: 'car', x: 0, y: 0, w: 4.5, h: 1.8 } },
      'a',
    );
    const pole = addSceneObject(
      doc,
      { boardId, object: { shape: 'refpoint', x: 10, y: 0.9 } },
      'a',
    );
    const measure = addSceneObject(
      doc,
      {
        boardId,
        object: {
          shape: 'measure',
          points: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
          pins: [car, pole],
        },
      },
      'a',
    );
    const length = () => {
      const objects = byId(listSceneObjects(doc, boardId));
      const [a, b] = measureEnds(objects.get(measure)!, objects)!;
      return pathLength([a, b]);
    };
    expect(length()).toBeCloseTo(7.75, 6); // car centre (2.25, 0.9) to the pole (10, 0.9)
    updateSceneObjects(doc, { boardId, patches: [{ id: car, patch: { x: 2 } }] }, 'a');
    expect(length()).toBeCloseTo(5.75, 6);
    deleteSceneObjects(doc, { boardId, ids: [car] }, 'a');
    expect(length()).toBeCloseTo(5.75, 6);
    expect(byId(listSceneObjects(doc, boardId)).get(measure)!.pins).toEqual([null, pole]);
  });

  it('triangulates from two reference points and snaps angles and calibrates images', () => {
    expect(
      triangulate({ x: 3, y: 4 }, [
        { x: 0, y: 0 },
        { x: 6, y: 0 },
      ]),
    ).toEqual([5, 5]);
    expect(snapAngle(22)).toBe(15);
    expect(snapAngle(23)).toBe(30);
    expect(snapAngle(-7)).toBe(0);
    expect(snapAngle(355)).toBe(0);
    expect(calibrationFactor(2, 5)).toBe(2.5);
    expect(() => calibrationFactor(0, 5)).toThrow(RangeError);
    expect(
      distribute([
        { id: 'a', centre: 0 },
        { id: 'b', centre: 1 },
        { id: 'c', centre: 10 },
      ]).get('b'),
    ).toBe(5);
  });
});

describe('evidence markers', () => {
  it('numbers markers 1, 2, 3 and keeps a number when another marker is deleted', () => {
    const { doc, boardId } = scene();
    const ids = [0, 1, 2].map((i) =>
      addSceneObject(doc, { boardId, object: { shape: 'marker', x: i, y: 0 } }, 'a'),
    );
    expect(ids.map((id) => markerNumbers(markers(doc, boardId)).get(id))).toEqual([1, 2, 3]);
    deleteSceneObjects(doc, { boardId, ids: [ids[1]!] }, 'a');
    expect(markerNumbers(markers(doc, boardId)).get(ids[2]!)).toBe(3);
    const fourth = addSceneObject(doc, { boardId, object: { shape: 'marker', x: 9, y: 0 } }, 'a');
    expect(markerNumbers(markers(doc, boardId)).get(fourth)).toBe(4);
    renumberMarkers(doc, { boardId }, 'a');
    const shown = markerNumbers(markers(doc, boardId));
    expect([ids[0], ids[2], fourth].map((id) => shown.get(id!))).toEqual([1, 2, 3]);
  });

  it('gives markers placed at once by two people distinct numbers on every peer', () => {
    const a = new Y.Doc();
    const boardId = addBoard(a, { kind: 'scene', title: 'Hiện trường' }, 'a');
    addSceneObject(a, { boardId, object: { shape: 'marker', x: 0, y: 0 } }, 'a');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Both place marker "2" at the same time, offline from each other.
    const fromA = addSceneObject(a, { boardId, object: { shape: 'marker', x: 1, y: 0 } }, 'a');
    const fromB = addSceneObject(b, { boardId, object: { shape: 'marker', x: 2, y: 0 } }, 'b');
    const fromB2 = addSceneObject(b, { boardId, object: { shape: 'marker', x: 3, y: 0 } }, 'b');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const onA = markerNumbers(markers(a, boardId));
    const onB = markerNumbers(markers(b, boardId));
    expect([...onA].sort()).toEqual([...onB].sort());
    expect([...onA.values()].sort()).toEqual([1, 2, 3, 4]);
    // The clash on "2" is settled by id; B's own third marker kept the 3 it was given.
    expect(onA.get(fromB2)).toBe(3);
    expect(new Set([onA.get(fromA), onA.get(fromB)])).toEqual(new Set([2, 4]));
    // A new marker after the merge continues from the highest shown.
    const next = addSceneObject(a, { boardId, object: { shape: 'marker', x: 5, y: 0 } }, 'a');
    expect(markerNumbers(markers(a, boardId)).get(next)).toBe(5);
  });

  it('builds the evidence table with positions and distances to the reference points', () => {
    const { doc, boardId } = scene();
    const knife = addEntity(doc, { kind: 'evidence', fields: { name: 'Con dao' } }, 'a');
    const refA = addSceneObject(
      doc,
      { boardId, object: { shape: 'refpoint', label: 'A', x: 0, y: 0 } },
      'a',
    );
    const refB = addSceneObject(
      doc,
      { boardId, object: { shape: 'refpoint', label: 'B', x: 6, y: 0 } },
      'a',
    );
    const m1 = addSceneObject(
      doc,
      { boardId, object: { shape: 'marker', x: 3, y: 4, entity: knife } },
      'a',
    );
    addSceneObject(doc, { boardId, object: { shape: 'marker', x: 0, y: 2 } }, 'a');
    const objects = listSceneObjects(doc, boardId);
    expect(referencePoints(objects)).toEqual([refA, refB]);
    const table = evidenceTable(objects, referencePoints(objects));
    expect(table.map((r) => r.number)).toEqual([1, 2]);
    expect(table[0]).toMatchObject({ id: m1, entity: knife, x: 3, y: 4, distances: [5, 5] });
    expect(table[1]!.distances[0]).toBe(2);
    expect(table[1]!.distances[1]).toBeCloseTo(Math.hypot(6, 2), 9);
    // A marker must link to an evidence item that exists; nothing is added otherwise.
    expect(() =>
      addSceneObject(
        doc,
        { boardId, object: { shape: 'marker', x: 0, y: 0, entity: 'nope' } },
        'a',
      ),
    ).toThrow(CommandError);
    expect(markers(doc, boardId)).toHaveLength(2);
  });
});

describe('legend and manipulation', () => {
  it('lists each symbol used once, in library order, and follows deletions', () => {
    const { doc, boardId } = scene();
    const library = ['body-back', 'car', 'knife', 'blood-pool'];
    addSceneObject(
      doc,
      { boardId, object: { shape: 'symbol', symbol: 'knife', w: 0.3, h: 0.05 } },
      'a',
    );
    const car = addSceneObject(
      doc,
      { boardId, object: { shape: 'symbol', symbol: 'car', w: 4.5, h: 1.8 } },
      'a',
    );
    addSceneObject(
      doc,
      { boardId, object: { shape: 'symbol', symbol: 'knife', w: 0.3, h: 0.05 } },
      'a',
    );
    addSceneObject(doc, { boardId, object: { shape: 'rect', w: 4, h: 3 } }, 'a');
    expect(legendOf(listSceneObjects(doc, boardId), library)).toEqual(['car', 'knife']);
    deleteSceneObjects(doc, { boardId, ids: [car] }, 'a');
    expect(legendOf(listSceneObjects(doc, boardId), library)).toEqual(['knife']);
  });

  it('reorders, groups and locks, and refuses bad input without changing anything', () => {
    const { doc, boardId } = scene();
    const [a, b, c] = ['a', 'b', 'c'].map((label) =>
      addSceneObject(doc, { boardId, object: { shape: 'rect', label, w: 1, h: 1 } }, 'x'),
    ) as [string, string, string];
    const order = () =>
      listSceneObjects(doc, boardId)
        .map((o) => o.label)
        .join('');
    expect(order()).toBe('abc');
    reorderSceneObjects(doc, { boardId, ids: [a], to: 'front' }, 'x');
    expect(order()).toBe('bca');
    reorderSceneObjects(doc, { boardId, ids: [a], to: 'backward' }, 'x');
    expect(order()).toBe('bac');
    reorderSceneObjects(doc, { boardId, ids: [c], to: 'back' }, 'x');
    expect(order()).toBe('cba');
    reorderSceneObjects(doc, { boardId, ids: [c], to: 'forward' }, 'x');
    expect(order()).toBe('bca');

    const group = groupSceneObjects(doc, { boardId, ids: [a, b], group: true }, 'x');
    expect(listSceneObjects(doc, boardId).filter((o) => o.group === group)).toHaveLength(2);
    groupSceneObjects(doc, { boardId, ids: [a, b], group: false }, 'x');
    expect(listSceneObjects(doc, boardId).some((o) => o.group)).toBe(false);

    updateSceneObjects(doc, { boardId, patches: [{ id: b, patch: { locked: true } }] }, 'x');
    updateSceneObjects(doc, { boardId, patches: [{ id: b, patch: { x: 5, rotation: 370 } }] }, 'x');
    deleteSceneObjects(doc, { boardId, ids: [b] }, 'x');
    const locked = byId(listSceneObjects(doc, boardId)).get(b)!;
    expect([locked.x, locked.rotation]).toEqual([0, 0]);
    updateSceneObjects(
      doc,
      { boardId, patches: [{ id: b, patch: { locked: false, rotation: 370 } }] },
      'x',
    );
    expect(byId(listSceneObjects(doc, boardId)).get(b)!.rotation).toBe(10);

    const before = Y.encodeStateAsUpdate(doc);
    expect(() =>
      updateSceneObjects(
        doc,
        {
          boardId,
          patches: [
            { id: a, patch: { x: 1 } },
            { id: c, patch: { w: Number.POSITIVE_INFINITY } },
          ],
        },
        'x',
      ),
    ).toThrow(CommandError);
    expect(() =>
      addSceneObject(doc, { boardId, object: { shape: 'wall', thickness: -1 } }, 'x'),
    ).toThrow(CommandError);
    expect(() => addSceneObject(doc, { boardId, object: { shape: 'blob' as never } }, 'x')).toThrow(
      CommandError,
    );
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('symbol library', () => {
  it('has at least 60 symbols drawn at real size, in every category, each well-formed', () => {
    expect(SYMBOLS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SYMBOLS.map((s) => s.id)).size).toBe(SYMBOLS.length);
    for (const category of SYMBOL_CATEGORIES)
      expect(SYMBOLS.some((s) => s.category === category)).toBe(true);
    for (const s of SYMBOLS) {
      expect(s.svg, s.id).not.toMatch(/NaN|undefined|Infinity/);
      // Every element is self-closing, with quoted attributes: the markup parses.
      expect(s.svg, s.id).toMatch(/^(<[a-z]+(\s+[a-z-]+="[^"<>]*")*\s*\/>)+$/);
      expect(s.w > 0 && s.h > 0, s.id).toBe(true);
      expect(symbolSvg(s)).toContain(
        `viewBox="0 0 ${Math.round(s.w * 100)} ${Math.round(s.h * 100)}"`,
      );
    }
    expect(symbolById('car')).toMatchObject({ w: 4.5, h: 1.8 });
    const named = [
      'body-back',
      'body-side',
      'body-face-down',
      'person-standing',
      'person-sitting',
      'car',
      'motorbike',
      'bicycle',
      'truck',
      'bus',
      'damage-point',
      'knife',
      'pistol',
      'blunt-object',
      'rope',
      'blood-pool',
      'blood-drops',
      'footprints',
      'shoe-print',
      'tire-mark',
      'fingerprint',
      'bullet-casing',
      'broken-glass',
      'door',
      'window',
      'stairs',
      'bed',
      'table',
      'chair',
      'cabinet',
      'sofa',
      'road',
      'intersection',
      'lane-marking',
      'crosswalk',
      'tree',
      'pole',
      'fence',
      'house',
      'cctv',
      'phone',
      'light',
    ];
    for (const id of named) expect(symbolById(id), id).toBeDefined();
  });

  it('finds symbols by Vietnamese or English name, with or without diacritics', () => {
    const ids = (q: string) => searchSymbols(q).map((s) => s.id);
    expect(ids('xe may')).toContain('motorbike');
    expect(ids('xe máy')).toContain('motorbike');
    expect(ids('thi the')).toEqual(['body-back', 'body-side', 'body-face-down']);
    expect(ids('VŨNG MÁU')).toEqual(['blood-pool']);
    expect(ids('blood')).toEqual(['blood-pool', 'blood-drops', 'blood-spatter']);
    expect(ids('camera')).toEqual(['cctv']);
    expect(ids('zzz')).toEqual([]);
    expect(ids('  ')).toHaveLength(SYMBOLS.length);
  });
});
