import { generateKeyBetween } from 'fractional-indexing';
import type * as Y from 'yjs';
import { recordAt } from '../doc.ts';
import { newId } from '../ids.ts';
import type { Point, SceneObject } from '../scene.ts';
import { alignOffsets, distributeOffsets, movePatch, shifted } from '../scene/arrange.ts';
import { calibratedBackground } from '../scene/view.ts';
import { CommandError } from './boards.ts';
import { nodesOf } from './nodes.ts';
import { addSceneObject, listSceneObjects, updateSceneObjects, type ScenePatch } from './scene.ts';

/**
 * Commands that arrange several scene objects at once: move, align, distribute, lock, paste,
 * reorder, group and calibrate. Each is validated before it writes and is one transaction (one
 * undo step); locked objects stay where they are.
 */

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The unlocked objects among `ids` that still exist, bottom to top. */
function movable(doc: Y.Doc, boardId: string, ids: readonly string[]): SceneObject[] {
  const wanted = new Set(ids);
  return listSceneObjects(doc, boardId).filter((o) => wanted.has(o.id) && !o.locked);
}

function movePatches(
  objects: readonly SceneObject[],
  offsets: Map<string, { dx: number; dy: number }>,
) {
  return objects.flatMap((o) => {
    const d = offsets.get(o.id);
    return d ? [{ id: o.id, patch: movePatch(o, d.dx, d.dy) as ScenePatch }] : [];
  });
}

/**
 * Moves objects by (dx, dy) metres (a drag, or the arrow keys); locked ones stay.
 *
 * @example moveSceneObjects(doc, { boardId, ids: ['a'], dx: 0.05, dy: 0 }, origin)
 */
export function moveSceneObjects(
  doc: Y.Doc,
  args: { boardId: string; ids: readonly string[]; dx: number; dy: number },
  origin: unknown,
): void {
  if (!finite(args.dx) || !finite(args.dy))
    throw new CommandError('scene.badNumber', 'A move needs finite distances.');
  if (args.dx === 0 && args.dy === 0) return;
  const objects = movable(doc, args.boardId, args.ids);
  const offsets = new Map(objects.map((o) => [o.id, { dx: args.dx, dy: args.dy }]));
  updateSceneObjects(
    doc,
    { boardId: args.boardId, patches: movePatches(objects, offsets) },
    origin,
  );
}

/** Lines up the left (or top) edges of the unlocked objects with the outermost one. */
export function alignSceneObjects(
  doc: Y.Doc,
  args: { boardId: string; ids: readonly string[]; edge: 'left' | 'top' },
  origin: unknown,
): void {
  if (args.edge !== 'left' && args.edge !== 'top')
    throw new CommandError('scene.badEdge', `Cannot align on ${String(args.edge)}.`);
  const objects = movable(doc, args.boardId, args.ids);
  if (objects.length < 2) return;
  const patches = movePatches(objects, alignOffsets(objects, args.edge));
  updateSceneObjects(doc, { boardId: args.boardId, patches }, origin);
}

/** Spaces the unlocked objects' centres evenly from left to right (three or more). */
export function distributeSceneObjects(
  doc: Y.Doc,
  args: { boardId: string; ids: readonly string[] },
  origin: unknown,
): void {
  const objects = movable(doc, args.boardId, args.ids);
  const offsets = new Map(
    [...distributeOffsets(objects)].map(([id, dx]) => [id, { dx, dy: 0 }] as const),
  );
  if (offsets.size === 0) return;
  updateSceneObjects(
    doc,
    { boardId: args.boardId, patches: movePatches(objects, offsets) },
    origin,
  );
}

/** Locks objects (they can no longer be moved, changed or deleted) or unlocks them. */
export function lockSceneObjects(
  doc: Y.Doc,
  args: { boardId: string; ids: readonly string[]; locked: boolean },
  origin: unknown,
): void {
  if (typeof args.locked !== 'boolean')
    throw new CommandError('scene.badLock', 'Locked is true or false.');
  const patches = args.ids.map((id) => ({ id, patch: { locked: args.locked } }));
  updateSceneObjects(doc, { boardId: args.boardId, patches }, origin);
}

/**
 * Adds copies of objects (pasted or duplicated), moved by (dx, dy), unlocked, on top; markers take
 * new numbers. Returns the new ids, all written in one transaction.
 */
export function pasteSceneObjects(
  doc: Y.Doc,
  args: { boardId: string; objects: readonly SceneObject[]; dx: number; dy: number },
  origin: unknown,
): string[] {
  if (!finite(args.dx) || !finite(args.dy))
    throw new CommandError('scene.badNumber', 'A paste needs finite offsets.');
  const ids: string[] = [];
  doc.transact(() => {
    for (const o of args.objects) {
      const { id: _id, z: _z, number: _n, ...rest } = shifted(o, args.dx, args.dy);
      ids.push(
        addSceneObject(doc, { boardId: args.boardId, object: { ...rest, locked: false } }, origin),
      );
    }
  }, origin);
  return ids;
}

/**
 * Scales the background image so that the line from `from` to `to`, drawn over it, is `metres`
 * long; a locked background stays locked.
 */
export function calibrateBackground(
  doc: Y.Doc,
  args: { boardId: string; from: Point; to: Point; metres: number },
  origin: unknown,
): void {
  if (!finite(args.metres) || args.metres <= 0)
    throw new CommandError('scene.badLength', 'A length is a positive number of metres.');
  const background = listSceneObjects(doc, args.boardId).find((o) => o.background);
  if (!background) return;
  let box: ReturnType<typeof calibratedBackground>;
  try {
    box = calibratedBackground(background, args.from, args.to, args.metres);
  } catch {
    throw new CommandError('scene.badLength', 'The line drawn has no length.');
  }
  const patches = [
    { id: background.id, patch: { ...box, locked: background.locked ? false : undefined } },
    ...(background.locked ? [{ id: background.id, patch: { locked: true } }] : []),
  ];
  updateSceneObjects(doc, { boardId: args.boardId, patches }, origin);
}

/** Brings objects to the front or sends them to the back, or one step forward or backward. */
export function reorderSceneObjects(
  doc: Y.Doc,
  args: { boardId: string; ids: readonly string[]; to: 'front' | 'back' | 'forward' | 'backward' },
  origin: unknown,
): void {
  const nodes = nodesOf(doc, args.boardId);
  const all = listSceneObjects(doc, args.boardId).filter((o) => !o.background);
  const moving = new Set(args.ids);
  const chosen = all.filter((o) => moving.has(o.id));
  if (chosen.length === 0) return;
  const rest = all.filter((o) => !moving.has(o.id));
  let before: string | null;
  let after: string | null;
  if (args.to === 'front') [before, after] = [rest.at(-1)?.z ?? null, null];
  else if (args.to === 'back') [before, after] = [null, rest[0]?.z ?? null];
  else {
    // One step: past the nearest other object above (or below) the chosen ones.
    const top = chosen.at(-1)!.z;
    const bottom = chosen[0]!.z;
    if (args.to === 'forward') {
      const i = rest.findIndex((o) => o.z > top);
      if (i < 0) return;
      [before, after] = [rest[i]!.z, rest[i + 1]?.z ?? null];
    } else {
      const below = rest.filter((o) => o.z < bottom);
      if (below.length === 0) return;
      [before, after] = [below.at(-2)?.z ?? null, below.at(-1)!.z];
    }
  }
  if (before !== null && after !== null && before >= after) after = null;
  doc.transact(() => {
    let previous = before;
    for (const o of chosen) {
      const z = generateKeyBetween(previous, after);
      recordAt(nodes, o.id)?.set('z', z);
      previous = z;
    }
  }, origin);
}

/** Groups objects (they select and move together) and returns the group id; or ungroups them. */
export function groupSceneObjects(
  doc: Y.Doc,
  args: { boardId: string; ids: readonly string[]; group: boolean },
  origin: unknown,
): string | null {
  const nodes = nodesOf(doc, args.boardId);
  const group = args.group ? newId() : null;
  doc.transact(() => {
    for (const id of args.ids) {
      const record = recordAt(nodes, id);
      if (!record || record.get('type') !== 'scene') continue;
      if (group) record.set('group', group);
      else record.delete('group');
    }
  }, origin);
  return group;
}
