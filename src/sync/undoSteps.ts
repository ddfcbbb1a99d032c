import type * as Y from 'yjs';

/** The person's undo manager of each open document (the case session registers its own). */
const managers = new WeakMap<Y.Doc, Y.UndoManager>();

/** Makes `manager` the one `asOneUndoStep` groups the changes of `doc` in. */
export function keepUndoManager(doc: Y.Doc, manager: Y.UndoManager): void {
  managers.set(doc, manager);
}

/**
 * Runs `work`, which writes in several transactions with time between them (an import in steps),
 * as one undo step: the first transaction opens a new step and the later ones join it. Whatever
 * else the person does meanwhile joins it too, so keep such work short. Without a registered
 * manager it only runs `work`.
 * @example await asOneUndoStep(doc, () => writeInSteps(...)) // one Ctrl+Z takes it all back
 */
export async function asOneUndoStep<T>(doc: Y.Doc, work: () => Promise<T>): Promise<T> {
  const manager = managers.get(doc);
  if (!manager) return work();
  const timeout = manager.captureTimeout;
  // With no last change the next transaction opens a step whatever the timeout; after it, an
  // endless timeout makes every tracked transaction join that step.
  manager.stopCapturing();
  manager.captureTimeout = Number.POSITIVE_INFINITY;
  try {
    return await work();
  } finally {
    manager.captureTimeout = timeout;
    manager.stopCapturing();
  }
}
