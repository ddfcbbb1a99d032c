import { expect, it } from 'vitest';
import { dateInputText, formatDate, parseDate } from '../../src/ui/dates.ts';

it('shows calendar dates day first in Vietnamese and in words in English, keeping partial dates', () => {
  expect(formatDate('1990-05-12', 'vi')).toBe('12/05/1990');
  expect(formatDate('1990-05-12', 'en')).toBe('12 May 1990');
  expect(formatDate('1990-05', 'vi')).toBe('05/1990');
  expect(formatDate('1990', 'vi')).toBe('1990');
  expect(formatDate('khoảng năm 1990', 'vi')).toBe('khoảng năm 1990');
});

it('reads dates typed day first and refuses impossible ones', () => {
  expect(parseDate('12/5/1990')).toBe('1990-05-12');
  expect(parseDate(' 03.11.1985 ')).toBe('1985-11-03');
  expect(parseDate('5/1990')).toBe('1990-05');
  expect(parseDate('1990-05-12')).toBe('1990-05-12');
  expect(parseDate('31/02/1990')).toBeNull();
  expect(parseDate('12/13/1990')).toBeNull();
  expect(parseDate('hôm qua')).toBeNull();
  expect(dateInputText('1990-05-12')).toBe('12/05/1990');
});
