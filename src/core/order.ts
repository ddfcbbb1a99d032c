import { generateKeyBetween } from 'fractional-indexing';

/**
 * Fractional order keys for boards, siblings and slides. Two people inserting at the same place at
 * once may pick the same key; `compareOrdered` breaks the tie by id so every peer agrees.
 */

export interface Ordered {
  id: string;
  order: string;
}

/** Sorts by order key, then by id so that equal keys have one agreed order. */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The key that places an item at the end of `items` (which need not be sorted). */
export function orderAfterLast(items: readonly Ordered[]): string {
  const last = items.reduce<string | null>(
    (max, item) => (max === null || item.order > max ? item.order : max),
    null,
  );
  return generateKeyBetween(last, null);
}

/**
 * The key that puts an item at `index` among the sorted `others` (the item itself excluded).
 * @example orderAt([{id:'a',order:'a0'},{id:'b',order:'a1'}], 1) // a key between 'a0' and 'a1'
 */
export function orderAt(others: readonly Ordered[], index: number): string {
  const sorted = [...others].sort(compareOrdered);
  const clamped = Math.max(0, Math.min(index, sorted.length));
  const before = clamped > 0 ? (sorted[clamped - 1]?.order ?? null) : null;
  const after = sorted[clamped]?.order ?? null;
  // Equal neighbours (a tie from concurrent inserts) leave no room between them: go after both.
  if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null);
  return generateKeyBetween(before, after);
}
