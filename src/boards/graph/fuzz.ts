/**
 * Fuzz generators of the chart commands that evidence and relationship boards share: nodes, links
 * and the charts' entity nodes (see src/core/fuzz.ts and tests/unit/convergence-fuzz.test.ts).
 */
import { addEntityNode, seedFacts } from '../../core/commands/charts.ts';
import { addLink, deleteLinks, reverseLink, updateLink } from '../../core/commands/links.ts';
import {
  addNode,
  deleteNodes,
  linkNode,
  moveNodes,
  setNodeLabel,
} from '../../core/commands/nodes.ts';
import {
  entityIdsOf,
  edgeIdsOf,
  FUZZ_LABELS,
  nodeIdsOf,
  stale,
  type FuzzGenerators,
} from '../../core/fuzz.ts';

/** One generator per node, link and chart command, run on a board of the kind being fuzzed. */
export const graphFuzz: FuzzGenerators = {
  addNode: ({ doc, rng, origin: o, boardId }) =>
    void addNode(
      doc,
      {
        boardId,
        x: rng.int(1000),
        y: rng.int(1000),
        ...(rng.chance(0.5)
          ? { entity: stale(rng, rng.pick(entityIdsOf(doc))) }
          : { label: rng.pick(FUZZ_LABELS) }),
      },
      o,
    ),
  moveNodes: ({ doc, rng, origin: o, boardId }) => {
    const moves = rng
      .some(nodeIdsOf(doc, boardId))
      .map((id) => ({ id, x: rng.int(1000), y: rng.int(1000) }));
    moveNodes(doc, { boardId, moves }, o);
  },
  setNodeLabel: ({ doc, rng, origin: o, boardId }) => {
    const id = stale(rng, rng.pick(nodeIdsOf(doc, boardId)));
    setNodeLabel(doc, { boardId, id, label: rng.pick(FUZZ_LABELS)! }, o);
  },
  linkNode: ({ doc, rng, origin: o, boardId }) => {
    const id = stale(rng, rng.pick(nodeIdsOf(doc, boardId)));
    const entity = rng.chance(0.3) ? null : stale(rng, rng.pick(entityIdsOf(doc)));
    linkNode(doc, { boardId, id, entity }, o);
  },
  deleteNodes: ({ doc, rng, origin: o, boardId }) => {
    deleteNodes(doc, { boardId, ids: rng.some(nodeIdsOf(doc, boardId)) }, o);
  },
  addEntityNode: ({ doc, rng, origin: o, boardId }) =>
    void addEntityNode(
      doc,
      {
        boardId,
        kind: rng.pick(['person', 'evidence', 'fact'] as const)!,
        name: rng.pick(FUZZ_LABELS.filter((l) => l.trim()))!,
        x: rng.int(500),
        y: rng.int(500),
      },
      o,
    ),
  seedFacts: ({ doc, origin: o, boardId }) =>
    void seedFacts(
      doc,
      {
        boardId,
        facts: [{ name: 'Hành vi khách quan', factType: 'element-objective' }, { name: 'Lỗi' }],
        x: 0,
        y: 0,
      },
      o,
    ),

  // Links
  addLink: ({ doc, rng, origin: o, boardId }) => {
    const nodes = nodeIdsOf(doc, boardId);
    addLink(
      doc,
      {
        boardId,
        source: stale(rng, rng.pick(nodes)),
        target: stale(rng, rng.pick(nodes)),
        type: rng.pick(['supports', 'contradicts', 'corroborates', 'relation'])!,
      },
      o,
    );
  },
  updateLink: ({ doc, rng, origin: o, boardId }) => {
    const id = stale(rng, rng.pick(edgeIdsOf(doc, boardId)));
    updateLink(doc, { boardId, id, patch: { note: rng.pick(FUZZ_LABELS), strength: 'strong' } }, o);
  },
  reverseLink: ({ doc, rng, origin: o, boardId }) => {
    const id = stale(rng, rng.pick(edgeIdsOf(doc, boardId)));
    reverseLink(doc, { boardId, id }, o);
  },
  deleteLinks: ({ doc, rng, origin: o, boardId }) => {
    deleteLinks(doc, { boardId, ids: rng.some(edgeIdsOf(doc, boardId)) }, o);
  },
};
