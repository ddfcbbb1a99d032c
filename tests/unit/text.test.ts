import { describe, expect, it } from 'vitest';
import {
  compareVietnamese,
  foldForSearch,
  matchesSearch,
  searchMatcher,
  normalizeText,
} from '../../src/core/text.ts';

describe('Vietnamese text', () => {
  it('stores decomposed input (UniKey tổ hợp, macOS names) in NFC', () => {
    const decomposed = 'Vie\u0323\u0302t ngu\u031Bo\u031B\u0300i khuy\u0309u';
    expect(normalizeText(`  ${decomposed} `)).toBe('Việt người khuỷu');
    expect(normalizeText(decomposed).length).toBe('Việt người khuỷu'.length);
  });

  it('folds diacritics and đ for search', () => {
    expect(foldForSearch('ĐỖ THỊ LẬP')).toBe('do thi lap');
    expect(foldForSearch('Nguyễn Văn Ấn')).toBe('nguyen van an');
    expect(foldForSearch('hoà')).toBe(foldForSearch('hòa'));
  });

  it('matches every word of a query without diacritics, in any order', () => {
    expect(matchesSearch('Hồ sơ vụ án trộm cắp', 'ho so')).toBe(true);
    expect(matchesSearch('Hồ sơ vụ án trộm cắp', 'trom HO')).toBe(true);
    expect(matchesSearch('Hồ sơ vụ án trộm cắp', 'cuop')).toBe(false);
    expect(matchesSearch('Đỗ Thị Lập', 'do lap')).toBe(true);
    // One query tested against many labels (the map's find box) answers as each test alone.
    const matches = searchMatcher('ĐỖ lập');
    expect(['Đỗ Thị Lập', 'Đỗ Văn Lâm', 'đỗ thị lập', 'Lập Đỗ'].map(matches)).toEqual([
      true,
      false,
      true,
      true,
    ]);
    expect(searchMatcher('  ')('bất kỳ')).toBe(true);
  });

  it('sorts in Vietnamese alphabetical order', () => {
    expect(['Đức', 'Dũng', 'Ánh', 'An', 'Bình'].sort(compareVietnamese)).toEqual([
      'An',
      'Ánh',
      'Bình',
      'Dũng',
      'Đức',
    ]);
  });
});
