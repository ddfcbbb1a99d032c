/**
 * Searching the read text of case-file pages the way a prosecutor types: without diacritics or
 * capitals ("nguyen van hung" finds "Nguyễn Văn Hùng", "d" finds "đ"), phrases first.
 */

/** A word of a page: its text and its box as fractions of the page (0–1). */
export interface PageWord {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The word ends a line (the next word starts a new one). */
  eol?: boolean;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A piece of a snippet; `hit` pieces are the matched words. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface PageMatch {
  score: number;
  /** Whether the words were found in the order typed, next to each other. */
  phrase: boolean;
  snippet: SnippetPart[];
  boxes: Box[];
}

/**
 * Folds text for comparison: NFC and NFD alike, no diacritics, đ as d, lower case.
 * @example foldText('Nguyễn Văn HÙNG, Đà Lạt') // 'nguyen van hung, da lat'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** A word as compared: folded, without the punctuation around it. */
export function foldWord(word: string): string {
  return foldText(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** What was asked: the folded words, and whether they must stand together ("in quotes"). */
export interface SearchQuery {
  tokens: string[];
  phraseOnly: boolean;
}

/**
 * Reads a query: at most 12 words; a query in quotes finds only the phrase.
 * @example parseQuery('"Nguyễn Văn"') // { tokens: ['nguyen', 'van'], phraseOnly: true }
 */
export function parseQuery(q: string): SearchQuery {
  const trimmed = q.normalize('NFC').trim();
  const phraseOnly = /^["“].*["”]$/u.test(trimmed) && trimmed.length > 2;
  const tokens = trimmed
    .split(/\s+/u)
    .map(foldWord)
    .filter((t) => t.length > 0)
    .slice(0, 12);
  return { tokens, phraseOnly };
}

/** A typed word matches a page word whole; the last typed word also as the start of one. */
function matches(token: string, word: string, last: boolean): boolean {
  return word === token || (last && token.length >= 3 && word.startsWith(token));
}

const SNIPPET_BEFORE = 8;
const SNIPPET_AFTER = 14;

/**
 * Finds a query in a page's words: null when not every word is there. A phrase (the words next to
 * each other, in order) scores far above the same words scattered; more occurrences score more.
 * @example matchPage(words, parseQuery('nguyen van hung'))?.boxes // the three words' boxes
 */
export function matchPage(words: readonly PageWord[], query: SearchQuery): PageMatch | null {
  const { tokens } = query;
  if (tokens.length === 0 || words.length === 0) return null;
  const folded = words.map((w) => foldWord(w.text));
  const lastIndex = tokens.length - 1;
  const hits = new Set<number>();
  let phrases = 0;
  let first = -1;
  for (let i = 0; i + tokens.length <= folded.length; i++) {
    if (tokens.every((t, k) => matches(t, folded[i + k]!, k === lastIndex))) {
      phrases++;
      if (first < 0) first = i;
      for (let k = 0; k < tokens.length; k++) hits.add(i + k);
      i += tokens.length - 1;
    }
  }
  let score = phrases * 100;
  if (phrases === 0) {
    if (query.phraseOnly) return null;
    let least = Infinity;
    for (const [k, token] of tokens.entries()) {
      let count = 0;
      folded.forEach((word, i) => {
        if (matches(token, word, k === lastIndex)) {
          hits.add(i);
          count++;
        }
      });
      least = Math.min(least, count);
    }
    if (least === 0) return null;
    first = Math.min(...hits);
    score = 10 * least;
  }
  // Shorter pages where the words are a larger part rank a little higher.
  score += hits.size / Math.max(20, words.length);
  return {
    score,
    phrase: phrases > 0,
    snippet: snippetAround(words, hits, first),
    boxes: [...hits].sort((a, b) => a - b).map((i) => boxOf(words[i]!)),
  };
}

const boxOf = (w: PageWord): Box => ({ x: w.x, y: w.y, w: w.w, h: w.h });

/** The words around the first match, the matched ones marked, joined as they were on the page. */
export function snippetAround(
  words: readonly PageWord[],
  hits: ReadonlySet<number>,
  first: number,
): SnippetPart[] {
  const from = Math.max(0, first - SNIPPET_BEFORE);
  const to = Math.min(words.length, first + SNIPPET_AFTER);
  const parts: SnippetPart[] = [];
  const push = (text: string, hit: boolean) => {
    const last = parts.at(-1);
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
  };
  if (from > 0) push('… ', false);
  for (let i = from; i < to; i++) {
    const word = words[i]!.text.normalize('NFC');
    if (i > from)
      push(' ', hits.has(i) && hits.has(i - 1) && !/[^\p{L}\p{N}]$/u.test(words[i - 1]!.text));
    if (!hits.has(i)) {
      push(word, false);
      continue;
    }
    // The punctuation around a matched word is not marked with it.
    const [, before = '', core = '', after = ''] =
      /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(word) ?? [];
    if (before) push(before, false);
    push(core, true);
    if (after) push(after, false);
  }
  if (to < words.length) push(' …', false);
  return parts;
}

/** A page's words as text: spaces between words, a new line where a line ended. */
export function pageText(words: readonly PageWord[]): string {
  return words.map((w, i) => w.text + (i === words.length - 1 ? '' : w.eol ? '\n' : ' ')).join('');
}
