import * as Y from 'yjs';
import { z } from 'zod';
import { eachRecord, filesOf, mapField, recordAt, textField, type YRecord } from '../doc.ts';
import { newId } from '../ids.ts';
import { CommandError } from './boards.ts';

/**
 * The case file in the document: one record per uploaded file (by SHA-256), with the marks people
 * draw on it. The bytes live on the server; the document only names them.
 */

export const FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type FileType = (typeof FILE_TYPES)[number];

export const SHA256 = /^[0-9a-f]{64}$/;

export interface CaseFile {
  hash: string;
  name: string;
  mime: FileType;
  size: number;
  /** Pages of a PDF, once the page has counted them; 1 for an image. */
  pages?: number;
  /** The BL (bút lục) number of the file's first page: page n is BL firstBl + n − 1. */
  firstBl?: number;
}

export const MARK_KINDS = ['highlight', 'arrow', 'note', 'callout'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

const unit = z.number().min(-1).max(2);
/**
 * A mark on a page of a file. Coordinates are fractions of the page's width and height (0–1), so a
 * mark stays put at any zoom. An arrow goes from (x, y) to (x2, y2); a callout shows the region
 * (x, y, w, h) enlarged in a copy whose top-left corner is (x2, y2) and whose width is w2, its height
 * following the region's proportions. A callout without w2 (older cases) is placed where it fits
 * (`placeCallout`) when drawn.
 */
export const markSchema = z.object({
  kind: z.enum(MARK_KINDS),
  page: z.number().int().min(1).max(100_000),
  x: unit,
  y: unit,
  w: unit.optional(),
  h: unit.optional(),
  x2: unit.optional(),
  y2: unit.optional(),
  w2: unit.optional(),
  text: z
    .string()
    .transform((s) => s.normalize('NFC'))
    .pipe(z.string().max(2000))
    .optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
});
export type MarkInput = z.infer<typeof markSchema>;
export type Mark = MarkInput & { id: string };

/** Records an uploaded file in the case document; a file already recorded keeps its marks. */
export function addFileRecord(doc: Y.Doc, file: CaseFile, origin: unknown): void {
  if (!SHA256.test(file.hash)) throw new CommandError('files.badHash', 'Not a SHA-256 hash.');
  const files = filesOf(doc);
  const existing = recordAt(files, file.hash);
  doc.transact(() => {
    if (existing) {
      if (file.pages !== undefined) existing.set('pages', file.pages);
      return;
    }
    const record: YRecord = new Y.Map();
    record.set('hash', file.hash);
    record.set('name', file.name.normalize('NFC'));
    record.set('mime', file.mime);
    record.set('size', file.size);
    if (file.pages !== undefined) record.set('pages', file.pages);
    record.set('marks', new Y.Map());
    files.set(file.hash, record);
  }, origin);
}

export function listFiles(doc: Y.Doc): CaseFile[] {
  const files: CaseFile[] = [];
  eachRecord(filesOf(doc), (record) => {
    const hash = record.get('hash');
    if (typeof hash !== 'string') return;
    files.push({
      hash,
      name: textField(record, 'name'),
      mime: textField(record, 'mime') as FileType,
      size: typeof record.get('size') === 'number' ? (record.get('size') as number) : 0,
      ...(typeof record.get('pages') === 'number' ? { pages: record.get('pages') as number } : {}),
      ...(typeof record.get('firstBl') === 'number'
        ? { firstBl: record.get('firstBl') as number }
        : {}),
    });
  });
  return files.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/**
 * Sets where a file's BL numbering starts (null clears it), so its pages are cited by BL.
 * @example setFirstBl(doc, { hash, firstBl: 45 }, origin) // page 3 is BL 47
 */
export function setFirstBl(
  doc: Y.Doc,
  args: { hash: string; firstBl: number | null },
  origin: unknown,
): void {
  const record = recordAt(filesOf(doc), args.hash);
  if (!record) throw new CommandError('files.notFound', 'No such file.');
  const { firstBl } = args;
  if (firstBl !== null && (!Number.isInteger(firstBl) || firstBl < 1 || firstBl > 999_999))
    throw new CommandError('files.badFirstBl', 'A BL number is a whole number from 1.');
  doc.transact(() => {
    if (firstBl === null) record.delete('firstBl');
    else record.set('firstBl', firstBl);
  }, origin);
}

/** The BL number of page `page` of a file, or null when the file has no BL numbering. */
export function blOfPage(file: Pick<CaseFile, 'firstBl'>, page: number): number | null {
  return file.firstBl === undefined ? null : file.firstBl + page - 1;
}

/** Adds a mark to a file and returns its id. */
export function addMark(
  doc: Y.Doc,
  args: { hash: string; mark: MarkInput },
  origin: unknown,
): string {
  const marks = marksOf(doc, args.hash);
  const parsed = markSchema.safeParse(args.mark);
  if (!parsed.success)
    throw new CommandError('files.badMark', parsed.error.issues[0]?.message ?? 'invalid mark');
  const id = newId();
  doc.transact(() => marks.set(id, { ...parsed.data, id }), origin);
  return id;
}

export function updateMark(
  doc: Y.Doc,
  args: { hash: string; id: string; mark: Partial<MarkInput> },
  origin: unknown,
): void {
  const marks = marksOf(doc, args.hash);
  const current = marks.get(args.id);
  if (!current) throw new CommandError('files.markNotFound', 'No such mark.');
  const parsed = markSchema.safeParse({ ...current, ...args.mark });
  if (!parsed.success)
    throw new CommandError('files.badMark', parsed.error.issues[0]?.message ?? 'invalid mark');
  doc.transact(() => marks.set(args.id, { ...parsed.data, id: args.id }), origin);
}

export function deleteMark(doc: Y.Doc, args: { hash: string; id: string }, origin: unknown): void {
  const marks = marksOf(doc, args.hash);
  doc.transact(() => marks.delete(args.id), origin);
}

export function listMarks(doc: Y.Doc, hash: string, page?: number): Mark[] {
  const marks = mapField(recordAt(filesOf(doc), hash), 'marks');
  if (!marks) return [];
  return [...marks.values()].filter(
    (m): m is Mark =>
      markSchema.safeParse(m).success &&
      typeof (m as Mark).id === 'string' &&
      (page === undefined || (m as Mark).page === page),
  );
}

function marksOf(doc: Y.Doc, hash: string): Y.Map<Mark> {
  const marks = mapField(recordAt(filesOf(doc), hash), 'marks');
  if (!marks) throw new CommandError('files.notFound', 'No such file in this case.');
  return marks as Y.Map<Mark>;
}
