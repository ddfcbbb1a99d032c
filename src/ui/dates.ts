/**
 * Dates as people read them: Vietnamese `12/05/1990` and `12/05/1990 14:05`, English
 * `12 May 1990` and `12 May 1990, 14:05`. Stored dates stay ISO (`1990-05-12`); only display
 * goes through here. Partial dates the register allows (`1990`, `1990-05`) keep their precision,
 * and anything that is not an ISO date is shown as it was typed.
 */

type Lang = string;

const pad = (n: number) => String(n).padStart(2, '0');
const english = (lang: Lang) => lang.startsWith('en');

const ISO_DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A calendar date (no time zone: a birth date is the same day everywhere). `short`: the English
 * month abbreviated, where room is short (a time axis); without `year` (ticks within a year that
 * the axis already shows), day and month only.
 *
 * @example formatDate('1990-05-12', 'vi') // '12/05/1990'
 * @example formatDate('1990-05-12', 'en') // '12 May 1990'
 * @example formatDate('1990-03-12', 'en', { short: true }) // '12 Mar 1990'
 * @example formatDate('1990-05-12', 'vi', { year: false }) // '12/05'
 */
export function formatDate(
  value: string,
  lang: Lang,
  { short = false, year: withYear = true }: { short?: boolean; year?: boolean } = {},
): string {
  const match = ISO_DAY.exec(value.trim());
  if (!match) return value;
  const [, year, month, day] = match;
  if (!month) return year!;
  if (english(lang)) {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
    return date.toLocaleDateString('en-GB', {
      timeZone: 'UTC',
      ...(withYear || !day ? { year: 'numeric' } : {}),
      month: short ? 'short' : 'long',
      ...(day ? { day: 'numeric' } : {}),
    });
  }
  if (!day) return `${month}/${year}`;
  return withYear ? `${day}/${month}/${year}` : `${day}/${month}`;
}

/**
 * A moment (an ISO timestamp) in the reader's time zone, to the minute.
 *
 * @example formatDateTime('2026-03-12T07:05:00Z', 'vi') // '12/03/2026 14:05' in Hà Nội
 */
export function formatDateTime(value: string | Date, lang: Lang): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (english(lang))
    return `${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}, ${time}`;
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${time}`;
}

/**
 * A date as typed into a form (`12/5/1990`, `12/05/1990`, `5/1990`, `1990`, or ISO) as the ISO form
 * stored in the document, or null when it is not a date; the form then keeps the text as typed.
 * Day first in both languages: the browser's own date picker would follow the browser's locale
 * (month first in an English Chromium) whatever the UI language.
 *
 * @example parseDate('12/5/1990') // '1990-05-12'
 */
export function parseDate(text: string): string | null {
  const s = text.trim();
  if (ISO_DAY.test(s)) return s;
  const m = /^(?:(\d{1,2})[/.-])?(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const [, day, month, year] = m;
  const mm = Number(month);
  if (mm < 1 || mm > 12) return null;
  if (!day) return `${year}-${pad(mm)}`;
  const dd = Number(day);
  const date = new Date(Date.UTC(Number(year), mm - 1, dd));
  if (date.getUTCMonth() !== mm - 1 || dd < 1) return null;
  return `${year}-${pad(mm)}-${pad(dd)}`;
}

/**
 * A stored date as it is edited in a form: day first, digits only (`12/05/1990`).
 *
 * @example dateInputText('1990-05-12') // '12/05/1990'
 */
export function dateInputText(value: string): string {
  return formatDate(value, 'vi');
}
