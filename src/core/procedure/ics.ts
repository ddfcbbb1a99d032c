/**
 * Deadlines as an iCalendar file (RFC 5545): one all-day event per running deadline, so a
 * prosecutor's calendar program shows them on their days. Lines end in CRLF and are folded at 75
 * octets without splitting a UTF-8 character; text is NFC with backslashes, commas, semicolons and
 * newlines escaped (RFC 5545 §3.3.11).
 */
import { addDays } from './calendar.ts';
import type { Deadline } from './deadlines.ts';
import type { DeadlineStage } from './rules.ts';

export type IcsLanguage = 'vi' | 'en';

/** Stage names for texts written outside the page (calendar files). */
export const STAGE_NAMES: Readonly<Record<IcsLanguage, Record<DeadlineStage, string>>> = {
  vi: {
    custody: 'Hết hạn tạm giữ',
    detention: 'Hết hạn tạm giam',
    investigation: 'Hết hạn điều tra',
    'supplementary-investigation': 'Hết hạn điều tra bổ sung',
    'resumed-investigation': 'Hết hạn điều tra (phục hồi)',
    prosecution: 'Hết hạn quyết định việc truy tố',
  },
  en: {
    custody: 'Custody ends',
    detention: 'Detention ends',
    investigation: 'Investigation period ends',
    'supplementary-investigation': 'Additional investigation ends',
    'resumed-investigation': 'Resumed investigation ends',
    prosecution: 'Decision on prosecution due',
  },
};

/** A deadline with what the calendar shows beside it. */
export interface CalendarDeadline extends Deadline {
  caseId: string;
  caseTitle: string;
  personName?: string;
}

/** Escapes a TEXT value. */
export function escapeIcsText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets, continuation lines starting with a space. */
export function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; a continuation holds 74 after its leading space.
    const room = parts.length === 0 ? 75 : 74;
    if (octets + size > room) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (day: string) => day.replace(/-/g, '');

function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * The calendar of `deadlines` (those not done), as the text of an .ics file.
 * @example deadlinesIcs([d], { lang: 'vi', name: 'Hạn tố tụng', now: new Date() })
 */
export function deadlinesIcs(
  deadlines: readonly CalendarDeadline[],
  options: { lang: IcsLanguage; name: string; now?: Date; host?: string },
): string {
  const now = stamp(options.now ?? new Date());
  const host = options.host ?? 'caseboard';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CaseBoard//Procedural deadlines//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(options.name)}`,
  ];
  for (const d of deadlines) {
    if (d.status === 'done') continue;
    const stage = STAGE_NAMES[options.lang][d.stage];
    const summary = [stage, d.personName, d.caseTitle].filter(Boolean).join(' — ');
    const detail = [
      d.source,
      d.dueTime ? `${options.lang === 'vi' ? 'đến' : 'until'} ${d.dueTime}` : '',
      d.extensionSource ?? '',
    ]
      .filter(Boolean)
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${d.id.replace(/[^A-Za-z0-9:._-]/g, '_')}.${d.caseId}@${host}`,
      `DTSTAMP:${now}`,
      `DTSTART;VALUE=DATE:${compact(d.due)}`,
      `DTEND;VALUE=DATE:${compact(addDays(d.due, 1))}`,
      `SUMMARY:${escapeIcsText(summary)}`,
      `DESCRIPTION:${escapeIcsText(detail)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-P3D',
      `DESCRIPTION:${escapeIcsText(summary)}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
