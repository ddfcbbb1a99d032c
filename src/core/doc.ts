import type * as Y from 'yjs';
import { migrateOffences } from './offences.ts';
import { SCHEMA_VERSION, type BoardKind, type Classification } from './schema.ts';

/**
 * The layout of a case's Y.Doc (schema 1). Only `core/` writes it; see docs/document-model.md.
 *
 * meta      Y.Map  schema, title, caseNumber, offences, classification, stage
 * boards    Y.Map  boardId → Y.Map { id, kind, title, order, settings, nodes, edges }
 * register  Y.Map  entityId → Y.Map (people, evidence items, events, facts)
 * deck      Y.Map  slideId → Y.Map (slides)
 * files     Y.Map  sha256 → Y.Map { hash, name, mime, size, pages?, marks } (schema 2)
 */

export type YRecord = Y.Map<unknown>;

export interface CaseMeta {
  schema: number;
  title: string;
  caseNumber: string;
  offences: string[];
  classification: Classification;
}

export interface BoardSummary {
  id: string;
  kind: BoardKind;
  title: string;
  order: string;
}

export const metaOf = (doc: Y.Doc): YRecord => doc.getMap('meta');
export const boardsOf = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap('boards');
export const registerOf = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap('register');
export const deckOf = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap('deck');
export const filesOf = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap('files');

/** Reads the case metadata, with defaults for fields a document does not have yet. */
export function readMeta(doc: Y.Doc): CaseMeta {
  const meta = metaOf(doc);
  const offences = meta.get('offences');
  return {
    schema: numberOr(meta.get('schema'), 0),
    title: stringOr(meta.get('title'), ''),
    caseNumber: stringOr(meta.get('caseNumber'), ''),
    // Older cases hold offences as typed; they are read by article where they name one.
    offences: Array.isArray(offences)
      ? migrateOffences(offences.filter((o): o is string => typeof o === 'string'))
      : [],
    classification: (stringOr(meta.get('classification'), 'none') as Classification) ?? 'none',
  };
}

/** Reads one board's summary, or null when the record is not a well-formed board. */
export function readBoard(board: YRecord): BoardSummary | null {
  const id = board.get('id');
  const kind = board.get('kind');
  if (typeof id !== 'string' || typeof kind !== 'string') return null;
  return {
    id,
    kind: kind as BoardKind,
    title: stringOr(board.get('title'), ''),
    order: stringOr(board.get('order'), ''),
  };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

export { SCHEMA_VERSION };
