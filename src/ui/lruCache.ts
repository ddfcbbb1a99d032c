/**
 * A map that keeps at most `cap` entries, forgetting the least recently used first: the caches of
 * the page (topic sizes, PDF thumbnails) stay bounded however long a session lasts.
 * @example const sizes = new LruCache<string, number>(2); sizes.set('a', 1);
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(readonly cap: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // A Map iterates in insertion order: moving the key to the end marks it most recent.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.cap) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
