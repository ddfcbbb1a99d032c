import type * as Y from 'yjs';
import { z } from 'zod';
import { eachRecord, isRecord, recordAt, registerOf, textField, type YRecord } from './doc.ts';
import { compareOrdered } from './order.ts';
import { FACT_TYPES } from './register.ts';
import { compareVietnamese } from './text.ts';
import { parseCaseTime } from './time.ts';

/**
 * Statements side by side (lời khai): a statement is a register evidence item of type `statement`
 * with who gave it, when, its record (biên bản), its BL pages, the case-file document it is in, and
 * its passages, each tied to an issue or fact (or an event). The comparison marks each
 * (statement, row) cell consistent, contradicting or silent. See docs/evidence.md, "Statements
 * side by side".
 *
 * Storage: passages and marks are flat keys of the statement's own register record,
 * `passage:<id>` → plain object and `mark:<target>` → one of `COMPARISON_MARKS`. Two people adding
 * passages or marking cells at once write different keys (or the same key, last writer wins), so
 * the record converges without a nested map that two peers could create twice.
 */

export const PASSAGE_KEY = 'passage:';
export const MARK_KEY = 'mark:';

/** What part of the row a passage speaks to (Article 85(1): time, place, who, what). */
export const PASSAGE_ASPECTS = ['time', 'place', 'who', 'what', 'other'] as const;
export type PassageAspect = (typeof PASSAGE_ASPECTS)[number];

export const COMPARISON_MARKS = ['consistent', 'contradicting', 'silent'] as const;
export type ComparisonMark = (typeof COMPARISON_MARKS)[number];

export const QUOTE_MAX = 2000;
const SHA256 = /^[0-9a-f]{64}$/;

const fraction = z.number().finite().min(0).max(1);
/** A region of a page as fractions of its width and height, like the case file's marks. */
export const regionSchema = z
  .object({ x: fraction, y: fraction, w: fraction.positive(), h: fraction.positive() })
  .strict();
export type PageRegion = z.infer<typeof regionSchema>;

const quote = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, 'statement.emptyQuote').max(QUOTE_MAX));

/** The fields of a passage a command accepts (`id` and `order` are the command's). */
export const passageInputSchema = z
  .object({
    quote,
    target: z.string().min(1).max(64).optional(),
    aspect: z.enum(PASSAGE_ASPECTS).optional(),
    file: z.string().regex(SHA256, 'statement.badFile').optional(),
    page: z
      .number({ error: 'statement.badPage' })
      .int('statement.badPage')
      .min(1, 'statement.badPage')
      .max(100_000, 'statement.badPage')
      .optional(),
    region: regionSchema.optional(),
  })
  .strict()
  .refine((p) => !p.region || p.page !== undefined, { message: 'statement.regionWithoutPage' });
export type PassageInput = z.infer<typeof passageInputSchema>;

/** A passage as stored: the input with its id and its order among the statement's passages. */
const storedPassageSchema = z
  .object({
    id: z.string().min(1).max(64),
    order: z.string().min(1).max(200),
    quote: z.string().min(1).max(QUOTE_MAX),
    target: z.string().min(1).max(64).optional(),
    aspect: z.enum(PASSAGE_ASPECTS).optional(),
    file: z.string().regex(SHA256).optional(),
    page: z.number().int().min(1).max(100_000).optional(),
    region: regionSchema.optional(),
  })
  .strict();
export type Passage = z.infer<typeof storedPassageSchema>;

/**
 * What is wrong with one flat key of a register record, if it is a statement's passage or mark;
 * null when it is fine or not one of them. The update check (validate.ts) uses it.
 * @example statementKeyProblem('mark:f1', 'maybe') // 'not one of consistent, contradicting, silent'
 */
export function statementKeyProblem(key: string, value: unknown): string | null {
  if (key.startsWith(PASSAGE_KEY)) {
    const parsed = storedPassageSchema.safeParse(value);
    if (!parsed.success) return `not a passage (${parsed.error.issues[0]?.path.join('.') ?? ''})`;
    if (parsed.data.id !== key.slice(PASSAGE_KEY.length)) return 'a passage under another id';
    return null;
  }
  if (key.startsWith(MARK_KEY)) {
    if (key.length === MARK_KEY.length) return 'a mark without a row';
    return (COMPARISON_MARKS as readonly unknown[]).includes(value)
      ? null
      : `not one of ${COMPARISON_MARKS.join(', ')}`;
  }
  return null;
}

/** A statement as the comparison and the register read it. */
export interface Statement {
  id: string;
  name: string;
  /** The person who gave it (a register person id) and their name now; empty when unknown. */
  givenBy: string;
  givenByName: string;
  /** When, as typed; `time` is its reading (ms), null when it cannot be read. */
  givenAt: string;
  time: number | null;
  /** The record (biên bản): its name or number. */
  recordName: string;
  pages: string;
  /** The case-file document it is in (SHA-256), when known. */
  document: string;
  passages: Passage[];
  /** Row (fact or event id) → mark. */
  marks: Record<string, ComparisonMark>;
}

/** The passages of a statement record, in their order. */
export function readPassages(record: YRecord): Passage[] {
  const passages: Passage[] = [];
  record.forEach((value, key) => {
    if (!key.startsWith(PASSAGE_KEY)) return;
    const parsed = storedPassageSchema.safeParse(value);
    if (parsed.success && parsed.data.id === key.slice(PASSAGE_KEY.length))
      passages.push(parsed.data);
  });
  return passages.sort(compareOrdered);
}

function readMarks(record: YRecord): Record<string, ComparisonMark> {
  const marks: Record<string, ComparisonMark> = {};
  record.forEach((value, key) => {
    if (key.startsWith(MARK_KEY) && (COMPARISON_MARKS as readonly unknown[]).includes(value))
      marks[key.slice(MARK_KEY.length)] = value as ComparisonMark;
  });
  return marks;
}

/** Whether a register record is a statement (evidence of type `statement`). */
export function isStatementRecord(record: unknown): record is YRecord {
  return (
    isRecord(record) &&
    record.get('kind') === 'evidence' &&
    record.get('evidenceType') === 'statement'
  );
}

/** Reads one statement of the register; null when the id names none. */
export function readStatement(doc: Y.Doc, id: string): Statement | null {
  const record = recordAt(registerOf(doc), id);
  if (!isStatementRecord(record)) return null;
  const givenBy = textField(record, 'givenBy');
  const givenAt = textField(record, 'givenAt');
  return {
    id,
    name: textField(record, 'name'),
    givenBy,
    givenByName: givenBy ? textField(recordAt(registerOf(doc), givenBy), 'name') : '',
    givenAt,
    time: parseCaseTime(givenAt)?.at ?? null,
    recordName: textField(record, 'recordName'),
    pages: textField(record, 'pages'),
    document: textField(record, 'document'),
    passages: readPassages(record),
    marks: readMarks(record),
  };
}

/**
 * Every statement of the case, in time order (statements whose time cannot be read last), then by
 * name.
 * @example listStatements(doc).map((s) => s.givenAt) // ['14/3/2025', '2/4/2025', '']
 */
export function listStatements(doc: Y.Doc): Statement[] {
  const out: Statement[] = [];
  eachRecord(registerOf(doc), (record, id) => {
    if (!isStatementRecord(record)) return;
    const statement = readStatement(doc, id);
    if (statement) out.push(statement);
  });
  return out.sort(compareStatements);
}

export function compareStatements(a: Statement, b: Statement): number {
  if (a.time !== b.time) {
    if (a.time === null) return 1;
    if (b.time === null) return -1;
    return a.time - b.time;
  }
  return compareVietnamese(a.name, b.name) || (a.id < b.id ? -1 : 1);
}

/** A row of the comparison: an issue or fact of the register, or an event. */
export interface ComparisonRow {
  id: string;
  kind: 'fact' | 'event';
  name: string;
}

/** Rows grouped under their issue of Article 85 (or element, untyped fact, event). */
export interface ComparisonGroup {
  /** A fact type of `FACT_TYPES`, `fact` for facts without one, `event` for events. */
  group: string;
  rows: ComparisonRow[];
}

/**
 * The rows of the comparison: every fact of the register grouped by its type (the six issues of
 * Article 85 first, then the elements of the offence, then facts without a type), then the events
 * some passage speaks to. Within a group, by name.
 */
export function comparisonRows(doc: Y.Doc, statements: readonly Statement[]): ComparisonGroup[] {
  const targeted = new Set(statements.flatMap((s) => s.passages.map((p) => p.target)));
  const groups = new Map<string, ComparisonRow[]>();
  eachRecord(registerOf(doc), (record, id) => {
    const kind = record.get('kind');
    if (kind !== 'fact' && !(kind === 'event' && targeted.has(id))) return;
    const type = record.get('factType');
    const group =
      kind === 'event'
        ? 'event'
        : (FACT_TYPES as readonly unknown[]).includes(type)
          ? (type as string)
          : 'fact';
    const rows = groups.get(group) ?? [];
    rows.push({ id, kind, name: textField(record, 'name') });
    groups.set(group, rows);
  });
  return [...FACT_TYPES, 'fact', 'event']
    .filter((group) => groups.has(group))
    .map((group) => ({
      group,
      rows: groups
        .get(group)!
        .sort((a, b) => compareVietnamese(a.name, b.name) || (a.id < b.id ? -1 : 1)),
    }));
}

/** A row some statement is marked as contradicting on. */
export interface StatementContradiction {
  target: string;
  targetName: string;
  /** The statements marked contradicting on it, in time order. */
  statements: Array<{ id: string; name: string }>;
}

/**
 * Rows with at least one cell marked contradicting, and the statements so marked; rows that are no
 * longer in the register are left out.
 */
export function statementContradictions(doc: Y.Doc): StatementContradiction[] {
  const register = registerOf(doc);
  const byTarget = new Map<string, StatementContradiction>();
  for (const statement of listStatements(doc)) {
    for (const [target, mark] of Object.entries(statement.marks)) {
      if (mark !== 'contradicting') continue;
      const row = recordAt(register, target);
      if (!row) continue;
      const entry = byTarget.get(target) ?? {
        target,
        targetName: textField(row, 'name'),
        statements: [],
      };
      entry.statements.push({ id: statement.id, name: statement.name });
      byTarget.set(target, entry);
    }
  }
  return [...byTarget.values()].sort(
    (a, b) => compareVietnamese(a.targetName, b.targetName) || (a.target < b.target ? -1 : 1),
  );
}

/** A passage a slide names, with its statement; null when either is gone. */
export function slidePassage(
  doc: Y.Doc,
  ref: { statement: string; passage: string },
): { statement: Statement; passage: Passage } | null {
  const statement = readStatement(doc, ref.statement);
  const passage = statement?.passages.find((p) => p.id === ref.passage);
  return statement && passage ? { statement, passage } : null;
}

/** "Nguyễn Văn Ấn — 14/3/2025": who gave a statement and when, as the slide heads a column. */
export function statementHeading(statement: Statement, unknownPerson: string): string {
  return [statement.givenByName || unknownPerson, statement.givenAt].filter(Boolean).join(' — ');
}
