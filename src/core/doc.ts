import * as Y from 'yjs';
import { migrateOffences } from './offences.ts';
import { BOARD_KINDS, SCHEMA_VERSION, type BoardKind, type Classification } from './schema.ts';

/**
 * The layout of a case's Y.Doc (schema 2, `SCHEMA_VERSION`; src/core/migrations.ts brings older
 * documents up). Only `core/` writes it; see docs/document-model.md.
 *
 * meta      Y.Map  schema, title, caseNumber, offences, classification (`stage` is accepted as a
 *                  string by the update check, validate.ts, but nothing writes or reads it)
 * boards    Y.Map  boardId → Y.Map { id, kind, title, order, settings, nodes, edges }
 * register  Y.Map  entityId → Y.Map (people, evidence items, events, facts, places)
 * deck      Y.Map  slideId → Y.Map (slides)
 * files     Y.Map  sha256 → Y.Map { hash, name, mime, size, pages?, marks } (added by schema 2)
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

/**
 * The root maps. Their values are typed `unknown` on purpose: any peer can write anything anywhere
 * (a stock y-websocket client is enough), so every reader goes through `recordAt`/`eachRecord`,
 * which skip and report what is not a record instead of throwing (docs/document-model.md,
 * "Validation").
 */
export const metaOf = (doc: Y.Doc): YRecord => doc.getMap('meta');
export const boardsOf = (doc: Y.Doc): YRecord => doc.getMap('boards');
export const registerOf = (doc: Y.Doc): YRecord => doc.getMap('register');
export const deckOf = (doc: Y.Doc): YRecord => doc.getMap('deck');
export const filesOf = (doc: Y.Doc): YRecord => doc.getMap('files');

/** True when `value` is a record (a Y.Map); everything else a reader meets is skipped. */
export function isRecord(value: unknown): value is YRecord {
  return value instanceof Y.Map;
}

/**
 * True when `value` is a plain object as stored in a map (not a Y type, an array or bytes): what
 * the `procedure` and `report` maps keep under each key.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Y.AbstractType) &&
    !(value instanceof Uint8Array)
  );
}

/** One broken rule of a plain-object map (the shape of validate.ts's SchemaProblem). */
export interface PlainProblem {
  path: string;
  problem: string;
}

/**
 * The record under `key` of a map, or undefined when there is none or it is not a record (then
 * reported once through `onDocProblem`).
 * @example recordAt(boardsOf(doc), boardId)?.get('title')
 */
export function recordAt(map: unknown, key: string): YRecord | undefined {
  if (!isRecord(map)) return undefined;
  const value = map.get(key);
  if (value === undefined || isRecord(value)) return value;
  reportDocProblem(key, value);
  return undefined;
}

/**
 * Calls `fn` for each record of a map, skipping (and reporting) values that are not records.
 * @example eachRecord(boardsOf(doc), (board, id) => …)
 */
export function eachRecord(map: unknown, fn: (record: YRecord, key: string) => void): void {
  if (!isRecord(map)) return;
  map.forEach((value, key) => {
    if (isRecord(value)) fn(value, key);
    else reportDocProblem(key, value);
  });
}

/** The map under `key` of a record (a board's `nodes`, `edges`, `settings` …), if it is one. */
export function mapField(record: unknown, key: string): YRecord | undefined {
  if (!isRecord(record)) return undefined;
  const value = record.get(key);
  return isRecord(value) ? value : undefined;
}

/** A string field's value, or `fallback` when it is absent or of another type. */
export function textField(record: unknown, key: string, fallback = ''): string {
  const value = isRecord(record) ? record.get(key) : undefined;
  return typeof value === 'string' ? value : fallback;
}

/** A board's title, '' when the board is missing or its title is not text. */
export function boardTitleOf(doc: Y.Doc, boardId: string): string {
  return textField(recordAt(boardsOf(doc), boardId), 'title');
}

/** Describes a value's type for problem reports and the validator: `Y.Text`, `number` … */
export function typeName(value: unknown): string {
  if (value instanceof Y.Map) return 'Y.Map';
  if (value instanceof Y.Array) return 'Y.Array';
  if (value instanceof Y.Text) return 'Y.Text';
  if (value instanceof Y.AbstractType) return 'Y.' + value.constructor.name;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Uint8Array) return 'bytes';
  return typeof value;
}

type DocProblemListener = (key: string, found: string) => void;
const warned = new Set<string>();
let problemListener: DocProblemListener = (key, found) => {
  // Once per key and type: a broken record read on every render must not flood the console.
  const id = `${key}:${found}`;
  if (warned.has(id) || warned.size > 1000) return;
  warned.add(id);
  console.warn(`CaseBoard: skipped a ${found} where a record was expected (key "${key}")`);
};

/**
 * Replaces where readers report skipped values (tests collect them; the default warns once per
 * key in the console). Returns the previous listener.
 */
export function onDocProblem(listener: DocProblemListener): DocProblemListener {
  const previous = problemListener;
  problemListener = listener;
  return previous;
}

function reportDocProblem(key: string, value: unknown): void {
  problemListener(key, typeName(value));
}

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
export function readBoard(board: unknown): BoardSummary | null {
  if (!isRecord(board)) return null;
  const id = board.get('id');
  const kind = board.get('kind');
  if (typeof id !== 'string' || !(BOARD_KINDS as readonly unknown[]).includes(kind)) return null;
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
