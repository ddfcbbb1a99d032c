import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { eachRecord, isRecord, recordAt, registerOf, textField, type YRecord } from '../doc.ts';
import { newId } from '../ids.ts';
import {
  markerNumbers,
  nextMarkerNumber,
  type Point,
  type SceneObject,
  type SceneShape,
} from '../scene.ts';
import { CommandError, boardSetting, setBoardSetting } from './boards.ts';
import { nodesIn, nodesOf } from './nodes.ts';

/**
 * Scene-diagram objects live in their board's `nodes` map as `type: 'scene'` records, one Y.Map
 * each, fields as in `SceneObject` (metres and degrees). Points are one plain array per object,
 * replaced whole when the shape changes: a wall is edited as a whole, never merged vertex by vertex.
 */

const SHAPES: ReadonlySet<SceneShape> = new Set([
  'wall',
  'rect',
  'ellipse',
  'polygon',
  'line',
  'arrow',
  'text',
  'measure',
  'marker',
  'refpoint',
  'symbol',
  'image',
  'scalebar',
  'north',
]);

/** Coordinates are kept to the millimetre; beyond ±100 km something has gone wrong. */
const LIMIT = 100_000;
const mm = (v: number) => Math.round(v * 1000) / 1000;
const finite = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < LIMIT;

export type SceneObjectInput = Partial<Omit<SceneObject, 'id' | 'z' | 'number'>> & {
  shape: SceneShape;
};
export type ScenePatch = Partial<Omit<SceneObject, 'id' | 'shape'>>;

function readPoints(value: unknown): Point[] {
  if (!Array.isArray(value)) return [];
  const points: Point[] = [];
  for (let i = 0; i + 1 < value.length; i += 2) {
    const x = value[i];
    const y = value[i + 1];
    if (finite(x) && finite(y)) points.push({ x, y });
  }
  return points;
}

/** Reads one scene record, or null when it is not a well-formed scene object. */
export function readSceneObject(record: unknown): SceneObject | null {
  if (!isRecord(record)) return null;
  const id = record.get('id');
  const shape = record.get('shape') as SceneShape;
  if (record.get('type') !== 'scene' || typeof id !== 'string' || !SHAPES.has(shape)) return null;
  const num = (key: string, fallback = 0) => {
    const v = record.get(key);
    return finite(v) ? v : fallback;
  };
  const o: SceneObject = {
    id,
    shape,
    x: num('x'),
    y: num('y'),
    w: num('w'),
    h: num('h'),
    rotation: num('rotation'),
    z: textField(record, 'z', 'a0'),
    points: readPoints(record.get('points')),
    closed: record.get('closed') === true,
    thickness: num('thickness', 0.2),
    label: textField(record, 'label'),
    locked: record.get('locked') === true,
  };
  const str = (key: 'symbol' | 'entity' | 'file' | 'group') => {
    const v = record.get(key);
    if (typeof v === 'string' && v) o[key] = v;
  };
  str('symbol');
  str('entity');
  str('file');
  str('group');
  const number = record.get('number');
  if (typeof number === 'number' && Number.isInteger(number)) o.number = number;
  const pins = record.get('pins');
  if (Array.isArray(pins) && pins.length === 2)
    o.pins = [
      typeof pins[0] === 'string' ? pins[0] : null,
      typeof pins[1] === 'string' ? pins[1] : null,
    ];
  const times = record.get('times');
  if (Array.isArray(times)) o.times = times.map((t) => String(t ?? ''));
  const opacity = record.get('opacity');
  if (finite(opacity)) o.opacity = Math.min(1, Math.max(0, opacity));
  if (record.get('background') === true) o.background = true;
  return o;
}

/** Every scene object of a board, bottom to top. */
export function listSceneObjects(doc: Y.Doc, boardId: string): SceneObject[] {
  const objects: SceneObject[] = [];
  eachRecord(nodesIn(doc, boardId), (record) => {
    const o = readSceneObject(record);
    if (o) objects.push(o);
  });
  // A measurement pinned to an object someone else deleted at the same time reads as frozen there,
  // as if the deletion had unpinned it (see docs/document-model.md).
  const ids = new Set(objects.map((o) => o.id));
  for (const o of objects)
    if (o.pins)
      o.pins = o.pins.map((pin) => (pin !== null && ids.has(pin) ? pin : null)) as typeof o.pins;
  return objects.sort((a, b) => (a.z !== b.z ? (a.z < b.z ? -1 : 1) : a.id < b.id ? -1 : 1));
}

/** Writes the fields of `patch` into a record, checked; throws before writing anything bad. */
function checkPatch(patch: ScenePatch): void {
  for (const key of ['x', 'y', 'w', 'h', 'rotation', 'thickness', 'opacity'] as const) {
    const v = patch[key];
    if (v !== undefined && !finite(v))
      throw new CommandError('scene.badNumber', `${key} must be a finite number.`);
  }
  if (patch.w !== undefined && patch.w < 0)
    throw new CommandError('scene.badSize', 'Sizes cannot be negative.');
  if (patch.h !== undefined && patch.h < 0)
    throw new CommandError('scene.badSize', 'Sizes cannot be negative.');
  if (patch.thickness !== undefined && (patch.thickness <= 0 || patch.thickness > 5))
    throw new CommandError('scene.badThickness', 'A wall is between 1 mm and 5 m thick.');
  if (patch.points && !patch.points.every((p) => finite(p.x) && finite(p.y)))
    throw new CommandError('scene.badNumber', 'Every point needs finite coordinates.');
  if (patch.points && patch.points.length > 10_000)
    throw new CommandError('scene.tooManyPoints', 'A shape has at most 10,000 points.');
  if (patch.label !== undefined && patch.label.length > 2000)
    throw new CommandError('scene.labelTooLong', 'A label has at most 2,000 characters.');
}

function writePatch(record: YRecord, patch: ScenePatch): void {
  for (const [key, value] of Object.entries(patch) as Array<[keyof ScenePatch, unknown]>) {
    if (value === undefined) continue;
    switch (key) {
      case 'x':
      case 'y':
      case 'w':
      case 'h':
      case 'thickness':
        record.set(key, mm(value as number));
        break;
      case 'rotation':
        record.set(key, Math.round(((((value as number) % 360) + 360) % 360) * 10) / 10);
        break;
      case 'points':
        record.set(
          key,
          (value as Point[]).flatMap((p) => [mm(p.x), mm(p.y)]),
        );
        break;
      case 'label':
        record.set(key, (value as string).normalize('NFC'));
        break;
      case 'times':
        record.set(
          key,
          (value as string[]).map((t) => t.normalize('NFC')),
        );
        break;
      case 'entity':
      case 'symbol':
      case 'file':
      case 'group':
        if (value === '' || value === null) record.delete(key);
        else record.set(key, value as string);
        break;
      default:
        record.set(key, value as never);
    }
  }
}

function topZ(doc: Y.Doc, boardId: string): string | null {
  let top: string | null = null;
  eachRecord(nodesOf(doc, boardId), (record) => {
    const z = record.get('z');
    if (record.get('type') === 'scene' && typeof z === 'string' && (top === null || z > top))
      top = z;
  });
  return top;
}

/**
 * Adds an object on top of the others and returns its id. A marker takes the next number; a marker
 * or symbol linked to a register entity must link to one that exists.
 */
export function addSceneObject(
  doc: Y.Doc,
  args: { boardId: string; object: SceneObjectInput; id?: string },
  origin: unknown,
): string {
  const nodes = nodesOf(doc, args.boardId);
  const { shape, ...rest } = args.object;
  if (!SHAPES.has(shape))
    throw new CommandError('scene.badShape', `Unknown shape ${String(shape)}.`);
  checkPatch(rest);
  if (rest.entity && !registerOf(doc).has(rest.entity))
    throw new CommandError('register.notFound', `No entity ${rest.entity} in this case.`);
  const id = args.id ?? newId();
  doc.transact(() => {
    const record: YRecord = new Y.Map();
    record.set('id', id);
    record.set('type', 'scene');
    record.set('shape', shape);
    writePatch(record, { x: 0, y: 0, w: 0, h: 0, rotation: 0, ...rest });
    record.set(
      'z',
      rest.background
        ? generateKeyBetween(null, lowestZ(doc, args.boardId))
        : generateKeyBetween(topZ(doc, args.boardId), null),
    );
    if (shape === 'marker')
      record.set(
        'number',
        nextMarkerNumber(listSceneObjects(doc, args.boardId).filter((o) => o.shape === 'marker')),
      );
    nodes.set(id, record);
  }, origin);
  return id;
}

function lowestZ(doc: Y.Doc, boardId: string): string | null {
  let low: string | null = null;
  eachRecord(nodesOf(doc, boardId), (record) => {
    const z = record.get('z');
    if (record.get('type') === 'scene' && typeof z === 'string' && (low === null || z < low))
      low = z;
  });
  return low;
}

/**
 * Changes objects: move, resize, rotate, reshape, relabel, lock … all in one undo step. A locked
 * object only takes a patch that unlocks it. Objects deleted meanwhile by someone else are skipped.
 */
export function updateSceneObjects(
  doc: Y.Doc,
  args: { boardId: string; patches: ReadonlyArray<{ id: string; patch: ScenePatch }> },
  origin: unknown,
): void {
  const nodes = nodesOf(doc, args.boardId);
  for (const { patch } of args.patches) checkPatch(patch);
  for (const { patch } of args.patches)
    if (patch.entity && !registerOf(doc).has(patch.entity))
      throw new CommandError('register.notFound', `No entity ${patch.entity} in this case.`);
  doc.transact(() => {
    for (const { id, patch } of args.patches) {
      const record = recordAt(nodes, id);
      if (!record || record.get('type') !== 'scene') continue;
      if (record.get('locked') === true && patch.locked !== false) continue;
      writePatch(record, patch);
    }
  }, origin);
}

/** Deletes objects (locked ones stay); measurements pinned to them keep their last ends. */
export function deleteSceneObjects(
  doc: Y.Doc,
  args: { boardId: string; ids: readonly string[] },
  origin: unknown,
): void {
  const nodes = nodesOf(doc, args.boardId);
  const objects = listSceneObjects(doc, args.boardId);
  const byId = new Map(objects.map((o) => [o.id, o]));
  const gone = new Set(args.ids.filter((id) => byId.has(id) && !byId.get(id)!.locked));
  doc.transact(() => {
    for (const o of objects) {
      if (o.shape !== 'measure' || !o.pins || gone.has(o.id)) continue;
      const pins = o.pins;
      if (!pins.some((p) => p && gone.has(p))) continue;
      // Freeze the pinned end where its object was, so the measurement keeps its length.
      const points = o.points.map((p, i) => {
        const pin = pins[i];
        const target = pin && gone.has(pin) ? byId.get(pin) : undefined;
        return target ? { x: target.x + target.w / 2, y: target.y + target.h / 2 } : p;
      });
      const record = nodes.get(o.id) as YRecord;
      writePatch(record, { points });
      record.set(
        'pins',
        pins.map((p) => (p && gone.has(p) ? null : p)),
      );
    }
    for (const id of gone) nodes.delete(id);
  }, origin);
}

/** Gives the markers the numbers 1, 2, 3 … in their current order (closing gaps and clashes). */
export function renumberMarkers(doc: Y.Doc, args: { boardId: string }, origin: unknown): void {
  const nodes = nodesOf(doc, args.boardId);
  const markers = listSceneObjects(doc, args.boardId).filter((o) => o.shape === 'marker');
  const shown = markerNumbers(markers);
  const order = [...shown].sort((a, b) => a[1] - b[1]);
  doc.transact(() => {
    order.forEach(([id], i) => recordAt(nodes, id)?.set('number', i + 1));
  }, origin);
}

/** Board settings of a scene: metres per grid square, "not to scale", the chosen reference points. */
export interface SceneSettings {
  gridMetres: number;
  notToScale: boolean;
  references: string[];
}

export function readSceneSettings(doc: Y.Doc, boardId: string): SceneSettings {
  const grid = boardSetting(doc, boardId, 'gridMetres');
  const refs = boardSetting(doc, boardId, 'references');
  return {
    gridMetres: finite(grid) && grid > 0 ? grid : 0.5,
    notToScale: boardSetting(doc, boardId, 'notToScale') === true,
    references: typeof refs === 'string' && refs ? refs.split(',') : [],
  };
}

export function setSceneScale(
  doc: Y.Doc,
  args: { boardId: string; gridMetres: number },
  origin: unknown,
): void {
  if (!finite(args.gridMetres) || args.gridMetres < 0.01 || args.gridMetres > 1000)
    throw new CommandError('scene.badScale', 'A grid square is between 1 cm and 1 km.');
  setBoardSetting(doc, { id: args.boardId, key: 'gridMetres', value: args.gridMetres }, origin);
}

export function setSceneReferences(
  doc: Y.Doc,
  args: { boardId: string; references: readonly string[] },
  origin: unknown,
): void {
  setBoardSetting(
    doc,
    { id: args.boardId, key: 'references', value: args.references.join(',') },
    origin,
  );
}
