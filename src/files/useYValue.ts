import type * as Y from 'yjs';
import { useDoc } from '../sync/useDoc.ts';

/**
 * @deprecated Read the document with `useDoc` (src/sync/useDoc.ts), which names the Y types a view
 * reads and re-reads only when they change.
 * migrate: call sites in SceneBoard/ScenePanel/MindMapBoard/MindMapToolbar
 */
export function useYValue<T>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Y type will do
  type: Y.AbstractType<any>,
  read: () => T,
): T {
  // Root maps of the case document are always in it.
  return useDoc(type.doc as Y.Doc, () => [type], read, [type]);
}
