/** A document update waiting to be appended. */
export interface PendingAppend {
  caseId: string;
  update: Uint8Array;
}

/**
 * Group commit, for every store: updates appended in the same turn of the event loop (from any
 * room) are written by one call of `write` (one transaction, so one fsync makes all of them
 * durable), and each promise resolves with its sequence number only after that commit. Writes
 * run one after another, in the order their batches closed.
 *
 * @example
 * const appends = new GroupCommit((batch) => insertAll(batch)); // resolves to the seqs, in order
 * const seq = await appends.append(caseId, update);
 */
export class GroupCommit {
  private readonly pending: Array<
    PendingAppend & { resolve(seq: number): void; reject(err: unknown): void }
  > = [];
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (batch: readonly PendingAppend[]) => number[] | Promise<number[]>,
  ) {}

  append(caseId: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ caseId, update, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  /** Writes what is waiting now; resolves once every earlier write has finished too. */
  flush(): Promise<void> {
    const batch = this.pending.splice(0);
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      try {
        const seqs = await this.write(batch);
        batch.forEach((item, i) => item.resolve(seqs[i]!));
      } catch (err) {
        for (const item of batch) item.reject(err);
      }
    });
    return this.flushing;
  }
}
