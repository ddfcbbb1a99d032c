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
 * A calendar date (no time zone: a birth date is the same day everywhere).
 *
 * @example formatDate('1990-05-12', 'vi') // '12/05/1990'
 * @example formatDate('1990-05-12', 'en') // '12 May 1990'
 */
export function formatDate(value: string, lang: Lang): string {
  const match = ISO_DAY.exec(value.trim());
  if (!match) return value;
  const [, year, month, day] = match;
  if (!month) return year!;
  if (english(lang)) {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
    return date.toLocaleDateString('en-GB', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'long',
      ...(day ? { day: 'numeric' } : {}),
    });
  }
  return day ? `${day}/${month}/${year}` : `${month}/${year}`;
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
