/**
 * Days as the Criminal Procedure Code counts them (Bộ luật Tố tụng hình sự 2015, BLTTHS, Điều 134
 * "Cách tính thời hạn" — the brief that asked for this module called it Article 132; the article on
 * computing periods is 134 in the 2015 code, as quoted by lawnet.vn, luatminhkhue.vn and others):
 *
 * - a period in days ends at 24:00 of its last day;
 * - a period in months ends on the same-numbered day of the month it ends in, or on that month's
 *   last day when it has no such day; when it ends on a day off (Saturday, Sunday, a public
 *   holiday) the next working day is its last day;
 * - custody and detention (tạm giữ, tạm giam) end on the day the order names; a month of them is
 *   30 days, and days off count and move nothing (also Thông tư liên tịch 04/2018/TTLT-VKSNDTC-
 *   BCA-BQP, Điều 17: counted without a break through days off, ending at 24:00 of the last day).
 *
 * Days are ISO strings ('2026-05-12'), computed in UTC so no time zone moves them.
 */

import { PUBLIC_HOLIDAYS } from './holidays.ts';

/** A length of time as the law gives it: months, days, or hours (custody). */
export interface Duration {
  months?: number;
  days?: number;
  hours?: number;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar day written 'YYYY-MM-DD'. */
export function isIsoDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function toTime(day: string): number {
  const m = ISO_DAY.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `day` plus `n` days (n may be negative). @example addDays('2026-01-31', 1) // '2026-02-01' */
export function addDays(day: string, n: number): string {
  return fromTime(toTime(day) + n * DAY_MS);
}

/**
 * The same-numbered day `n` months later, or the last day of that month when it has none.
 * @example addMonths('2026-01-31', 1) // '2026-02-28'
 * @example addMonths('2024-01-31', 1) // '2024-02-29'
 * @example addMonths('2025-08-31', 3) // '2025-11-30'
 */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const date = Math.min(d, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(day: string): number {
  return new Date(toTime(day)).getUTCDay();
}

/** A Saturday, a Sunday or a public holiday (see holidays.ts). */
export function isDayOff(day: string): boolean {
  const w = weekday(day);
  return w === 0 || w === 6 || PUBLIC_HOLIDAYS.has(day);
}

/** `day`, or the first working day after it. */
export function nextWorkingDay(day: string): string {
  let current = day;
  for (let i = 0; i < 30 && isDayOff(current); i++) current = addDays(current, 1);
  return current;
}

/**
 * The last day of a period of the ordinary kind (investigation, prosecution) that starts on
 * `start`: months to the same-numbered day, days to 24:00 of the last day; not yet moved off a
 * day off (see `nextWorkingDay`), because extensions run from the end the law fixes.
 * @example periodEnd('2026-01-31', { months: 1 }) // '2026-02-28'
 * @example periodEnd('2026-03-02', { days: 20 }) // '2026-03-22'
 */
export function periodEnd(start: string, length: Duration): string {
  let end = start;
  if (length.months) end = addMonths(end, length.months);
  if (length.days) end = addDays(end, length.days);
  return end;
}

/**
 * The last day of a custody or detention period starting on `start` (the first day held counts):
 * a month is 30 days; days off count.
 * @example custodyEnd('2026-01-10', { months: 2 }) // '2026-03-10' (60 days, 10 Jan the first)
 */
export function custodyEnd(start: string, length: Duration): string {
  const days = (length.months ?? 0) * 30 + (length.days ?? 0) + Math.ceil((length.hours ?? 0) / 24);
  return addDays(start, days - 1);
}

/** Adds two durations field by field. */
export function addDurations(a: Duration, b: Duration): Duration {
  return {
    months: (a.months ?? 0) + (b.months ?? 0) || undefined,
    days: (a.days ?? 0) + (b.days ?? 0) || undefined,
    hours: (a.hours ?? 0) + (b.hours ?? 0) || undefined,
  };
}

/** Whether `a` is longer than `b` (a month is taken as 30 days, as custody counts it). */
export function longerThan(a: Duration, b: Duration): boolean {
  const hours = (d: Duration) => ((d.months ?? 0) * 30 + (d.days ?? 0)) * 24 + (d.hours ?? 0);
  return hours(a) > hours(b);
}

/**
 * Today in `timeZone` (Vietnam's by default), as 'YYYY-MM-DD'.
 * @example todayIn() // '2026-05-12'
 */
export function todayIn(timeZone = 'Asia/Ho_Chi_Minh', now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}
