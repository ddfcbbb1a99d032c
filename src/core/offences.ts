import { PENAL_CODE_ARTICLES, PENAL_CODE_OFFENCE_RANGE } from './penalCode.ts';
import { foldForSearch } from './text.ts';

/**
 * Offences charged in a case, stored by Penal Code article as `BLHS-173` (Article 173), shown as
 * "Điều 173 BLHS — Tội trộm cắp tài sản", found by number or by words of the name typed without
 * diacritics. Cases from before articles were picked hold free text ("173", "Điều 173", "trộm cắp
 * tài sản"), which `migrateOffence` turns into the article where it names one. A charge may name the
 * clause too, `BLHS-173.4` (khoản 4 Điều 173), which sets its class (src/core/procedure/); a
 * reference without a clause stays valid.
 */

export interface Offence {
  /** `BLHS-173`: what the case stores. */
  ref: string;
  /** `173`, or `217a` for an article inserted by a later law. */
  article: string;
  /** The offence's name in the Penal Code; null for an article this table does not name. */
  name: string | null;
  /** The clause (khoản) charged, when the reference names one (`BLHS-173.4` → 4). */
  clause?: number;
}

const REF = /^BLHS-(\d{3}[a-z]?)(?:\.([1-9]\d?))?$/;

const OFFENCES: Offence[] = PENAL_CODE_ARTICLES.map(([article, name]) => ({
  ref: `BLHS-${article}`,
  article,
  name,
}));
const BY_REF = new Map(OFFENCES.map((o) => [o.ref, o]));
const FOLDED = OFFENCES.map((o) => ({ offence: o, text: foldForSearch(`${o.article} ${o.name}`) }));

function inPartTwo(article: string): boolean {
  const n = Number.parseInt(article, 10);
  return n >= PENAL_CODE_OFFENCE_RANGE.from && n <= PENAL_CODE_OFFENCE_RANGE.to;
}

/**
 * The offence a stored reference names: an article of Part Two of the Penal Code (108–425), with
 * its name when the table has it; null for anything else (free text of an old case).
 * @example findOffence('BLHS-173') // { ref: 'BLHS-173', article: '173', name: 'Tội trộm cắp tài sản' }
 * @example findOffence('173') // null
 */
export function findOffence(ref: string): Offence | null {
  const known = BY_REF.get(ref);
  if (known) return known;
  const match = REF.exec(ref);
  const article = match?.[1];
  if (!article || !inPartTwo(article)) return null;
  const clause = match[2] === undefined ? undefined : Number(match[2]);
  const name = BY_REF.get(`BLHS-${article}`)?.name ?? null;
  return clause === undefined ? { ref, article, name } : { ref, article, name, clause };
}

/**
 * The reference of `ref`'s article charged under `clause` (none: the article alone).
 * @example withClause('BLHS-173', 4) // 'BLHS-173.4'
 * @example withClause('BLHS-173.4', undefined) // 'BLHS-173'
 */
export function withClause(ref: string, clause: number | undefined): string {
  const offence = findOffence(ref);
  if (!offence) return ref;
  return clause === undefined ? `BLHS-${offence.article}` : `BLHS-${offence.article}.${clause}`;
}

/** Whether `ref` is a stored offence reference the server accepts. */
export function isOffenceRef(ref: string): boolean {
  return findOffence(ref) !== null;
}

/**
 * The one way an offence is shown. Free text that names no article is shown as it is.
 * @example formatOffence('BLHS-173') // 'Điều 173 BLHS — Tội trộm cắp tài sản'
 * @example formatOffence('BLHS-199') // 'Điều 199 BLHS'
 * @example formatOffence('BLHS-173.1') // 'Khoản 1 Điều 173 BLHS — Tội trộm cắp tài sản'
 */
export function formatOffence(ref: string): string {
  const offence = findOffence(ref);
  if (!offence) return ref;
  const where = `${offence.clause === undefined ? '' : `Khoản ${offence.clause} `}Điều ${offence.article} BLHS`;
  return offence.name ? `${where} — ${offence.name}` : where;
}

/**
 * Offences matching what a person typed: an article number ("173", "Điều 17"), or words of the
 * name with or without diacritics ("trom cap"). A number of Part Two that the table does not name
 * is offered too, so any article can be charged.
 * @example searchOffences('trom cap')[0].ref // 'BLHS-173'
 */
export function searchOffences(query: string, limit = 30): Offence[] {
  const folded = foldForSearch(query.normalize('NFC'))
    .replace(/\b(?:dieu|d\.|blhs)\b/g, ' ')
    .trim();
  if (!folded) return OFFENCES.slice(0, limit);
  const number = /^(\d{1,3}[a-z]?)$/.exec(folded)?.[1];
  if (number) {
    const found = OFFENCES.filter((o) => o.article.startsWith(number));
    const exact = findOffence(`BLHS-${number}`);
    if (exact && !found.some((o) => o.ref === exact.ref)) found.unshift(exact);
    return found.slice(0, limit);
  }
  const words = folded.split(/\s+/);
  return FOLDED.filter(({ text }) => words.every((w) => text.includes(w)))
    .map(({ offence }) => offence)
    .slice(0, limit);
}

/**
 * Turns an offence as an old case typed it into its article reference, when it names one: a
 * number of Part Two ("173", "Điều 173 BLHS", "đ.173"), or exactly the name of an offence with or
 * without "Tội" and diacritics. Anything else is returned unchanged.
 * @example migrateOffence('173') // 'BLHS-173'
 * @example migrateOffence('Điều 173 BLHS') // 'BLHS-173'
 * @example migrateOffence('tội trộm cắp tài sản') // 'BLHS-173'
 * @example migrateOffence('trộm xe') // 'trộm xe'
 */
export function migrateOffence(text: string): string {
  const trimmed = text.normalize('NFC').trim();
  if (isOffenceRef(trimmed)) return trimmed;
  const folded = foldForSearch(trimmed);
  const number = /^(?:(?:dieu|d\.?)\s*)?(\d{3}[a-z]?)(?:\s*(?:blhs|bo luat hinh su))?\.?$/.exec(
    folded,
  )?.[1];
  if (number && isOffenceRef(`BLHS-${number}`)) return `BLHS-${number}`;
  const name = folded.replace(/^toi\s+/, '');
  const byName = FOLDED.find(({ offence }) => foldForSearch(offence.name ?? '') === `toi ${name}`);
  return byName ? byName.offence.ref : trimmed;
}

/** Migrates a case's offences (see `migrateOffence`), keeping each once, in order. */
export function migrateOffences(list: readonly string[]): string[] {
  return [...new Set(list.map(migrateOffence).filter(Boolean))];
}
