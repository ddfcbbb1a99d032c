/**
 * Fuzz generators of the mind-map commands: topics, relationship lines, summaries, pasted outlines
 * and imported maps (see src/core/fuzz.ts and tests/unit/convergence-fuzz.test.ts).
 */
import {
  addParent,
  addRelationship,
  addSibling,
  addSummary,
  addTopic,
  deleteTopics,
  importMap,
  importMapSteps,
  importWorkbook,
  importWorkbookSteps,
  insertOutline,
  listSummaries,
  moveTopic,
  setRelationship,
  setRelationshipControl,
  setSummary,
  setTopic,
  shiftTopic,
} from '../../core/commands/mindmap.ts';
import {
  entityIdsOf,
  edgeIdsOf,
  FUZZ_LABELS,
  nodeIdsOf,
  stale,
  type FuzzGenerators,
} from '../../core/fuzz.ts';

/** One generator per mind-map command, run on a mind-map board. */
export const mindMapFuzz: FuzzGenerators = {
  addTopic: ({ doc, rng, origin: o, boardId }) => {
    const parent = rng.chance(0.1) ? null : stale(rng, rng.pick(nodeIdsOf(doc, boardId)));
    addTopic(doc, { boardId, parent, index: rng.int(4), label: rng.pick(FUZZ_LABELS)! }, o);
  },
  addSibling: ({ doc, rng, origin: o, boardId }) => {
    const of = stale(rng, rng.pick(nodeIdsOf(doc, boardId)));
    addSibling(doc, { boardId, of, before: rng.chance(0.5), label: 'Nhánh' }, o);
  },
  addParent: ({ doc, rng, origin: o, boardId }) => {
    const of = stale(rng, rng.pick(nodeIdsOf(doc, boardId)));
    addParent(doc, { boardId, of, label: 'Nhóm' }, o);
  },
  deleteTopics: ({ doc, rng, origin: o, boardId }) => {
    deleteTopics(doc, { boardId, ids: rng.some(nodeIdsOf(doc, boardId), 2) }, o);
  },
  moveTopic: ({ doc, rng, origin: o, boardId }) => {
    const nodes = nodeIdsOf(doc, boardId);
    moveTopic(
      doc,
      {
        boardId,
        id: stale(rng, rng.pick(nodes)),
        parent: rng.chance(0.05) ? null : stale(rng, rng.pick(nodes)),
        index: rng.int(4),
      },
      o,
    );
  },
  shiftTopic: ({ doc, rng, origin: o, boardId }) => {
    const id = stale(rng, rng.pick(nodeIdsOf(doc, boardId)));
    shiftTopic(doc, { boardId, id, delta: rng.chance(0.5) ? 1 : -1 }, o);
  },
  setTopic: ({ doc, rng, origin: o, boardId }) => {
    const id = stale(rng, rng.pick(nodeIdsOf(doc, boardId)));
    const patch = rng.pick([
      { label: rng.pick(FUZZ_LABELS)! },
      { note: 'Ghi chú' },
      { markers: ['suspect', 'warning'] as const },
      { collapsed: rng.chance(0.5) },
      { boundary: rng.chance(0.5) ? 'Nhóm chứng cứ' : null },
      { entity: rng.chance(0.5) ? null : stale(rng, rng.pick(entityIdsOf(doc))) },
      { pages: '3-4' },
      { color: '#aa3300' },
    ])!;
    setTopic(doc, { boardId, id, patch }, o);
  },
  insertOutline: ({ doc, rng, origin: o, boardId }) => {
    insertOutline(
      doc,
      {
        boardId,
        parent: stale(rng, rng.pick(nodeIdsOf(doc, boardId))),
        nodes: [{ label: 'Lời khai', children: [{ label: 'Ngày 12/3', children: [] }] }],
      },
      o,
    );
  },
  importWorkbook: ({ doc, rng, origin: o, boardId }) => {
    importWorkbook(
      doc,
      {
        boardId,
        parent: stale(rng, rng.pick(nodeIdsOf(doc, boardId))),
        model: {
          title: 'Trang 1',
          roots: [{ label: 'Trang đầu', children: [{ label: 'A', children: [] }] }],
          relationships: [],
          sheets: [
            {
              title: 'Trang 2',
              roots: [{ label: 'Trang sau', children: [{ label: 'B', children: [] }] }],
              relationships: [],
            },
          ],
        },
      },
      o,
    );
  },
  importMap: ({ doc, rng, origin: o, boardId }) => {
    importMap(
      doc,
      {
        boardId,
        parent: stale(rng, rng.pick(nodeIdsOf(doc, boardId))),
        model: {
          title: 'Nhập',
          roots: [
            {
              label: 'Nhập từ XMind',
              children: [
                { label: 'A', ref: 'a', children: [] },
                { label: 'B', ref: 'b', children: [] },
              ],
            },
          ],
          relationships: [{ from: 'a', to: 'b', label: 'liên quan' }],
        },
      },
      o,
    );
  },
  // The same imports written one topic a transaction, as a big file is (src/canvas/importFile.ts).
  importMapSteps: ({ doc, rng, origin: o, boardId }) => {
    const steps = importMapSteps(
      doc,
      {
        boardId,
        parent: stale(rng, rng.pick(nodeIdsOf(doc, boardId))),
        model: {
          title: 'Nhập dần',
          roots: [
            {
              label: 'Nhập từng phần',
              children: [
                { label: 'C', ref: 'c', children: [{ label: 'C1', children: [] }] },
                { label: 'D', ref: 'd', children: [] },
              ],
            },
          ],
          relationships: [{ from: 'c', to: 'd', label: 'liên quan' }],
        },
      },
      o,
      1,
    );
    for (let step = steps.next(); !step.done; step = steps.next(1));
  },
  importWorkbookSteps: ({ doc, rng, origin: o, boardId }) => {
    const steps = importWorkbookSteps(
      doc,
      {
        boardId,
        parent: stale(rng, rng.pick(nodeIdsOf(doc, boardId))),
        model: {
          title: 'Trang 1',
          roots: [{ label: 'Trang đầu', children: [{ label: 'E', children: [] }] }],
          relationships: [],
          sheets: [
            {
              title: 'Trang 2',
              roots: [{ label: 'Trang sau', children: [{ label: 'F', children: [] }] }],
              relationships: [],
            },
          ],
        },
      },
      o,
      1,
    );
    for (let step = steps.next(); !step.done; step = steps.next(1));
  },
  addRelationship: ({ doc, rng, origin: o, boardId }) => {
    const nodes = nodeIdsOf(doc, boardId);
    addRelationship(
      doc,
      {
        boardId,
        source: stale(rng, rng.pick(nodes)),
        target: stale(rng, rng.pick(nodes)),
        label: 'mâu thuẫn',
      },
      o,
    );
  },
  setRelationship: ({ doc, rng, origin: o, boardId }) => {
    const id = stale(rng, rng.pick(edgeIdsOf(doc, boardId)));
    setRelationship(doc, { boardId, id, label: rng.pick(FUZZ_LABELS)! }, o);
  },
  setRelationshipControl: ({ doc, rng, origin: o, boardId }) => {
    const id = stale(rng, rng.pick(edgeIdsOf(doc, boardId)));
    setRelationshipControl(doc, { boardId, id, control: { dx: rng.int(50), dy: -rng.int(50) } }, o);
  },
  addSummary: ({ doc, rng, origin: o, boardId }) => {
    addSummary(
      doc,
      {
        boardId,
        topics: rng.some(nodeIdsOf(doc, boardId), 2),
        label: 'Tóm tắt',
      },
      o,
    );
  },
  setSummary: ({ doc, rng, origin: o, boardId }) => {
    const id = stale(rng, rng.pick(listSummaries(doc, boardId).map((s) => s.id)));
    setSummary(doc, { boardId, id, label: rng.pick(FUZZ_LABELS)! }, o);
  },
};
