import { describe, expect, it } from 'vitest';
import {
  findOffence,
  formatOffence,
  isOffenceRef,
  migrateOffence,
  migrateOffences,
  searchOffences,
} from '../../src/core/offences.ts';
import { PENAL_CODE_ARTICLES } from '../../src/core/penalCode.ts';

describe('the Penal Code table', () => {
  it('holds each article once, in order, within Part Two, every name starting with "Tội"', () => {
    const numbers = PENAL_CODE_ARTICLES.map(([article]) => article);
    expect(new Set(numbers).size).toBe(numbers.length);
    const values = numbers.map((a) => Number.parseInt(a, 10) + (a.endsWith('a') ? 0.5 : 0));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.every((n) => n >= 108 && n <= 425)).toBe(true);
    expect(PENAL_CODE_ARTICLES.every(([, name]) => name.startsWith('Tội '))).toBe(true);
    expect(PENAL_CODE_ARTICLES.every(([, name]) => name === name.normalize('NFC'))).toBe(true);
  });

  it('names the offences of the templates as the templates do', () => {
    expect(findOffence('BLHS-173')?.name).toBe('Tội trộm cắp tài sản');
    expect(findOffence('BLHS-174')?.name).toBe('Tội lừa đảo chiếm đoạt tài sản');
    expect(findOffence('BLHS-321')?.name).toBe('Tội đánh bạc');
  });
});

describe('offence references', () => {
  it('accepts the articles of Part Two, named or not, and nothing else', () => {
    expect(isOffenceRef('BLHS-173')).toBe(true);
    expect(isOffenceRef('BLHS-199')).toBe(true);
    expect(isOffenceRef('BLHS-217a')).toBe(true);
    expect(isOffenceRef('BLHS-51')).toBe(false);
    expect(isOffenceRef('BLHS-426')).toBe(false);
    expect(isOffenceRef('173')).toBe(false);
    expect(isOffenceRef('trộm cắp')).toBe(false);
  });

  it('shows an offence by article and name', () => {
    expect(formatOffence('BLHS-173')).toBe('Điều 173 BLHS — Tội trộm cắp tài sản');
    expect(formatOffence('BLHS-199')).toBe('Điều 199 BLHS');
    expect(formatOffence('trộm xe')).toBe('trộm xe');
  });
});

describe('offence search', () => {
  it('finds words of the name typed without diacritics', () => {
    expect(searchOffences('trom cap').map((o) => o.ref)).toEqual(['BLHS-173']);
    expect(searchOffences('lua dao').map((o) => o.ref)).toContain('BLHS-174');
    expect(searchOffences('ĐÁNH BẠC').map((o) => o.ref)).toEqual(['BLHS-321', 'BLHS-322']);
    expect(searchOffences('ma tuy').length).toBeGreaterThan(5);
  });

  it('finds an article by its number, with or without "Điều"', () => {
    expect(searchOffences('173')[0]?.ref).toBe('BLHS-173');
    expect(searchOffences('Điều 173')[0]?.ref).toBe('BLHS-173');
    expect(searchOffences('17').map((o) => o.article)).toContain('175');
    // An article the table does not name can still be picked by its number.
    expect(searchOffences('199')).toEqual([{ ref: 'BLHS-199', article: '199', name: null }]);
    expect(searchOffences('999')).toEqual([]);
  });
});

describe('migrating free-text offences', () => {
  it('turns a number, "Điều N", "Điều N BLHS" or the exact name into the article', () => {
    expect(migrateOffence('173')).toBe('BLHS-173');
    expect(migrateOffence(' Điều 173 ')).toBe('BLHS-173');
    expect(migrateOffence('điều 173 BLHS')).toBe('BLHS-173');
    expect(migrateOffence('Đ.173')).toBe('BLHS-173');
    expect(migrateOffence('Tội trộm cắp tài sản')).toBe('BLHS-173');
    expect(migrateOffence('trom cap tai san')).toBe('BLHS-173');
    expect(migrateOffence('BLHS-174')).toBe('BLHS-174');
  });

  it('keeps text that names no article as it was', () => {
    expect(migrateOffence('trộm xe máy')).toBe('trộm xe máy');
    expect(migrateOffence('51')).toBe('51');
    expect(migrateOffence('Điều 173 khoản 2 và Điều 174')).toBe('Điều 173 khoản 2 và Điều 174');
  });

  it('keeps each offence once', () => {
    expect(migrateOffences(['173', 'BLHS-173', 'Điều 174'])).toEqual(['BLHS-173', 'BLHS-174']);
  });
});
