import { formatDate } from '../../ui/dates.ts';

const p2 = (v: number) => String(v).padStart(2, '0');

/**
 * The label of a tick of the time axis, at `at` (UTC-coded local time), for its unit: dates as the
 * rest of the page writes them (`src/ui/dates.ts`), Vietnamese "15/03/2026", English "15 Mar 2026".
 */
export function tickLabel(at: number, unit: string, lang: string): string {
  const d = new Date(at);
  const month = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}`;
  const day = `${month}-${p2(d.getUTCDate())}`;
  switch (unit) {
    case 'year':
      return String(d.getUTCFullYear());
    case 'month':
      return formatDate(month, lang, { short: true });
    case 'day':
      return formatDate(day, lang, { short: true });
    default: {
      const clock = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
      return d.getUTCHours() === 0 && d.getUTCMinutes() === 0
        ? `${clock} ${formatDate(day, lang, { short: true, year: false })}`
        : clock;
    }
  }
}
