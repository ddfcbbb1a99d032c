/**
 * Times as prosecutors write them in the register ("21 giờ 30 phút ngày 14/3/2025", "14/03/2025
 * 21:30", "2025-03-14T21:30", "tháng 3/2025", "2025") read into an instant and a precision. Times
 * are local to the case and carry no time zone: they are coded as UTC milliseconds and must be
 * shown with UTC getters, so nobody's browser shifts them.
 */

export type TimePrecision = 'year' | 'month' | 'day' | 'minute';

export interface CaseTime {
  /** The first millisecond the text can mean (UTC-coded local time). */
  at: number;
  /** The first millisecond after what it can mean: a day for a date, a minute for a clock time. */
  until: number;
  precision: TimePrecision;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

function valid(y: number, mo: number, d: number, h: number, mi: number): boolean {
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || h > 23 || mi > 59) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

function build(
  y: number,
  mo: number | null,
  d: number | null,
  h: number | null,
  mi: number | null,
): CaseTime | null {
  if (mo === null) {
    if (y < 1000 || y > 9999) return null;
    return { at: Date.UTC(y, 0, 1), until: Date.UTC(y + 1, 0, 1), precision: 'year' };
  }
  if (d === null) {
    if (!valid(y, mo, 1, 0, 0)) return null;
    return { at: Date.UTC(y, mo - 1, 1), until: Date.UTC(y, mo, 1), precision: 'month' };
  }
  if (!valid(y, mo, d, h ?? 0, mi ?? 0)) return null;
  if (h === null) {
    return { at: Date.UTC(y, mo - 1, d), until: Date.UTC(y, mo - 1, d + 1), precision: 'day' };
  }
  const at = Date.UTC(y, mo - 1, d, h, mi ?? 0);
  return { at, until: at + 60_000, precision: 'minute' };
}

/**
 * Reads a time written in Vietnamese or ISO style; null when it cannot be read.
 * @example parseCaseTime('21h30 ngày 14/3/2025')?.precision // 'minute'
 */
export function parseCaseTime(input: string | undefined | null): CaseTime | null {
  if (!input) return null;
  const s = fold(input.normalize('NFC').trim()).replace(/\s+/g, ' ');
  if (!s) return null;
  const n = (v: string | undefined) => (v === undefined ? null : Number(v));

  // ISO: 2025-03-14, 2025-03-14T21:30[:ss], 2025-03-14 21:30, 2025-03
  let m =
    /^(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?)?z?$/.exec(s);
  if (m) return build(Number(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5]));

  // A clock time anywhere: 21:30, 21h30, 21h, 21 gio 30 phut, 21 gio.
  let h: number | null = null;
  let mi: number | null = null;
  let rest = s;
  const clock = /(\d{1,2})\s*(?::|h|gio)\s*(\d{1,2})?\s*(?:phut|p)?/.exec(s);
  if (clock) {
    h = Number(clock[1]);
    mi = clock[2] === undefined ? 0 : Number(clock[2]);
    // "3 giờ chiều", "7 giờ tối", "11 giờ đêm": the afternoon and evening of a 12-hour clock.
    if (h < 12 && (/\b(chieu|toi)\b/.test(s) || (/\bdem\b/.test(s) && h >= 6))) h += 12;
    rest = (s.slice(0, clock.index) + ' ' + s.slice(clock.index + clock[0].length)).trim();
  }
  rest = rest
    .replace(/\b(ngay|luc|vao|khoang|sang|trua|chieu|toi|dem)\b/g, ' ')
    .replace(/,/g, ' ')
    .trim();

  // "14 thang 3 nam 2025", "thang 3 nam 2025", "nam 2025"
  m = /^(?:(\d{1,2}) )?thang (\d{1,2})(?: nam|\/|-| )\s*(\d{4})$/.exec(rest.replace(/\s+/g, ' '));
  if (m) return build(Number(m[3]), Number(m[2]), n(m[1]), m[1] ? h : null, m[1] ? mi : null);
  m = /^thang (\d{1,2})\/(\d{4})$/.exec(rest);
  if (m) return build(Number(m[2]), Number(m[1]), null, null, null);
  // 14/3/2025, 14-03-2025, 14.3.2025
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(rest);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]), h, mi);
  // 3/2025
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(rest);
  if (m && h === null) return build(Number(m[2]), Number(m[1]), null, null, null);
  // 2025, nam 2025
  m = /^(?:nam )?(\d{4})$/.exec(rest);
  if (m && h === null) return build(Number(m[1]), null, null, null, null);
  return null;
}

/**
 * Formats a case time as a Vietnamese or English reader expects, to its precision.
 * @example formatCaseTime(parseCaseTime('14/3/2025 21:30')!, 'vi') // '21:30 14/03/2025'
 */
export function formatCaseTime(
  time: { at: number; precision: TimePrecision },
  lang: string,
): string {
  const d = new Date(time.at);
  const p2 = (v: number) => String(v).padStart(2, '0');
  const y = d.getUTCFullYear();
  const mo = p2(d.getUTCMonth() + 1);
  const day = p2(d.getUTCDate());
  const vi = lang.startsWith('vi');
  switch (time.precision) {
    case 'year':
      return String(y);
    case 'month':
      return vi ? `${mo}/${y}` : `${y}-${mo}`;
    case 'day':
      return vi ? `${day}/${mo}/${y}` : `${y}-${mo}-${day}`;
    default: {
      const clock = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
      return vi ? `${clock} ${day}/${mo}/${y}` : `${y}-${mo}-${day} ${clock}`;
    }
  }
}
