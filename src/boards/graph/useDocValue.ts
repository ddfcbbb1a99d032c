import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * A value read from the whole case document, re-read after each transaction and kept (same
 * object) while it is equal by JSON, so a component re-renders only when what it reads changed.
 * For reads that span the register and boards, like the proof analysis.
 */
export function useDocValue<T>(doc: Y.Doc, read: () => T): T {
  const cache = useRef<{ value: T; json: string } | null>(null);
  const readRef = useRef(read);
  readRef.current = read;
  const subscribe = useCallback(
    (notify: () => void) => {
      const onChange = () => {
        const value = readRef.current();
        const json = JSON.stringify(value);
        if (cache.current?.json === json) return;
        cache.current = { value, json };
        notify();
      };
      doc.on('afterTransaction', onChange);
      return () => doc.off('afterTransaction', onChange);
    },
    [doc],
  );
  const getSnapshot = useCallback(() => {
    if (!cache.current) {
      const value = readRef.current();
      cache.current = { value, json: JSON.stringify(value) };
    }
    return cache.current.value;
  }, []);
  return useSyncExternalStore(subscribe, getSnapshot);
}
