/**
 * Case-file page references ("bút lục", BL): prosecutors cite evidence as "BL 12", "BL 12–15" or
 * "bút lục 12, 14". They are parsed into sorted, merged ranges and always shown the same way.
 */

export interface PageRange {
  from: number;
  to: number;
}

const PREFIX = /^\s*(?:b[uú]t\s*l[uụ]c|bl)\.?\s*:?\s*/iu;

/**
 * Parses a page reference; returns null when it is not one (so the caller can say so).
 * @example parsePageRef('BL 12–15, 18') // [{ from: 12, to: 15 }, { from: 18, to: 18 }]
 * @example parsePageRef('bút lục 12, 14') // [{ from: 12, to: 12 }, { from: 14, to: 14 }]
 */
export function parsePageRef(text: string): PageRange[] | null {
  const body = text.normalize('NFC').replace(PREFIX, '').trim();
  if (!body) return null;
  const ranges: PageRange[] = [];
  for (const part of body.split(/\s*[,;]\s*|\s+và\s+|\s+and\s+/u)) {
    const match = /^(\d{1,6})(?:\s*(?:-|–|—|đến|to)\s*(\d{1,6}))?$/u.exec(part.trim());
    if (!match) return null;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < 1 || to < from) return null;
    ranges.push({ from, to });
  }
  return mergeRanges(ranges);
}

/** Sorts ranges and merges overlapping or adjacent ones. */
export function mergeRanges(ranges: readonly PageRange[]): PageRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const merged: PageRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * The one way a page reference is shown: "BL 12–15, 18" (en dash for ranges).
 * @example formatPageRef([{ from: 12, to: 15 }]) // 'BL 12–15'
 */
export function formatPageRef(ranges: readonly PageRange[]): string {
  if (ranges.length === 0) return '';
  return (
    'BL ' + ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`)).join(', ')
  );
}

/** Normalises a typed reference to its canonical text, or returns null if it does not parse. */
export function normalizePageRef(text: string): string | null {
  if (text.trim() === '') return '';
  const ranges = parsePageRef(text);
  return ranges ? formatPageRef(ranges) : null;
}
