import * as Y from 'yjs';
import { docFromState, restoreVersion } from '../src/core/history.ts';
import { newId } from '../src/core/ids.ts';
import type { AuditTrail } from './audit.ts';
import type { Store, VersionRecord } from './store/Store.ts';

/** Names of automatic versions (the page shows them in the reader's language). */
export const AUTO_NAMES = {
  hourly: 'auto:hourly',
  left: 'auto:left',
  beforeRestore: 'auto:before-restore',
} as const;

/** The setting an administrator sets: days automatic versions are kept (0 keeps them for ever). */
export const RETENTION_SETTING = 'autoVersionDays';
export const DEFAULT_RETENTION_DAYS = 90;

/**
 * Makes versions: named ones when a person asks, automatic ones at most once per `intervalMs` while
 * a case changes and once when its last person has left, and drops automatic versions older than
 * the retention an administrator set.
 */
export class VersionKeeper {
  /** When each case's newest version was made (ms), once known. */
  private readonly lastMade = new Map<string, number>();
  /** Cases changed since their newest version. */
  private readonly dirty = new Set<string>();
  private readonly making = new Set<string>();
  /** Versions being written, so that closing waits for them. */
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditTrail,
    private readonly intervalMs: number,
    private readonly log: (err: unknown) => void,
  ) {}

  async make(
    caseId: string,
    kind: VersionRecord['kind'],
    name: string,
    author: string,
    state: Uint8Array,
  ): Promise<VersionRecord> {
    const version: VersionRecord = {
      id: newId(),
      caseId,
      kind,
      name,
      author,
      createdAt: new Date().toISOString(),
      bytes: state.byteLength,
    };
    // `state` is what the case holds now; a change from here on makes it dirty again.
    this.dirty.delete(caseId);
    this.lastMade.set(caseId, Date.parse(version.createdAt));
    await this.store.createVersion(version, state);
    await this.audit.record(author, 'version.created', caseId, {
      version: version.id,
      name,
      kind,
      bytes: version.bytes,
    });
    if (kind === 'auto') await this.applyRetention();
    return version;
  }

  /** A change was stored: an automatic version if the newest is older than the interval. */
  changed(caseId: string, state: () => Uint8Array): void {
    this.dirty.add(caseId);
    if (this.closed || this.making.has(caseId)) return;
    this.making.add(caseId);
    this.track(
      async () => {
        let last = this.lastMade.get(caseId);
        const due = (at: number) => Date.now() - at >= this.intervalMs;
        if (last === undefined || due(last)) {
          // First time, or due: the store says when the newest version was made (another instance
          // serving this case may have made one). Without any, the clock starts now: the first
          // comes after one interval of work.
          const newest = (await this.store.listVersions(caseId))[0];
          const newestAt = newest ? Date.parse(newest.createdAt) : 0;
          last = Math.max(last ?? (newest ? 0 : Date.now()), newestAt);
          this.lastMade.set(caseId, last);
        }
        if (!this.closed && due(last))
          await this.make(caseId, 'auto', AUTO_NAMES.hourly, 'server', state());
      },
      () => this.making.delete(caseId),
    );
  }

  /** Runs background work, reporting its failure to the log; `close` waits for it. */
  private track(work: () => Promise<unknown>, done: () => void = () => {}): void {
    const running = work()
      .catch(this.log)
      .finally(() => {
        this.pending.delete(running);
        done();
      });
    this.pending.add(running);
  }

  /** Stops making automatic versions and waits for those being written. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.pending]);
  }

  /**
   * Everyone left the case: a version if it changed since the newest one. With several instances,
   * the last person on each instance leaves in turn; a version is made only if the newest stored
   * one does not already hold exactly this content.
   */
  allLeft(caseId: string, state: Uint8Array): void {
    if (this.closed || !this.dirty.has(caseId)) return;
    this.track(async () => {
      const newest = (await this.store.listVersions(caseId))[0];
      const held = newest ? await this.store.getVersionState(caseId, newest.id) : null;
      if (held && sameContent(held, state)) {
        this.dirty.delete(caseId);
        return;
      }
      await this.make(caseId, 'auto', AUTO_NAMES.left, 'server', state);
    });
  }

  async retentionDays(): Promise<number> {
    const value = await this.store.getSetting(RETENTION_SETTING);
    return value === null ? DEFAULT_RETENTION_DAYS : Number(value);
  }

  async applyRetention(): Promise<number> {
    const days = await this.retentionDays();
    if (!(days > 0)) return 0;
    return this.store.deleteAutoVersions(new Date(Date.now() - days * 86_400_000).toISOString());
  }
}

/** Whether two encoded states hold the same content: the same insertions and the same deletions. */
function sameContent(a: Uint8Array, b: Uint8Array): boolean {
  const snapshotOf = (state: Uint8Array) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const snapshot = Y.snapshot(doc);
    doc.destroy();
    return snapshot;
  };
  return Y.equalSnapshots(snapshotOf(a), snapshotOf(b));
}

/**
 * Writes a stored version into a case document as one new change (boards, register, deck and case
 * file made equal to the version's; only what differs is written). The restore API runs it in the
 * case's room and `npm run case -- restore-version` on the stored document, so a case whose page
 * no longer opens can still be brought back.
 * @example writeVersion(doc, await store.getVersionState(caseId, versionId), 'server')
 */
export function writeVersion(doc: Y.Doc, state: Uint8Array, origin: unknown): void {
  const version = docFromState(state);
  try {
    restoreVersion(doc, version, origin);
  } finally {
    version.destroy();
  }
}
