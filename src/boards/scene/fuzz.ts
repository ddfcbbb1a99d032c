/**
 * Fuzz generators of the scene commands: objects, markers, order, groups, scale and references
 * (see src/core/fuzz.ts and tests/unit/convergence-fuzz.test.ts).
 */
import {
  addSceneObject,
  deleteSceneObjects,
  listSceneObjects,
  renumberMarkers,
  setSceneReferences,
  setSceneScale,
  updateSceneObjects,
} from '../../core/commands/scene.ts';
import {
  alignSceneObjects,
  calibrateBackground,
  distributeSceneObjects,
  groupSceneObjects,
  lockSceneObjects,
  moveSceneObjects,
  pasteSceneObjects,
  reorderSceneObjects,
} from '../../core/commands/sceneArrange.ts';
import { entityIdsOf, nodeIdsOf, stale, type FuzzGenerators } from '../../core/fuzz.ts';

/** One generator per scene command, run on a scene board. */
export const sceneFuzz: FuzzGenerators = {
  addSceneObject: ({ doc, rng, origin: o, boardId }) => {
    const x = rng.int(20);
    const y = rng.int(20);
    const object = rng.pick([
      { shape: 'rect', x, y, w: 2, h: 1, label: 'Bàn' },
      {
        shape: 'wall',
        points: [
          { x, y },
          { x: x + 4, y },
          { x: x + 4, y: y + 3 },
        ],
        closed: true,
      },
      { shape: 'marker', x, y, entity: stale(rng, rng.pick(entityIdsOf(doc, 'evidence'))) },
      { shape: 'refpoint', x, y, label: 'A' },
      {
        shape: 'measure',
        points: [
          { x, y },
          { x: x + 1, y: y + 1 },
        ],
        pins: [rng.pick(nodeIdsOf(doc, boardId)) ?? null, null],
      },
      { shape: 'text', x, y, label: 'Cửa chính' },
    ] as const)!;
    addSceneObject(doc, { boardId, object: object as never }, o);
  },
  updateSceneObjects: ({ doc, rng, origin: o, boardId }) => {
    const patches = rng
      .some(nodeIdsOf(doc, boardId))
      .map((id) => ({ id, patch: { x: rng.int(30), y: rng.int(30), rotation: rng.int(360) } }));
    updateSceneObjects(doc, { boardId, patches }, o);
  },
  deleteSceneObjects: ({ doc, rng, origin: o, boardId }) => {
    deleteSceneObjects(doc, { boardId, ids: rng.some(nodeIdsOf(doc, boardId)) }, o);
  },
  renumberMarkers: ({ doc, origin: o, boardId }) => renumberMarkers(doc, { boardId }, o),
  reorderSceneObjects: ({ doc, rng, origin: o, boardId }) => {
    reorderSceneObjects(
      doc,
      {
        boardId,
        ids: rng.some(nodeIdsOf(doc, boardId)),
        to: rng.pick(['front', 'back', 'forward', 'backward'] as const)!,
      },
      o,
    );
  },
  groupSceneObjects: ({ doc, rng, origin: o, boardId }) => {
    groupSceneObjects(
      doc,
      {
        boardId,
        ids: rng.some(nodeIdsOf(doc, boardId)),
        group: rng.chance(0.7),
      },
      o,
    );
  },
  setSceneScale: ({ doc, rng, origin: o, boardId }) =>
    setSceneScale(
      doc,
      {
        boardId,
        gridMetres: rng.pick([0.5, 1, 2])!,
      },
      o,
    ),
  setSceneReferences: ({ doc, rng, origin: o, boardId }) => {
    setSceneReferences(doc, { boardId, references: rng.some(nodeIdsOf(doc, boardId), 2) }, o);
  },
  moveSceneObjects: ({ doc, rng, origin: o, boardId }) => {
    const ids = rng.some(nodeIdsOf(doc, boardId));
    moveSceneObjects(doc, { boardId, ids, dx: rng.int(3), dy: -1 }, o);
  },
  alignSceneObjects: ({ doc, rng, origin: o, boardId }) => {
    const edge = rng.pick(['left', 'top'] as const)!;
    // Two or more objects: aligning one is refused.
    alignSceneObjects(doc, { boardId, ids: rng.some(nodeIdsOf(doc, boardId), 5), edge }, o);
  },
  distributeSceneObjects: ({ doc, rng, origin: o, boardId }) =>
    distributeSceneObjects(doc, { boardId, ids: rng.some(nodeIdsOf(doc, boardId), 6) }, o),
  lockSceneObjects: ({ doc, rng, origin: o, boardId }) => {
    const ids = rng.some(nodeIdsOf(doc, boardId));
    lockSceneObjects(doc, { boardId, ids, locked: rng.chance(0.3) }, o);
  },
  pasteSceneObjects: ({ doc, rng, origin: o, boardId }) => {
    const wanted = new Set(rng.some(nodeIdsOf(doc, boardId), 2));
    const objects = listSceneObjects(doc, boardId).filter((x) => wanted.has(x.id));
    pasteSceneObjects(doc, { boardId, objects, dx: 0.5, dy: 0.5 }, o);
  },
  calibrateBackground: ({ doc, rng, origin: o, boardId }) =>
    calibrateBackground(
      doc,
      { boardId, from: { x: 0, y: 0 }, to: { x: rng.int(5) + 1, y: 0 }, metres: rng.int(10) + 1 },
      o,
    ),
};
