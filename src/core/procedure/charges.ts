import { findOffence, formatOffence } from '../offences.ts';
import {
  classOfPenalty,
  CLASS_NAMES_VI,
  moreSerious,
  type MaxPenalty,
  type OffenceClass,
} from './classes.ts';
import type { ChargeClassRecord } from './events.ts';
import { clausesOf } from './penalClauses.ts';

/** A class and where it comes from. */
export interface ClassInfo {
  class: OffenceClass;
  maximum: MaxPenalty;
  /** 'Khoản 4 Điều 173 BLHS 2015 (sửa đổi 2017)'. */
  source: string;
  /** The penalty frame as printed. */
  frame?: string;
}

/**
 * The class of an offence charged under `clause` of `article`, from the clause's highest penalty
 * (Điều 9 BLHS), as the law stood on `day` (today when absent); null when the table has no data
 * for that clause (the user then gives the maximum or the class by hand).
 * @example offenceClass('173', 1)?.class // 'less-serious'
 * @example offenceClass('173', 4)?.class // 'especially-serious'
 */
export function offenceClass(
  article: string,
  clause: number | undefined,
  day?: string,
): ClassInfo | null {
  if (clause === undefined) return null;
  const row = clausesOf(article, day).find((c) => c.clause === clause);
  return row
    ? { class: classOfPenalty(row.max), maximum: row.max, source: row.source, frame: row.frame }
    : null;
}

/** One charge of the case with its class: derived from the clause, given by hand, or overridden. */
export interface ChargeClass {
  ref: string;
  article: string;
  clause?: number;
  /** From the clause data; null when there is none. */
  derived: ClassInfo | null;
  /** The highest penalty given by hand (articles without clause data). */
  manual?: ClassInfo;
  /** A class set by hand over the derived one, with its reason, who and when. */
  override?: { class: OffenceClass; reason: string; by?: string; at?: string };
  /** The class that counts: the override, else the derived or manual one; null when unknown. */
  class: OffenceClass | null;
}

/**
 * The case's charges with their classes (`offences` are references such as `BLHS-173.4`;
 * `records` the class records of the procedure map).
 * @example chargeClasses(['BLHS-173.1'], [])[0].class // 'less-serious'
 */
export function chargeClasses(
  offences: readonly string[],
  records: readonly ChargeClassRecord[],
  day?: string,
): ChargeClass[] {
  const byRef = new Map(records.map((r) => [r.ref, r]));
  return offences.flatMap((ref) => {
    const offence = findOffence(ref);
    if (!offence) return [];
    const derived = offenceClass(offence.article, offence.clause, day);
    const record = byRef.get(ref);
    const manual =
      record?.maximum !== undefined
        ? {
            class: classOfPenalty(record.maximum),
            maximum: record.maximum,
            source: `${formatOffence(ref)} (nhập tay)`,
          }
        : undefined;
    const override =
      record?.override && record.reason
        ? { class: record.override, reason: record.reason, by: record.by, at: record.at }
        : undefined;
    return [
      {
        ref,
        article: offence.article,
        ...(offence.clause === undefined ? {} : { clause: offence.clause }),
        derived,
        ...(manual ? { manual } : {}),
        ...(override ? { override } : {}),
        class: override?.class ?? derived?.class ?? manual?.class ?? null,
      },
    ];
  });
}

/**
 * The class the case's deadlines follow: the most serious of its charges' classes; null when no
 * charge has one yet.
 */
export function caseClass(charges: readonly ChargeClass[]): OffenceClass | null {
  let found: OffenceClass | null = null;
  for (const charge of charges)
    if (charge.class && (!found || moreSerious(charge.class, found))) found = charge.class;
  return found;
}

/**
 * A charge with its class as prosecutors write it.
 * @example describeCharge(chargeClasses(['BLHS-173.4'], [])[0]) // 'Khoản 4 Điều 173 BLHS — tội phạm đặc biệt nghiêm trọng'
 */
export function describeCharge(charge: ChargeClass): string {
  const where = `${charge.clause === undefined ? '' : `Khoản ${charge.clause} `}Điều ${charge.article} BLHS`;
  return charge.class ? `${where} — ${CLASS_NAMES_VI[charge.class]}` : where;
}
