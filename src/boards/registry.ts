import type { BoardKind } from '../core/schema.ts';
import type { DrawnEntities } from '../core/history.ts';
import type { BoardDescriptor } from './types.ts';
import { mindmapBoard } from './mindmap/index.ts';
import { sceneBoard } from './scene/index.ts';
import { evidenceBoard } from './evidence/index.ts';
import { timelineBoard } from './timeline/index.ts';
import { relationshipBoard } from './relationship/index.ts';

/**
 * Every board kind, in the order the add-board menu lists them. Adding a kind is one folder
 * (`src/boards/<kind>/index.ts` exporting its descriptor) and one line here; see
 * docs/architecture.md.
 */
export const BOARD_DESCRIPTORS: readonly BoardDescriptor[] = [
  mindmapBoard,
  sceneBoard,
  evidenceBoard,
  timelineBoard,
  relationshipBoard,
];

const BY_KIND = new Map<string, BoardDescriptor>(BOARD_DESCRIPTORS.map((d) => [d.kind, d]));

/**
 * The descriptor of a kind; undefined for a kind this version does not know (a case written by a
 * newer one), which the shared canvas shows.
 * @example boardDescriptor('scene')?.canFrame // false
 */
export function boardDescriptor(kind: string): BoardDescriptor | undefined {
  return BY_KIND.get(kind);
}

/** The kinds a person can add, in menu order. */
export const ADDABLE_KINDS: readonly BoardKind[] = BOARD_DESCRIPTORS.map((d) => d.kind);

/** The node keys that hold positions on a board of `kind` (every known key for an unknown kind). */
export function positionKeysOf(kind: string): readonly string[] {
  return (
    boardDescriptor(kind)?.positionKeys ?? [
      ...new Set(BOARD_DESCRIPTORS.flatMap((d) => d.positionKeys)),
    ]
  );
}

/** The register entities a board of `kind` draws instead of nodes (the timeline's events), if any. */
export function drawnEntitiesOf(kind: string): DrawnEntities | null {
  return boardDescriptor(kind)?.drawnEntities ?? null;
}
