/**
 * Each board kind's fuzz generators, for the convergence fuzz test: it runs every kind's generators
 * on boards of that kind, next to the case-level ones, and fails when a command has none. (The
 * board registry will carry these on each kind's descriptor; until then this map is the list.)
 */
import type { BoardKind } from '../core/schema.ts';
import type { FuzzGenerators } from '../core/fuzz.ts';
import { graphFuzz } from './graph/fuzz.ts';
import { mindMapFuzz } from './mindmap/fuzz.ts';
import { sceneFuzz } from './scene/fuzz.ts';

export type { FuzzContext, FuzzGenerator, FuzzGenerators, FuzzRandom } from '../core/fuzz.ts';

/**
 * Generators by board kind.
 * @example for (const [kind, generators] of Object.entries(BOARD_FUZZ)) for (const run of Object.values(generators)) run({ doc, rng, origin, boardId })
 */
export const BOARD_FUZZ: Readonly<Record<BoardKind, FuzzGenerators>> = {
  mindmap: mindMapFuzz,
  scene: sceneFuzz,
  // Evidence and relationship charts are both nodes and links, edited by the same commands.
  evidence: graphFuzz,
  relationship: graphFuzz,
  // The timeline draws the register's dated entities and has no board commands of its own; its
  // edits are register commands, fuzzed with the case.
  timeline: {},
};
