import type * as Y from 'yjs';

/** The parts of a Yjs document's store that hold updates waiting for changes not seen yet. */
interface PendingStore {
  pendingStructs: { update: Uint8Array } | null;
  pendingDs: Uint8Array | null;
}

/** Bytes of waiting updates a room keeps before refusing more (see Room's `receiveUpdates`). */
const MAX_PENDING_BYTES = 1024 * 1024;

/**
 * Bounds what `doc` keeps aside waiting for changes it has not seen: past `maxBytes` the waiting
 * parts are dropped, and true is returned. (An update made for another document never stops
 * waiting.)
 */
export function dropPendingOver(doc: Y.Doc, maxBytes = MAX_PENDING_BYTES): boolean {
  const store = doc.store as unknown as PendingStore;
  const bytes = (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0);
  if (bytes <= maxBytes) return false;
  store.pendingStructs = null;
  store.pendingDs = null;
  return true;
}
