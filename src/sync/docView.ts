import * as Y from 'yjs';
import {
  boardsOf,
  deckOf,
  eachRecord,
  filesOf,
  metaOf,
  recordAt,
  registerOf,
} from '../core/doc.ts';

/**
 * A value derived from the case document, kept up to date and recomputed only when one of the Y
 * types it reads changed, framework-free (React reads it through `useDoc`). A mind-map topic typed
 * by a colleague changes the `boards` map's mind-map record: a view that watches only the register
 * and an evidence chart does not even look at it.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Y type will do
type AnyType = Y.AbstractType<any>;

/**
 * What a view watches:
 * - a Y type: any change inside it, however deep;
 * - `entries(map, keys)`: only which values the map holds under those keys (set, replaced,
 *   removed), not what changes inside them: the presence of a board or an entity.
 * `null`/`undefined` (a record that is not there) are skipped.
 */
export type Watched = AnyType | Entries | null | undefined;

interface Entries {
  map: AnyType;
  /** Null: every key, and the content of an array or text, but nothing deeper. */
  keys: readonly string[] | null;
}

/**
 * The direct entries of a map (all of them, or only `keys`), not what lies inside them.
 * @example entries(boardsOf(doc), [boardId]) // the board is added, replaced or deleted
 */
export function entries(map: AnyType, keys: readonly string[] | null = null): Entries {
  return { map, keys };
}

/** The record under `key` of `map` (everything inside it) and whether it is there at all. */
export function recordWatch(map: Y.Map<unknown>, key: string): Watched[] {
  const value = map.get(key);
  return [entries(map, [key]), value instanceof Y.AbstractType ? (value as AnyType) : null];
}

/** The fields a board list shows (id, kind, title, order) of one board or every board. */
export function boardFieldsWatch(doc: Y.Doc, boardId?: string | null): Watched[] {
  const boards = boardsOf(doc);
  const fields = ['id', 'kind', 'title', 'order'];
  if (boardId !== undefined) {
    const board = boardId ? recordAt(boards, boardId) : undefined;
    return boardId ? [entries(boards, [boardId]), board && entries(board, fields)] : [];
  }
  const watched: Watched[] = [entries(boards)];
  eachRecord(boards, (board) => watched.push(entries(board, fields)));
  return watched;
}

/** Every root map of a case: for views that compare whole states (a version beside now). */
export function wholeDoc(doc: Y.Doc): Watched[] {
  return [metaOf(doc), boardsOf(doc), registerOf(doc), deckOf(doc), filesOf(doc)];
}

/** What a view reads, and the Y types it reads it from. */
export interface DocQuery<T> {
  /**
   * The Y types `read` depends on. Evaluated again after each change, so it may follow records
   * that come and go; it must be cheap (a few lookups), never a read of the data itself.
   */
  watch(doc: Y.Doc): readonly Watched[];
  read(doc: Y.Doc): T;
}

/** True when `transaction` changed something `watched` covers. */
export function touches(transaction: Y.Transaction, watched: readonly Watched[]): boolean {
  for (const w of watched) {
    if (!w) continue;
    if (w instanceof Y.AbstractType) {
      if (transaction.changedParentTypes.has(w)) return true;
    } else {
      const keys = transaction.changed.get(w.map);
      if (!keys) continue;
      if (!w.keys) return true;
      for (const key of w.keys) if (keys.has(key)) return true;
    }
  }
  return false;
}

/** Documents whose views wait (`holdViews`), and the views that missed a change meanwhile. */
const held = new WeakMap<Y.Doc, { count: number; missed: Set<() => void> }>();

/**
 * Holds every view of `doc`: a change while held is read once, when the last hold is released
 * (the returned function), instead of after each transaction. For work written in many
 * transactions (an import in steps), so the page does not read and draw the board again per step.
 * @example const release = holdViews(doc); try { await writeInSteps() } finally { release() }
 */
export function holdViews(doc: Y.Doc): () => void {
  const hold = held.get(doc) ?? { count: 0, missed: new Set<() => void>() };
  held.set(doc, hold);
  hold.count++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--hold.count > 0) return;
    held.delete(doc);
    for (const refresh of hold.missed) refresh();
  };
}

export interface DocViewOptions<T> {
  /** A previous value to share unchanged parts with (the same view before its inputs changed). */
  previous?: T;
  /** Waits this long after a change before reading, gathering the changes in between (ms). */
  delay?: number;
}

/**
 * A query's current value with listeners, in the shape `useSyncExternalStore` takes. It reads
 * once when first asked, then only after a transaction that touched a watched type while someone
 * listens; an equal result keeps the previous value (and its unchanged parts) so nothing re-renders.
 * @example
 * const view = new DocView(doc, proofQuery(boardId));
 * const stop = view.subscribe(() => draw(view.get()));
 */
export class DocView<T> {
  /** How many times `read` ran: the measure of a view that recomputes for nothing. */
  reads = 0;
  private value: { current: T } | null = null;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly query: DocQuery<T>,
    private readonly options: DocViewOptions<T> = {},
  ) {}

  /** The current value (read on first call). */
  get = (): T => {
    if (!this.value) this.value = { current: this.compute() };
    return this.value.current;
  };

  /** Calls `listener` when the value changed; returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.doc.on('afterTransaction', this.onTransaction);
      // A change between the first read and this subscription went unseen: read again.
      if (this.value) this.refresh();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.doc.off('afterTransaction', this.onTransaction);
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    };
  };

  private onTransaction = (transaction: Y.Transaction): void => {
    if (!touches(transaction, this.query.watch(this.doc))) return;
    const hold = held.get(this.doc);
    if (hold) return void hold.missed.add(this.refreshIfWatched);
    if (!this.options.delay) return this.refresh();
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, this.options.delay);
  };

  /**
   * A refresh owed from a hold, unless nobody listens any more: read now, and tell the listeners
   * in a task of their own, so that reading a whole new map and drawing it are two tasks, not one.
   */
  private refreshIfWatched = (): void => {
    if (this.listeners.size === 0) return;
    if (this.read()) setTimeout(this.notify, 0);
  };

  private refresh(): void {
    if (this.read()) this.notify();
  }

  /** Reads the value again; whether it changed. */
  private read(): boolean {
    const before = this.value;
    const next = this.compute();
    if (before && next === before.current) return false;
    this.value = { current: next };
    return true;
  }

  private notify = (): void => {
    for (const listener of [...this.listeners]) listener();
  };

  private compute(): T {
    this.reads++;
    const previous = this.value ? this.value.current : this.options.previous;
    const next = this.query.read(this.doc);
    return previous === undefined ? next : shareEqual(previous, next);
  }
}

/**
 * `next`, with every part deeply equal to the same part of `previous` replaced by that part, so
 * unchanged objects keep their identity (and memoized components skip them); `previous` itself
 * when all is equal. Arrays of records with an `id` are matched by id, so an insertion keeps the
 * others. Functions, Maps, Sets and class instances are compared by identity.
 */
export function shareEqual<T>(previous: T, next: T): T {
  if (Object.is(previous, next)) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) {
    const byId = new Map<unknown, unknown>();
    for (const item of previous) if (hasId(item)) byId.set(item.id, item);
    let same = previous.length === next.length;
    const out = next.map((item: unknown, i) => {
      const before = hasId(item) && byId.has(item.id) ? byId.get(item.id) : previous[i];
      const shared = shareEqual(before, item);
      if (shared !== previous[i]) same = false;
      return shared;
    });
    return (same ? previous : out) as T;
  }
  if (isPlain(previous) && isPlain(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(previous).length;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const shared = shareEqual(previous[key], next[key]);
      if (shared !== previous[key] || !(key in previous)) same = false;
      out[key] = shared;
    }
    return (same ? previous : out) as T;
  }
  return next;
}

function hasId(value: unknown): value is { id: unknown } {
  return isPlain(value) && typeof value.id === 'string';
}

function isPlain(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
