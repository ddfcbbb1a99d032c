import type * as Y from 'yjs';
import { z } from 'zod';
import { CommandError } from '../commands/boards.ts';
import { isPlainObject, type PlainProblem } from '../doc.ts';

/**
 * The case report's settings ("Báo cáo án"), kept in the case document so the whole team shares
 * them: the `report` root map, flat like `procedure` (two peers creating a nested map at once would
 * lose one), each value a plain object under its own key:
 *
 * - `cover`: the cover's own fields (procuracy, prosecutor, date); the case number, title,
 *   offences and classification come from `meta`;
 * - `order`: the sections in the user's order;
 * - `section:<id>`: one section on or off, with free text before and after it;
 * - `figures`: the boards drawn as figures, in order.
 *
 * A section's key is its own, so two people writing the text of two sections never overwrite each
 * other; the order is one list (the last move wins, and readers add any section it lacks).
 */

/** Every section after the cover, in the default order. */
export const REPORT_SECTIONS = [
  'summary',
  'people',
  'chronology',
  'elements',
  'proof',
  'evidence',
  'scene',
  'figures',
  'deadlines',
] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

export const REPORT_TEXT_MAX = 20_000;
export const REPORT_FIGURES_MAX = 30;

const sectionId = z.enum(REPORT_SECTIONS);
const day = z.union([
  z.literal(''),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a day YYYY-MM-DD'),
]);

export const reportCoverSchema = z.object({
  procuracy: z.string().max(300),
  prosecutor: z.string().max(300),
  date: day,
});
export type ReportCover = z.infer<typeof reportCoverSchema>;

export const reportSectionSchema = z.object({
  enabled: z.boolean(),
  before: z.string().max(REPORT_TEXT_MAX),
  after: z.string().max(REPORT_TEXT_MAX),
});
export type ReportSectionFields = z.infer<typeof reportSectionSchema>;

const stored = {
  cover: reportCoverSchema.extend({ type: z.literal('cover') }),
  order: z.object({
    type: z.literal('order'),
    sections: z.array(sectionId).max(REPORT_SECTIONS.length),
  }),
  figures: z.object({
    type: z.literal('figures'),
    boards: z.array(z.string().min(1).max(64)).max(REPORT_FIGURES_MAX),
  }),
  section: reportSectionSchema.extend({ type: z.literal('section'), id: sectionId }),
};

export interface ReportSection extends ReportSectionFields {
  id: ReportSectionId;
}

export interface ReportSettings {
  cover: ReportCover;
  /** Every section, in the user's order. */
  sections: ReportSection[];
  /** Board ids chosen as figures, in order (ids of deleted boards included; readers skip them). */
  figures: string[];
}

export const reportOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('report');

const EMPTY_COVER: ReportCover = { procuracy: '', prosecutor: '', date: '' };
const DEFAULT_SECTION: ReportSectionFields = { enabled: true, before: '', after: '' };

/**
 * The report's settings with defaults: every section on, in the default order, no text, no
 * figures. A value that breaks the rules (written by a hostile peer) reads as absent.
 * @example readReportSettings(new Y.Doc()).sections[0] // { id: 'summary', enabled: true, before: '', after: '' }
 */
export function readReportSettings(doc: Y.Doc): ReportSettings {
  const map = reportOf(doc);
  const get = (key: string) => {
    const value = map.get(key);
    return isPlainObject(value) ? value : undefined;
  };
  const cover = stored.cover.safeParse(get('cover'));
  const order = stored.order.safeParse(get('order'));
  const figures = stored.figures.safeParse(get('figures'));
  const ids: ReportSectionId[] = [];
  for (const id of order.success ? order.data.sections : []) if (!ids.includes(id)) ids.push(id);
  for (const id of REPORT_SECTIONS) if (!ids.includes(id)) ids.push(id);
  return {
    cover: cover.success
      ? {
          procuracy: cover.data.procuracy,
          prosecutor: cover.data.prosecutor,
          date: cover.data.date,
        }
      : { ...EMPTY_COVER },
    sections: ids.map((id) => {
      const section = stored.section.safeParse(get(`section:${id}`));
      return section.success && section.data.id === id
        ? {
            id,
            enabled: section.data.enabled,
            before: section.data.before,
            after: section.data.after,
          }
        : { id, ...DEFAULT_SECTION };
    }),
    figures: figures.success ? [...new Set(figures.data.boards)] : [],
  };
}

function refuse(error: z.ZodError): never {
  const detail = error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
  throw new CommandError('report.badSettings', detail);
}

const nfc = (text: string) => text.normalize('NFC');

/**
 * Sets the cover's fields (those given; text trimmed and NFC).
 * @example setReportCover(doc, { procuracy: 'VKSND Khu vực 1 – Hà Nội' }, origin)
 */
export function setReportCover(doc: Y.Doc, patch: Partial<ReportCover>, origin: unknown): void {
  const current = readReportSettings(doc).cover;
  const next = { ...current };
  if (patch.procuracy !== undefined) next.procuracy = nfc(patch.procuracy).trim();
  if (patch.prosecutor !== undefined) next.prosecutor = nfc(patch.prosecutor).trim();
  if (patch.date !== undefined) next.date = patch.date.trim();
  const parsed = reportCoverSchema.safeParse(next);
  if (!parsed.success) refuse(parsed.error);
  doc.transact(() => reportOf(doc).set('cover', { type: 'cover', ...parsed.data }), origin);
}

/**
 * Turns a section on or off, or sets its free text before or after (NFC).
 * @example setReportSection(doc, 'people', { enabled: false }, origin)
 */
export function setReportSection(
  doc: Y.Doc,
  id: ReportSectionId,
  patch: Partial<ReportSectionFields>,
  origin: unknown,
): void {
  if (!sectionId.safeParse(id).success)
    throw new CommandError('report.badSettings', `no section ${String(id)}`);
  const current = readReportSettings(doc).sections.find((s) => s.id === id)!;
  const next: ReportSectionFields = {
    enabled: patch.enabled ?? current.enabled,
    before: patch.before === undefined ? current.before : nfc(patch.before),
    after: patch.after === undefined ? current.after : nfc(patch.after),
  };
  const parsed = reportSectionSchema.safeParse(next);
  if (!parsed.success) refuse(parsed.error);
  doc.transact(
    () => reportOf(doc).set(`section:${id}`, { type: 'section', id, ...parsed.data }),
    origin,
  );
}

/**
 * Moves a section to `index` (0-based, clamped) in the report's order.
 * @example moveReportSection(doc, 'deadlines', 0, origin) // the deadlines come first
 */
export function moveReportSection(
  doc: Y.Doc,
  id: ReportSectionId,
  index: number,
  origin: unknown,
): void {
  if (!sectionId.safeParse(id).success || !Number.isInteger(index))
    throw new CommandError('report.badSettings', `cannot move ${String(id)} to ${index}`);
  const ids = readReportSettings(doc).sections.map((s) => s.id);
  const rest = ids.filter((s) => s !== id);
  rest.splice(Math.max(0, Math.min(index, rest.length)), 0, id);
  if (rest.every((s, i) => s === ids[i])) return;
  doc.transact(() => reportOf(doc).set('order', { type: 'order', sections: rest }), origin);
}

/**
 * Chooses the boards drawn as figures, in order.
 * @example setReportFigures(doc, [sceneId, chartId], origin)
 */
export function setReportFigures(doc: Y.Doc, boards: readonly string[], origin: unknown): void {
  const parsed = stored.figures.safeParse({ type: 'figures', boards: [...new Set(boards)] });
  if (!parsed.success) refuse(parsed.error);
  doc.transact(() => reportOf(doc).set('figures', parsed.data), origin);
}

function schemaOf(key: string): z.ZodType | null {
  if (key === 'cover' || key === 'order' || key === 'figures') return stored[key];
  if (key.startsWith('section:')) return stored.section;
  return null;
}

/**
 * Checks the `report` map, or its entry `key`: known keys only, each a plain object of its schema
 * (a section under its own id). The server's update check refuses an update that breaks them.
 * @example checkReport(doc, 'order') // [{ path: 'report/order.sections.0', problem: '…' }]
 */
export function checkReport(doc: Y.Doc, key?: string): PlainProblem[] {
  const map = reportOf(doc);
  const out: PlainProblem[] = [];
  const check = (value: unknown, k: string) => {
    if (value === undefined) return;
    const path = `report/${k}`;
    const schema = schemaOf(k);
    if (!schema) return void out.push({ path, problem: 'not a report setting' });
    if (!isPlainObject(value)) return void out.push({ path, problem: 'not a plain object' });
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        out.push({
          path: issue.path.length ? `${path}.${issue.path.join('.')}` : path,
          problem: issue.message,
        });
    else if (k.startsWith('section:') && (value as { id: string }).id !== k.slice(8))
      out.push({ path: `${path}.id`, problem: 'differs from its key' });
  };
  if (key === undefined) map.forEach((value, k) => check(value, k));
  else check(map.get(key), key);
  return out;
}
