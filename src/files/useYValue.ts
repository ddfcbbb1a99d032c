import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * Subscribes a component to a value read from a Y type, re-reading only when that type (or a child)
 * changes. `read` must return an equal-by-`isEqual` value when nothing it depends on changed, so
 * unrelated document changes do not re-render.
 */
export function useYValue<T>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Y type will do
  type: Y.AbstractType<any> | null,
  read: () => T,
  isEqual: (a: T, b: T) => boolean = jsonEqual,
): T {
  const cache = useRef<{ value: T } | null>(null);
  const readRef = useRef(read);
  readRef.current = read;
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!type) return () => undefined;
      const onChange = () => {
        cache.current = null;
        notify();
      };
      type.observeDeep(onChange);
      return () => type.unobserveDeep(onChange);
    },
    [type],
  );
  const getSnapshot = useCallback(() => {
    const next = readRef.current();
    if (cache.current && isEqual(cache.current.value, next)) return cache.current.value;
    cache.current = { value: next };
    return next;
  }, [isEqual]);
  return useSyncExternalStore(subscribe, getSnapshot);
}

function jsonEqual<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
