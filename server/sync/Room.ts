import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { Role } from '../../src/core/schema.ts';
import type { SchemaProblem } from '../../src/core/validate.ts';
import type { Store } from '../store/Store.ts';
import { endSessions, REMOTE, send, setAccess, type Connection } from './connection.ts';
import { DocumentGuard } from './DocumentGuard.ts';
import { DocumentLog } from './DocumentLog.ts';
import { ActivityHook, type Activity } from './hooks/activity.ts';
import { RoomPresence } from './hooks/presence.ts';
import { dropPendingOver } from './pending.ts';
import type { RoomHook } from './hooks/types.ts';
import {
  CloseCode,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
  parseMessage,
} from './protocol.ts';

export { REMOTE, type Connection } from './connection.ts';

export interface RoomLimits {
  maxDocumentBytes: number;
  compactAfterUpdates: number;
}

/** What the room manager hears from a room. */
export interface RoomEvents {
  onEmpty(room: Room): void;
  onFailed(room: Room, err: unknown): void;
  onWarning(message: string, details: Record<string, unknown>): void;
  /** An update was refused because it would break the document schema (for the audit trail). */
  onInvalidUpdate?(room: Room, conn: Connection, problems: readonly SchemaProblem[]): void;
}

/** Changes applied in one step, each with the socket (or other origin) it came from. */
type Changes = Array<{ origin: unknown; updates: Uint8Array[] }>;

/** One update for several, as Yjs merges them. */
const merged = (updates: Uint8Array[]) =>
  updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);

/**
 * One open case document and the sockets editing it. Every document change, from a socket, from
 * the server or from another instance, takes one path, `storeAndSend`: applied, stored (unless
 * another instance stored it), told to the hooks, and only then sent to the others. Sync work runs
 * one task at a time on `queue`, so no one is ever sent a change that is not yet stored.
 *
 * The room composes its hooks (server/sync/hooks/): activity (who changed what, for the audit
 * trail) and presence always; versions and fan-out as the room manager gives them.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /**
   * Document messages from viewers that were dropped, and reviewers' updates refused because
   * they changed more than review notes.
   */
  droppedViewerMessages = 0;
  /** Updates refused because they would break the document schema. */
  invalidUpdates = 0;
  private readonly guard = new DocumentGuard(this.doc);
  private readonly activity = new ActivityHook();
  /** Who is here (the presence hook); RoomManager gives it other instances' presence. */
  readonly presence: RoomPresence;
  private readonly hooks: readonly RoomHook[];
  private queue: Promise<void> = Promise.resolve();
  /** Document updates received and not yet applied (see `receiveUpdates`). */
  private readonly inbox: Array<{ conn: Connection; update: Uint8Array }> = [];
  private failed = false;
  private compactScheduled = false;

  private constructor(
    readonly caseId: string,
    private readonly limits: RoomLimits,
    private readonly events: RoomEvents,
    hooks: readonly RoomHook[],
    private readonly log: DocumentLog,
  ) {
    this.hooks = [this.activity, ...hooks];
    this.presence = new RoomPresence({
      awareness: this.awareness,
      connections: this.connections,
      refuse: (conn, code, err) => this.refuse(conn, code, err),
      warn: (message, err) => this.events.onWarning(message, { caseId, err: String(err) }),
      localPresence: (update) => this.callHooks((h) => h.afterLocalPresence?.(this, update)),
    });
    this.doc.on('afterTransaction', this.onTransaction);
  }

  /** Loads a room from storage. A failed load throws and leaves nothing behind to be cached. */
  static async load(
    caseId: string,
    store: Store,
    limits: RoomLimits,
    events: RoomEvents,
    hooks: readonly RoomHook[] = [],
  ): Promise<Room> {
    const stored = await store.loadDocument(caseId);
    const log = new DocumentLog(caseId, store, limits.compactAfterUpdates, stored);
    const room = new Room(caseId, limits, events, hooks, log);
    room.doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(room.doc, update);
    });
    return room;
  }

  /** Hands over (and forgets) who changed what, for the per-minute summary of the audit trail. */
  takeActivity(): Map<string, Activity> {
    return this.activity.take();
  }

  private readonly onTransaction = (tr: Y.Transaction): void => {
    const conn = tr.origin as Connection;
    const author = this.connections.has(conn) ? conn.user.username : null;
    this.callHooks((h) => h.afterTransaction?.(this, tr, author));
  };

  /** Calls every hook; one that throws is logged and the others go on. */
  private callHooks(call: (hook: RoomHook) => void): void {
    for (const hook of this.hooks) {
      try {
        call(hook);
      } catch (err) {
        this.events.onWarning('room hook failed', { caseId: this.caseId, err: String(err) });
      }
    }
  }

  /** Adds a socket: sends it the server's state vector and who is here, then handles its messages. */
  addConnection(conn: Connection): void {
    this.connections.add(conn);
    send(conn, encodeSyncStep1(Y.encodeStateVector(this.doc)));
    this.presence.greet(conn);
    conn.ws.on('close', () => this.removeConnection(conn));
  }

  handleMessage(conn: Connection, data: Uint8Array): void {
    if (this.failed || !this.connections.has(conn)) return;
    let message;
    try {
      message = parseMessage(data);
    } catch (err) {
      this.refuse(conn, CloseCode.malformed, err);
      return;
    }
    switch (message.type) {
      case 'awareness':
        this.presence.receive(conn, message.update);
        return;
      case 'queryAwareness':
        this.presence.answerQuery(conn);
        return;
      case 'step1':
        this.enqueue(async () => {
          let update: Uint8Array;
          try {
            update = Y.encodeStateAsUpdate(this.doc, message.stateVector);
          } catch (err) {
            this.refuse(conn, CloseCode.malformed, err);
            return;
          }
          send(conn, encodeSyncStep2(update));
        });
        return;
      case 'step2':
      case 'update':
        if (conn.role === 'viewer') {
          this.droppedViewerMessages++;
          return;
        }
        // Updates that arrive while a commit is under way are applied and stored together.
        this.inbox.push({ conn, update: message.update });
        if (this.inbox.length === 1) void this.enqueue(() => this.receiveUpdates());
        return;
    }
  }

  /**
   * Applies `mutate` to the document, stores what it changed, then sends it to every socket but
   * `origin`'s. If storing fails the room fails: every socket is closed and the room unloaded, so
   * the memory never holds a change that storage does not.
   */
  commit(origin: Connection | string, mutate: (doc: Y.Doc) => void): Promise<void> {
    return this.enqueue(() =>
      this.storeAndSend([{ origin, updates: this.capture(() => mutate(this.doc)) }]),
    );
  }

  /**
   * Changes another instance stored (or the store holds, after a missed message): applied in turn
   * with the room's other work and sent to this instance's sockets; not stored again.
   */
  applyRemote(updates: readonly Uint8Array[]): Promise<void> {
    return this.enqueue(() => {
      const captured = this.capture(() => {
        try {
          this.doc.transact(() => {
            for (const update of updates) Y.applyUpdate(this.doc, update, REMOTE);
          }, REMOTE);
        } catch (err) {
          this.events.onWarning('bad update from another instance', {
            caseId: this.caseId,
            err: String(err),
          });
        }
      });
      return this.storeAndSend([{ origin: REMOTE, updates: captured }], { storedElsewhere: true });
    });
  }

  /** The document updates `apply` makes. */
  private capture(apply: () => void): Uint8Array[] {
    const captured: Uint8Array[] = [];
    const capture = (update: Uint8Array) => captured.push(update);
    this.doc.on('update', capture);
    try {
      apply();
    } finally {
      this.doc.off('update', capture);
    }
    return captured;
  }

  /**
   * The one path of every change once applied: stored as one append (unless another instance
   * stored it already), told to the hooks (`afterStore`), then each origin's changes sent to every
   * other socket. If storing fails the room fails (see `commit`).
   */
  private async storeAndSend(changes: Changes, { storedElsewhere = false } = {}): Promise<void> {
    const all = changes.flatMap((c) => c.updates);
    if (all.length === 0) return;
    const update = merged(all);
    if (storedElsewhere) this.log.counted(update);
    else {
      try {
        await this.log.append(update);
      } catch (err) {
        this.fail(err);
        throw err;
      }
    }
    if (!storedElsewhere) this.callHooks((h) => h.afterStore?.(this, update));
    for (const { origin, updates } of changes) {
      if (updates.length === 0) continue;
      const message = encodeUpdate(merged(updates));
      for (const conn of this.connections) if (conn !== origin) send(conn, message);
    }
    if (this.log.compactionDue) this.scheduleCompaction();
  }

  /** Runs `task` after every earlier sync task of this room. */
  private enqueue(task: () => Promise<void> | void): Promise<void> {
    const run = this.queue.then(() => (this.failed ? undefined : task()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies every update waiting in the inbox, then stores them as one append (one commit) and
   * sends each sender's changes to everyone else. A malformed update or one that would outgrow the
   * document closes only its sender's socket; the others in the batch go on.
   */
  private async receiveUpdates(): Promise<void> {
    const batch = this.inbox.splice(0);
    const accepted: Changes = [];
    let bytes = 0;
    for (const { conn, update } of batch) {
      if (!this.connections.has(conn)) continue;
      try {
        Y.decodeUpdate(update);
      } catch (err) {
        this.refuse(conn, CloseCode.malformed, err);
        continue;
      }
      if (this.log.bytes + bytes + update.byteLength > this.limits.maxDocumentBytes) {
        if (this.log.hasUpdates && accepted.length === 0) await this.compactNow();
        if (this.log.bytes + bytes + update.byteLength > this.limits.maxDocumentBytes) {
          this.refuse(conn, CloseCode.documentTooLarge, new Error('document size limit'));
          continue;
        }
      }
      // A stock y-websocket client can write anything anywhere; what would break the schema (and
      // with it every member's page) is refused here, before the room's document sees it.
      // A reviewer writes review notes only: anything else in the update refuses all of it.
      const invalid = this.guard.check(update, conn.role === 'reviewer' ? conn.user.id : undefined);
      if (invalid.some((p) => p.rule === 'reviewer')) {
        this.droppedViewerMessages++;
        this.events.onInvalidUpdate?.(this, conn, invalid);
        this.refuse(
          conn,
          CloseCode.notesOnly,
          new Error(`a reviewer writes notes only: ${invalid[0]!.problem}`),
        );
        continue;
      }
      if (invalid.length > 0) {
        this.invalidUpdates++;
        this.events.onInvalidUpdate?.(this, conn, invalid);
        this.refuse(
          conn,
          CloseCode.invalidDocument,
          new Error(`invalid document: ${invalid[0]!.path}: ${invalid[0]!.problem}`),
        );
        continue;
      }
      let problem: unknown = null;
      const captured = this.capture(() => {
        try {
          Y.applyUpdate(this.doc, update, conn);
        } catch (err) {
          problem = err;
        }
      });
      // An update may wait for changes not here yet (a reconnecting client's live edit can arrive
      // before its catch-up), and Yjs keeps it aside until they come. One made for another
      // document never stops waiting, so what waits is bounded: past the limit the waiting parts
      // are dropped and the sender refused; what did apply is stored like any change.
      if (dropPendingOver(this.doc))
        problem ??= new Error('the update depends on changes this case does not have');
      if (problem) {
        this.guard.reset();
        this.refuse(conn, CloseCode.malformed, problem);
      }
      if (captured.length === 0) continue;
      bytes += captured.reduce((n, u) => n + u.byteLength, 0);
      accepted.push({ origin: conn, updates: captured });
    }
    await this.storeAndSend(accepted);
  }

  private scheduleCompaction(): void {
    if (this.compactScheduled) return;
    this.compactScheduled = true;
    setImmediate(() => {
      this.compactScheduled = false;
      void this.enqueue(() => this.compactNow());
    });
  }

  /** Merges the stored updates into one snapshot of the current document. */
  private async compactNow(): Promise<void> {
    try {
      await this.log.compact(this.doc);
    } catch (err) {
      // The updates are still stored; compaction is tried again later.
      this.events.onWarning('compaction failed', { caseId: this.caseId, err: String(err) });
    }
  }

  /** Waits for every queued task, then compacts; used before unloading and at shutdown. */
  async flush(): Promise<void> {
    await this.enqueue(() => this.compactNow());
  }

  /** The room unloads (nobody used it for the grace period): the hooks' `beforeUnload`. */
  unloading(): void {
    this.callHooks((h) => h.beforeUnload?.(this));
  }

  get isIdle(): boolean {
    return this.connections.size === 0;
  }

  /** Closes every socket of `userId` (access removed) or changes its role. */
  setAccess(userId: string, role: Role | null): void {
    setAccess(this.connections, userId, role);
  }

  /** Closes the sockets of `userId` opened with a credential `ends` says is revoked. */
  endSessions(userId: string, ends: (credential: string) => boolean): void {
    endSessions(this.connections, userId, ends);
  }

  closeAll(code: number, reason: string): void {
    for (const conn of this.connections) conn.ws.close(code, reason);
  }

  destroy(): void {
    this.guard.destroy();
    this.doc.off('afterTransaction', this.onTransaction);
    this.presence.destroy();
    this.doc.destroy();
  }

  private fail(err: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.closeAll(CloseCode.storageFailed, 'storage failed');
    this.events.onFailed(this, err);
  }

  private refuse(conn: Connection, code: number, err: unknown): void {
    this.events.onWarning('connection refused', {
      caseId: this.caseId,
      user: conn.user.username,
      code,
      reason:
        err instanceof MalformedMessageError || err instanceof Error ? err.message : String(err),
    });
    conn.ws.close(code, code === CloseCode.malformed ? 'malformed message' : 'refused');
  }

  private removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.presence.leave(conn);
    if (this.connections.size === 0) this.events.onEmpty(this);
  }
}
