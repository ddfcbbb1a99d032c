import { expect, it } from 'vitest';
import {
  deadlinesIcs,
  escapeIcsText,
  type CalendarDeadline,
} from '../../src/core/procedure/index.ts';

const deadline = (over: Partial<CalendarDeadline>): CalendarDeadline => ({
  id: 'detention-173:p1',
  stage: 'detention',
  personId: 'p1',
  start: '2026-01-08',
  due: '2026-03-08',
  daysLeft: 5,
  ruleId: 'detention-173',
  source: 'Điều 173 khoản 1 BLTTHS 2015',
  extensions: 0,
  extension: { possible: true },
  status: 'soon7',
  caseId: 'c1',
  // Decomposed on purpose (as UniKey's "tổ hợp" writes it): the calendar must hold NFC.
  caseTitle: 'Vụ trộm cắp, chợ Bến Thành; lần 2 — ĐỖ THỊ LẬP khuỷu người Việt'.normalize('NFD'),
  personName: 'Nguyễn Văn Ấn',
  ...over,
});

/** Unfolds an .ics text into its content lines (RFC 5545 §3.1). */
const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

it('writes an RFC 5545 calendar: CRLF, lines of 75 octets at most, escaped NFC text', () => {
  const text = deadlinesIcs(
    [deadline({}), deadline({ id: 'investigation-172:case', status: 'done' })],
    { lang: 'vi', name: 'Hạn tố tụng', now: new Date('2026-03-01T08:00:00Z') },
  );
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const raw = text.split('\r\n');
  for (const line of raw) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  expect(raw.some((line) => line.startsWith(' '))).toBe(true); // the long summary was folded
  const lines = unfold(text);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1); // done ones are left out
  expect(lines).toContain('DTSTART;VALUE=DATE:20260308');
  expect(lines).toContain('DTEND;VALUE=DATE:20260309');
  expect(lines).toContain('DTSTAMP:20260301T080000Z');
  expect(lines.find((l) => l.startsWith('UID:'))).toBe('UID:detention-173:p1.c1@caseboard');
  const summary = lines.find((l) => l.startsWith('SUMMARY:'))!;
  expect(summary).toBe(
    'SUMMARY:Hết hạn tạm giam — Nguyễn Văn Ấn — Vụ trộm cắp\\, chợ Bến Thành\\; lần 2 — ĐỖ THỊ LẬP khuỷu người Việt',
  );
  expect(summary).toBe(summary.normalize('NFC'));
  // Folding never splits a character: every raw line is valid UTF-8 on its own.
  for (const line of raw)
    expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(line))).toBe(
      line,
    );
});

it('escapes backslashes, commas, semicolons and newlines', () => {
  expect(escapeIcsText('a\\b,c;d\ne')).toBe('a\\\\b\\,c\\;d\\ne');
});
