import * as Y from 'yjs';
import { reviewerProblems } from '../../src/core/reviewFilter.ts';
import { changedPaths, validateCaseDoc, type SchemaProblem } from '../../src/core/validate.ts';

/**
 * Checks each incoming update against the document schema before the room applies it: the update
 * is applied to a scratch copy of the room's document, the records it touched are validated there
 * (`validateCaseDoc`, the rules the page's readers share), and it is refused when it breaks a rule
 * the room's document did not already break at the same place. A document already broken (stored
 * before this check, or restored from an old backup) can still be edited and repaired.
 *
 * The scratch copy follows every change of the room's document, so a check costs the update, not
 * the document; after a refusal it is rebuilt from the room's document, which never saw the update.
 * It is a second copy of the document in memory, so it is dropped once nobody has changed the
 * case for `idleMs` and rebuilt (a cost of the document's size, once) at the next change: a case
 * open at rest costs one copy, as it does on servers that check nothing.
 */
export class DocumentGuard {
  private scratch: Y.Doc | null = null;
  private lastCheck = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly idleMs = GUARD_IDLE_MS,
  ) {
    doc.on('update', this.follow);
  }

  /**
   * The problems `update` would bring into the document; empty when it may be applied. The
   * scratch copy keeps the update when it passes (the room applies it next).
   *
   * With `reviewer` (the account id of a reviewer's socket) the update must also change nothing
   * but that reviewer's notes and replies and the state of notes (src/core/reviewFilter.ts), and
   * leave nothing waiting for changes the case does not have (it would be applied later, under
   * someone else's update); otherwise its problems carry `rule: 'reviewer'`.
   */
  check(update: Uint8Array, reviewer?: string): SchemaProblem[] {
    const scratch = this.scratchDoc();
    this.lastCheck = Date.now();
    let paths: string[][] = [];
    const refused: SchemaProblem[] = [];
    const collect = (tr: Y.Transaction) => paths.push(...changedPaths(tr));
    const inspect = (tr: Y.Transaction) => {
      for (const problem of reviewerProblems(tr, this.doc, reviewer!))
        refused.push({ path: problem.split(':')[0]!, problem, rule: 'reviewer' });
    };
    const waiting = () => Boolean(scratch.store.pendingStructs || scratch.store.pendingDs);
    const waitedBefore = waiting();
    scratch.on('afterTransaction', collect);
    if (reviewer !== undefined) scratch.on('beforeObserverCalls', inspect);
    try {
      Y.applyUpdate(scratch, update);
    } finally {
      scratch.off('afterTransaction', collect);
      scratch.off('beforeObserverCalls', inspect);
    }
    if (reviewer !== undefined && !waitedBefore && waiting())
      refused.push({ path: '', problem: 'waits for changes not here', rule: 'reviewer' });
    if (refused.length > 0) {
      this.discard();
      return refused;
    }
    if (paths.length === 0) return [];
    const known = new Set(validateCaseDoc(this.doc, paths).map(keyOf));
    const added = validateCaseDoc(scratch, paths).filter((p) => !known.has(keyOf(p)));
    if (added.length > 0) this.discard();
    paths = [];
    return added;
  }

  /** Forgets the scratch copy (the room's document and it may differ after a failed apply). */
  reset(): void {
    this.discard();
  }

  destroy(): void {
    this.doc.off('update', this.follow);
    this.discard();
  }

  private readonly follow = (update: Uint8Array): void => {
    if (this.scratch) Y.applyUpdate(this.scratch, update);
  };

  private scratchDoc(): Y.Doc {
    if (this.scratch) return this.scratch;
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.doc));
    // Updates the room keeps aside (waiting for changes not here yet) wait in the copy too, so
    // they are checked when what they wait for arrives.
    const store = this.doc.store as {
      pendingStructs: { update: Uint8Array } | null;
      pendingDs: Uint8Array | null;
    };
    if (store.pendingStructs) Y.applyUpdate(scratch, store.pendingStructs.update);
    if (store.pendingDs) Y.applyUpdate(scratch, store.pendingDs);
    this.scratch = scratch;
    this.idleTimer = setTimeout(this.dropIfIdle, this.idleMs);
    this.idleTimer.unref();
    return scratch;
  }

  /** Drops the scratch copy after `idleMs` without a check; otherwise looks again when it may be. */
  private readonly dropIfIdle = (): void => {
    const quiet = Date.now() - this.lastCheck;
    if (quiet >= this.idleMs) {
      this.discard();
      return;
    }
    this.idleTimer = setTimeout(this.dropIfIdle, this.idleMs - quiet);
    this.idleTimer.unref();
  };

  private discard(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.scratch?.destroy();
    this.scratch = null;
  }
}

/**
 * How long a case's scratch copy outlives its last change: long enough that an editing session's
 * pauses do not rebuild it (about 50 ms for a 1,000-topic case, 130 ms for 5,000, on two shared
 * cores), short enough that cases at rest hold their document once.
 */
export const GUARD_IDLE_MS = 30_000;

const keyOf = (p: SchemaProblem) => `${p.path}: ${p.problem}`;
