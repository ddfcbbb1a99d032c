import * as Y from 'yjs';
import type { Store, StoredDocument } from '../store/Store.ts';

/**
 * A room's document as storage holds it: a snapshot and the updates appended since, with the
 * counts that decide when to compact (merge them into one snapshot) and whether a change fits.
 */
export class DocumentLog {
  private lastSeq: number;
  private storedBytes: number;
  private updatesSinceSnapshot: number;

  constructor(
    private readonly caseId: string,
    private readonly store: Store,
    private readonly compactAfterUpdates: number,
    stored: StoredDocument,
  ) {
    this.lastSeq = stored.lastSeq;
    this.storedBytes = stored.bytes;
    this.updatesSinceSnapshot = stored.updatesSinceSnapshot;
  }

  /** Bytes stored for the document (snapshot and updates). */
  get bytes(): number {
    return this.storedBytes;
  }

  /** Whether updates are stored beside the snapshot (so compaction would shrink the document). */
  get hasUpdates(): boolean {
    return this.updatesSinceSnapshot > 0;
  }

  /** Whether enough updates piled up to compact. */
  get compactionDue(): boolean {
    return this.updatesSinceSnapshot >= this.compactAfterUpdates;
  }

  /** Stores `update`; rejects (and counts nothing) if storage fails. */
  async append(update: Uint8Array): Promise<void> {
    this.lastSeq = await this.store.appendUpdate(this.caseId, update);
    this.counted(update);
  }

  /** Counts an update that is stored already (by another instance). */
  counted(update: Uint8Array): void {
    this.storedBytes += update.byteLength;
    this.updatesSinceSnapshot++;
  }

  /** Replaces the stored updates by one snapshot of `doc`; on failure they stay (and it throws). */
  async compact(doc: Y.Doc): Promise<void> {
    if (this.updatesSinceSnapshot === 0) return;
    const snapshot = Y.encodeStateAsUpdate(doc);
    await this.store.compactDocument(this.caseId, snapshot, this.lastSeq);
    this.storedBytes = snapshot.byteLength;
    this.updatesSinceSnapshot = 0;
  }
}
