import { useMemo, useRef, useSyncExternalStore, type DependencyList } from 'react';
import type * as Y from 'yjs';
import { DocView, type DocQuery, type Watched } from './docView.ts';

export {
  boardFieldsWatch,
  entries,
  recordWatch,
  wholeDoc,
  type DocQuery,
  type Watched,
} from './docView.ts';

/**
 * The one way React reads the case document: `read(doc)` recomputed only after a change to one of
 * the Y types `watch(doc)` names (or when `deps` change), never on render, and kept (same object,
 * same unchanged parts) while it is deeply equal, so a component re-renders only when what it
 * shows changed.
 * @example
 * const title = useDoc(doc, (d) => recordWatch(boardsOf(d), boardId), () => boardTitleOf(doc, boardId), [boardId]);
 */
export function useDoc<T>(
  doc: Y.Doc,
  watch: (doc: Y.Doc) => readonly Watched[],
  read: (doc: Y.Doc) => T,
  deps: DependencyList = [],
  options: { delay?: number } = {},
): T {
  return useDocQuery(doc, { watch, read }, deps, options);
}

/** `useDoc` for a query defined once (a module-level `DocQuery` factory such as `proofQuery`). */
export function useDocQuery<T>(
  doc: Y.Doc,
  query: DocQuery<T>,
  deps: DependencyList = [],
  { delay }: { delay?: number } = {},
): T {
  const queryRef = useRef(query);
  queryRef.current = query;
  const last = useRef<{ value: T } | null>(null);
  const view = useMemo(
    () =>
      new DocView(
        doc,
        // The latest closures, so a caller may pass inline functions; `deps` says when they read
        // something else.
        { watch: (d) => queryRef.current.watch(d), read: (d) => queryRef.current.read(d) },
        last.current ? { previous: last.current.value, delay } : { delay },
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` are the caller's, as in useMemo
    [doc, delay, ...deps],
  );
  const value = useSyncExternalStore(view.subscribe, view.get);
  last.current = { value };
  return value;
}
