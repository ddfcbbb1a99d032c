/**
 * What a fuzz generator gets: the convergence fuzz test (tests/unit/convergence-fuzz.test.ts) runs
 * every command many times on many peers, and each command has a generator that draws plausible
 * (and now and then stale) arguments from the peer's own document. Board kinds keep their
 * generators next to their code (src/boards/<kind>/fuzz.ts), the case-level ones are in
 * src/core/caseFuzz.ts.
 * Nothing here runs in the app.
 */
import type * as Y from 'yjs';
import { boardsOf } from './doc.ts';
import { edgesOf } from './commands/links.ts';
import { nodesOf } from './commands/nodes.ts';
import { listEntities } from './commands/register.ts';

/** The seeded randomness a generator draws from (tests/helpers/random.ts makes one from a seed). */
export interface FuzzRandom {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T | undefined;
  /** One to `max` distinct items. */
  some<T>(items: readonly T[], max?: number): T[];
}

export interface FuzzContext {
  /** The peer's document. */
  doc: Y.Doc;
  rng: FuzzRandom;
  /** The peer's transaction origin. */
  origin: unknown;
  /** A board of the generator's kind, or (now and then, or when there is none) an id that is gone. */
  boardId: string;
}

/**
 * Runs one command with arguments drawn from the context; a refusal (`CommandError`) is fine.
 * @example const setNote: FuzzGenerator = ({ doc, rng, origin, boardId }) => setTopic(doc, { boardId, id: stale(rng, rng.pick(nodeIdsOf(doc, boardId))), patch: { note: 'Ghi chú' } }, origin)
 */
export type FuzzGenerator = (context: FuzzContext) => void;

/** A kind's generators by command name: every command of the kind has one. */
export type FuzzGenerators = Readonly<Record<string, FuzzGenerator>>;

/** Labels to draw from: Vietnamese, a dash, a lone symbol, empty and blank. */
export const FUZZ_LABELS = [
  'Người bị hại',
  'Bị can Trần Văn B',
  'Vật chứng số 3',
  'BL 12–15',
  'Ω',
  '',
  '  ',
] as const;

/** Now and then an id that does not exist (deleted by someone else, or never there). */
export const stale = (rng: FuzzRandom, id: string | undefined): string =>
  rng.chance(0.05) ? 'gone' : (id ?? 'gone');

/** The ids of a board's nodes (topics, scene objects, chart nodes); none when the board is gone. */
export const nodeIdsOf = (doc: Y.Doc, boardId: string | undefined): string[] =>
  boardId && boardsOf(doc).has(boardId) ? [...nodesOf(doc, boardId).keys()] : [];

/** The ids of a board's edges (links, relationship lines); none when the board is gone. */
export const edgeIdsOf = (doc: Y.Doc, boardId: string | undefined): string[] =>
  boardId && boardsOf(doc).has(boardId) ? [...edgesOf(doc, boardId).keys()] : [];

/** The ids of the register's entities, of one kind or all. */
export const entityIdsOf = (doc: Y.Doc, kind?: string): string[] =>
  listEntities(doc)
    .filter((e) => !kind || e.kind === kind)
    .map((e) => e.id);
