import type * as Y from 'yjs';
import { recordAt, registerOf, type YRecord } from '../doc.ts';
import { newId } from '../ids.ts';
import { orderAfterLast } from '../order.ts';
import {
  COMPARISON_MARKS,
  MARK_KEY,
  PASSAGE_KEY,
  isStatementRecord,
  passageInputSchema,
  readPassages,
  type ComparisonMark,
  type Passage,
  type PassageInput,
} from '../statements.ts';
import { CommandError } from './boards.ts';

/**
 * Commands of statements side by side: a statement's passages and the comparison's marks. Each
 * checks its arguments first (a refused command changes nothing) and runs in one transaction.
 * The model is in src/core/statements.ts and docs/document-model.md.
 */

function requireStatement(doc: Y.Doc, id: string): YRecord {
  const record = recordAt(registerOf(doc), id);
  if (!record) throw new CommandError('register.notFound', `No entity ${id} in this case.`);
  if (!isStatementRecord(record))
    throw new CommandError('statement.notStatement', 'Only a statement has passages.');
  return record;
}

function parsePassage(input: unknown): PassageInput {
  const parsed = passageInputSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? '';
    const code = message.startsWith('statement.') ? message : 'statement.badPassage';
    throw new CommandError(code, message || 'invalid passage');
  }
  return parsed.data;
}

/** Drops absent fields: the stored object holds only what is set (null is not a value here). */
function compact(passage: Passage): Passage {
  return Object.fromEntries(
    Object.entries(passage).filter(([, v]) => v !== undefined && v !== ''),
  ) as Passage;
}

/**
 * Adds a passage to a statement and returns its id: a short quote (NFC), the issue, fact or event
 * it speaks to, the aspect, and where it is in the case file (file, page, region as fractions of
 * the page). The case-file search makes a passage from a result with it.
 * @example addStatementPassage(doc, statementId, { quote: 'Tôi thấy anh Hùng lúc 21 giờ', file, page: 3, region: { x: 0.1, y: 0.4, w: 0.8, h: 0.1 } })
 */
export function addStatementPassage(
  doc: Y.Doc,
  statementId: string,
  passage: {
    quote: string;
    file?: string;
    page?: number;
    region?: { x: number; y: number; w: number; h: number };
    target?: string;
    aspect?: string;
  },
  origin: unknown = null,
): string {
  const record = requireStatement(doc, statementId);
  const fields = parsePassage(passage);
  const id = newId();
  const order = orderAfterLast(readPassages(record));
  doc.transact(() => record.set(PASSAGE_KEY + id, compact({ id, order, ...fields })), origin);
  return id;
}

/**
 * Changes a passage's fields; a field given as '' (or null) is cleared. The passage is written
 * whole, so two people editing one passage at once end with one of their versions.
 */
export function updateStatementPassage(
  doc: Y.Doc,
  args: { statementId: string; passageId: string; patch: Record<string, unknown> },
  origin: unknown,
): void {
  const record = requireStatement(doc, args.statementId);
  const current = readPassages(record).find((p) => p.id === args.passageId);
  if (!current) throw new CommandError('statement.passageNotFound', 'No such passage.');
  const { id, order, ...rest } = current;
  const merged: Record<string, unknown> = { ...rest };
  for (const [key, value] of Object.entries(args.patch)) {
    if (value === '' || value === null || value === undefined) delete merged[key];
    else merged[key] = value;
  }
  // A region without a page is meaningless: clearing the page clears the region.
  if (merged.page === undefined) delete merged.region;
  const fields = parsePassage(merged);
  doc.transact(() => record.set(PASSAGE_KEY + id, compact({ id, order, ...fields })), origin);
}

export function deleteStatementPassage(
  doc: Y.Doc,
  args: { statementId: string; passageId: string },
  origin: unknown,
): void {
  const record = requireStatement(doc, args.statementId);
  if (!record.has(PASSAGE_KEY + args.passageId))
    throw new CommandError('statement.passageNotFound', 'No such passage.');
  doc.transact(() => record.delete(PASSAGE_KEY + args.passageId), origin);
}

/**
 * Marks a cell of the comparison (a statement on a row: a fact or an event) as consistent,
 * contradicting or silent; `null` removes the mark.
 * @example setComparisonMark(doc, { statementId, target: factId, mark: 'contradicting' }, origin)
 */
export function setComparisonMark(
  doc: Y.Doc,
  args: { statementId: string; target: string; mark: ComparisonMark | null },
  origin: unknown,
): void {
  const record = requireStatement(doc, args.statementId);
  if (args.mark !== null && !COMPARISON_MARKS.includes(args.mark))
    throw new CommandError('statement.badMark', `Unknown mark: ${String(args.mark)}`);
  const row = recordAt(registerOf(doc), args.target);
  const kind = row?.get('kind');
  if (kind !== 'fact' && kind !== 'event')
    throw new CommandError('statement.badRow', 'A row is a fact or an event of the register.');
  doc.transact(() => {
    if (args.mark === null) record.delete(MARK_KEY + args.target);
    else record.set(MARK_KEY + args.target, args.mark);
  }, origin);
}
