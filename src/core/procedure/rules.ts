/**
 * The procedural periods a case map tracks, as data: each row is one period of the Criminal
 * Procedure Code 2015 (Bộ luật Tố tụng hình sự, BLTTHS, 101/2015/QH13, in force 1 January 2018,
 * amended by Laws 02/2021/QH15 and 99/2025/QH15), with its source and the days it is in force. An
 * amendment is a new row with its `from` day (and a `to` day on the row it replaces), never new code.
 *
 * FIGURES MUST BE CHECKED AGAINST THE CURRENT TEXT; each row cites the article and clause it comes
 * from, and rows the author was least sure of carry `verify` (listed in docs/review.md).
 *
 * Reconciling docs' table (DOMAIN.md) with the code: investigation's "20 months" for especially
 * serious offences is 4 + 3 × 4 = 16 months by the Investigation Agency's extensions (Điều 172
 * khoản 2 điểm d) plus one further extension of up to 4 months by the Prosecutor General (Viện
 * trưởng VKSND tối cao, Điều 172 khoản 4); detention's "16 months" is 4 + 2 × 4 = 12 (Điều 173
 * khoản 2 điểm d) plus one further 4 months by the Prosecutor General (Điều 173 khoản 4). Those
 * last extensions are listed as `special`, shown as possible, and counted in the limit.
 */
import type { Duration } from './calendar.ts';
import type { OffenceClass } from './classes.ts';
import type { ProcedureEventKind } from './events.ts';

export type DeadlineStage =
  | 'custody'
  | 'detention'
  | 'investigation'
  | 'supplementary-investigation'
  | 'resumed-investigation'
  | 'prosecution';

/**
 * How a period is counted (calendar.ts): `calendar`, months to the same-numbered day and moved off
 * days off (Điều 134 khoản 1); `custody`, a month of 30 days, the first day counts, days off count
 * (Điều 134 khoản 1, last sentence; TTLT 04/2018 Điều 17).
 */
export type Counting = 'calendar' | 'custody';

export interface DeadlineRule {
  id: string;
  stage: DeadlineStage;
  /** The event that starts the period (the latest one starts it again). */
  startsOn: ProcedureEventKind;
  /** Events after the start that close the period (its status becomes `done`). */
  endsOn: readonly ProcedureEventKind[];
  /** The event that extends it by the duration it grants. */
  extendedBy?: ProcedureEventKind;
  /** Per person of the register (custody, detention) or for the whole case. */
  perPerson: boolean;
  counting: Counting;
  /** The period by class; one duration when the class does not matter. */
  base: Readonly<Record<OffenceClass, Duration>>;
  /** Each allowed extension's maximum, in order, by class. */
  extensions: Readonly<Record<OffenceClass, readonly Duration[]>>;
  /** A further extension by the Prosecutor General, by class, where the law allows one. */
  special?: Partial<Readonly<Record<OffenceClass, Duration>>>;
  /** 'Điều 172 khoản 1 BLTTHS 2015'. */
  source: string;
  /** Where the extensions come from. */
  extensionSource?: string;
  from: string;
  to?: string;
  verify?: true;
}

const CODE = 'BLTTHS 2015';
const IN_FORCE = '2018-01-01';
const m = (months: number): Duration => ({ months });
const d = (days: number): Duration => ({ days });
const h = (hours: number): Duration => ({ hours });
const each = <T>(value: T): Record<OffenceClass, T> => ({
  'less-serious': value,
  serious: value,
  'very-serious': value,
  'especially-serious': value,
});
const byClass = <T>(a: T, b: T, c: T, e: T): Record<OffenceClass, T> => ({
  'less-serious': a,
  serious: b,
  'very-serious': c,
  'especially-serious': e,
});

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    // Điều 118 khoản 1: không quá 03 ngày kể từ khi Cơ quan điều tra nhận người bị giữ; khoản 2:
    // gia hạn không quá 03 ngày, trường hợp đặc biệt lần thứ hai không quá 03 ngày. Counted in
    // hours from the time of receipt when the event has one (72 h), else to 24:00 of the third day.
    id: 'custody-118',
    stage: 'custody',
    startsOn: 'custody',
    endsOn: ['detention', 'released'],
    extendedBy: 'custody-extension',
    perPerson: true,
    counting: 'custody',
    base: each(h(72)),
    extensions: each([h(72), h(72)]),
    source: `Điều 118 khoản 1 ${CODE}`,
    extensionSource: `Điều 118 khoản 2 ${CODE}`,
    from: IN_FORCE,
  },
  {
    // Điều 173 khoản 1: 02/03/04/04 tháng; khoản 2: gia hạn một lần ≤ 01 tháng (ít NT), một lần
    // ≤ 02 tháng (NT), một lần ≤ 03 tháng (rất NT), hai lần mỗi lần ≤ 04 tháng (đặc biệt NT);
    // khoản 4: Viện trưởng VKSND tối cao gia hạn thêm một lần ≤ 04 tháng (đặc biệt NT).
    id: 'detention-173',
    stage: 'detention',
    startsOn: 'detention',
    endsOn: ['released'],
    extendedBy: 'detention-extension',
    perPerson: true,
    counting: 'custody',
    base: byClass(m(2), m(3), m(4), m(4)),
    extensions: byClass([m(1)], [m(2)], [m(3)], [m(4), m(4)]),
    special: { 'especially-serious': m(4) },
    source: `Điều 173 khoản 1 ${CODE}`,
    extensionSource: `Điều 173 khoản 2, 4 ${CODE}`,
    from: IN_FORCE,
    verify: true,
  },
  {
    // Điều 172 khoản 1: 02/03/04/04 tháng từ khi khởi tố vụ án; khoản 2: ít NT một lần ≤ 02
    // tháng; NT hai lần, 03 rồi 02 tháng; rất NT hai lần mỗi lần ≤ 04; đặc biệt NT ba lần mỗi lần
    // ≤ 04; khoản 4: Viện trưởng VKSND tối cao thêm một lần ≤ 04 tháng (đặc biệt NT).
    id: 'investigation-172',
    stage: 'investigation',
    startsOn: 'case-initiated',
    endsOn: ['investigation-ended'],
    extendedBy: 'investigation-extension',
    perPerson: false,
    counting: 'calendar',
    base: byClass(m(2), m(3), m(4), m(4)),
    extensions: byClass([m(2)], [m(3), m(2)], [m(4), m(4)], [m(4), m(4), m(4)]),
    special: { 'especially-serious': m(4) },
    source: `Điều 172 khoản 1 ${CODE}`,
    extensionSource: `Điều 172 khoản 2, 4 ${CODE}`,
    from: IN_FORCE,
  },
  {
    // Điều 174 khoản 1: điều tra bổ sung do VKS trả hồ sơ không quá 02 tháng, từ ngày Cơ quan
    // điều tra nhận lại hồ sơ; VKS trả hồ sơ không quá 02 lần.
    id: 'supplementary-174-1-vks',
    stage: 'supplementary-investigation',
    startsOn: 'returned',
    endsOn: ['investigation-ended', 'file-received'],
    perPerson: false,
    counting: 'calendar',
    base: each(m(2)),
    extensions: each([]),
    source: `Điều 174 khoản 1 ${CODE}`,
    from: IN_FORCE,
  },
  {
    // Điều 174 khoản 1: do Tòa án trả hồ sơ, không quá 01 tháng.
    id: 'supplementary-174-1-court',
    stage: 'supplementary-investigation',
    startsOn: 'court-returned',
    endsOn: ['investigation-ended', 'file-received'],
    perPerson: false,
    counting: 'calendar',
    base: each(m(1)),
    extensions: each([]),
    source: `Điều 174 khoản 1 ${CODE}`,
    from: IN_FORCE,
  },
  {
    // Điều 174 khoản 2: phục hồi điều tra (Điều 235) — 02 tháng (ít NT, NT), 03 tháng (rất NT,
    // đặc biệt NT) từ quyết định phục hồi; gia hạn: ít NT không; NT một lần ≤ 01 tháng; rất NT
    // một lần ≤ 02 tháng; đặc biệt NT một lần ≤ 03 tháng.
    id: 'resumed-174-2',
    stage: 'resumed-investigation',
    startsOn: 'resumed',
    endsOn: ['investigation-ended'],
    extendedBy: 'investigation-extension',
    perPerson: false,
    counting: 'calendar',
    base: byClass(m(2), m(2), m(3), m(3)),
    extensions: byClass([], [m(1)], [m(2)], [m(3)]),
    source: `Điều 174 khoản 2 ${CODE}`,
    extensionSource: `Điều 174 khoản 2 ${CODE}`,
    from: IN_FORCE,
    verify: true,
  },
  {
    // Điều 240: 20 ngày (ít NT, NT), 30 ngày (rất NT, đặc biệt NT) từ ngày nhận hồ sơ vụ án và
    // bản kết luận điều tra; gia hạn không quá 10/10/15/30 ngày.
    id: 'prosecution-240',
    stage: 'prosecution',
    startsOn: 'file-received',
    endsOn: ['indicted', 'returned'],
    extendedBy: 'prosecution-extension',
    perPerson: false,
    counting: 'calendar',
    base: byClass(d(20), d(20), d(30), d(30)),
    extensions: byClass([d(10)], [d(10)], [d(15)], [d(30)]),
    source: `Điều 240 ${CODE}`,
    extensionSource: `Điều 240 ${CODE}`,
    from: IN_FORCE,
  },
];

/**
 * Which event starts a period again, and why (the restarts the panel explains): every rule's
 * `startsOn` event starts its period afresh when it comes again; these are the ones the law names.
 */
export const RESTARTS: ReadonlyArray<{
  event: ProcedureEventKind;
  stage: DeadlineStage;
  source: string;
}> = [
  { event: 'returned', stage: 'supplementary-investigation', source: `Điều 174 khoản 1 ${CODE}` },
  {
    event: 'court-returned',
    stage: 'supplementary-investigation',
    source: `Điều 174 khoản 1 ${CODE}`,
  },
  {
    event: 'resumed',
    stage: 'resumed-investigation',
    source: `Điều 174 khoản 2, Điều 235 ${CODE}`,
  },
  { event: 'file-received', stage: 'prosecution', source: `Điều 240 ${CODE}` },
];

/** The row of `ruleIds` in force on `day`. */
export function ruleInForce(id: string, day: string): DeadlineRule | undefined {
  return DEADLINE_RULES.find((r) => r.id === id && r.from <= day && (!r.to || day <= r.to));
}
