import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * A value read from the whole case document, re-read after each transaction and whenever `deps`
 * change, and kept (same object) while it is equal by JSON, so a component re-renders only when
 * what it reads changed. For reads that span the register and boards, like the proof analysis.
 */
export function useDocValue<T>(doc: Y.Doc, read: () => T, deps: readonly unknown[] = []): T {
  const cache = useRef<{ value: T; json: string; deps: string } | null>(null);
  const readRef = useRef(read);
  readRef.current = read;
  const depsKey = JSON.stringify(deps);
  const depsRef = useRef(depsKey);
  depsRef.current = depsKey;
  const refresh = useCallback((): boolean => {
    const value = readRef.current();
    const json = JSON.stringify(value);
    if (cache.current?.json === json) {
      cache.current.deps = depsRef.current;
      return false;
    }
    cache.current = { value, json, deps: depsRef.current };
    return true;
  }, []);
  const subscribe = useCallback(
    (notify: () => void) => {
      const onChange = () => {
        if (refresh()) notify();
      };
      doc.on('afterTransaction', onChange);
      return () => doc.off('afterTransaction', onChange);
    },
    [doc, refresh],
  );
  const getSnapshot = useCallback(() => {
    if (!cache.current || cache.current.deps !== depsRef.current) refresh();
    return cache.current!.value;
  }, [refresh]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
