/**
 * Vietnamese-safe text helpers. Everything the document stores goes through `normalizeText`,
 * so decomposed input (UniKey "tổ hợp", macOS file names) is stored in NFC.
 */

/**
 * Text without control characters, in NFC: the breaks Word and other programs paste as controls
 * (U+000B for Shift+Enter, U+000C, U+0085, U+2028, U+2029, CR LF, CR) become line feeds; tabs and
 * line feeds stay; other C0 and C1 controls, lone surrogates and U+FFFE/U+FFFF, which XML cannot
 * hold, are dropped. Exports can then write every stored text as well-formed XML.
 * @example stripControls('Bị can\u000bNguyễn Văn A\u0007') // 'Bị can\nNguyễn Văn A'
 */
export function stripControls(text: string): string {
  return (
    text
      .replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, '\n')
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .normalize('NFC')
  );
}

/**
 * Normalises committed text to NFC without control characters and trims surrounding white space.
 * @example normalizeText('  Vie\u0323\u0302t ') // 'Việt'
 */
export function normalizeText(text: string): string {
  return stripControls(text).trim();
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

/** Folded texts by text: searching a big map again after an edit folds only the new labels. */
const folded = new Map<string, string>();
const FOLDED_CAP = 100_000;

function foldedOf(text: string): string {
  let fold = folded.get(text);
  if (fold === undefined) {
    if (folded.size >= FOLDED_CAP) folded.clear();
    fold = foldForSearch(text);
    folded.set(text, fold);
  }
  return fold;
}

/**
 * A test of whether every word of `query` occurs in a text, ignoring case and diacritics: the
 * query is folded once, and each text once for as long as it is searched.
 * @example topics.filter((t) => matcher(t.label)) // with matcher = searchMatcher('ho so')
 */
export function searchMatcher(query: string): (text: string) => boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  return (text) => {
    const haystack = foldedOf(text);
    return words.every((word) => haystack.includes(word));
  };
}

/** True when every word of `query` occurs in `text`, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  return searchMatcher(query)(text);
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Compares two strings in Vietnamese alphabetical order (a ă â b c d đ e ê …).
 * @example ['Đức', 'Dũng', 'An'].sort(compareVietnamese) // ['An', 'Dũng', 'Đức']
 */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
