/**
 * Vietnamese-safe text helpers. Everything the document stores goes through `normalizeText`,
 * so decomposed input (UniKey "tổ hợp", macOS file names) is stored in NFC.
 */

/**
 * Normalises committed text to NFC and trims surrounding white space.
 * @example normalizeText('  Vie\u0323\u0302t ') // 'Việt'
 */
export function normalizeText(text: string): string {
  return text.normalize('NFC').trim();
}

/**
 * Folds text for diacritic-insensitive search: `hồ sơ` and `ho so` fold alike, and so do the
 * old and new tone placements `hoà` and `hòa`. đ does not decompose, so it is mapped by hand.
 * @example foldForSearch('ĐỖ THỊ LẬP') // 'do thi lap'
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** True when every word of `query` occurs in `text`, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = foldForSearch(text);
  return foldForSearch(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Compares two strings in Vietnamese alphabetical order (a ă â b c d đ e ê …).
 * @example ['Đức', 'Dũng', 'An'].sort(compareVietnamese) // ['An', 'Dũng', 'Đức']
 */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
