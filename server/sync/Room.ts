import * as Y from 'yjs';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import type { Role } from '../../src/core/schema.ts';
import type { PublicUser } from '../auth/sessions.ts';
import type { Store } from '../store/Store.ts';
import {
  CloseCode,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
  parseMessage,
} from './protocol.ts';
import { admitPresence, PresenceRefusedError } from './presence.ts';
import { DocumentGuard } from './DocumentGuard.ts';
import type { SchemaProblem } from '../../src/core/validate.ts';

/** Bytes of waiting updates (see `receiveUpdates`) a room keeps before refusing more. */
const MAX_PENDING_BYTES = 1024 * 1024;

/** Presence ids one socket may hold. */
const MAX_AWARENESS_IDS = 4;

/** One socket in a room. */
export interface Connection {
  readonly ws: WebSocket;
  readonly user: PublicUser;
  role: Role;
  /** SHA-256 of the session or token the socket was opened with, so revoking it closes the socket. */
  readonly credential: string;
  /** Messages this socket may still send now (a token bucket the room manager refills). */
  budget: number;
  /** Awareness client ids this connection controls, removed when it closes. */
  readonly awarenessIds: Set<number>;
}

export interface RoomLimits {
  maxDocumentBytes: number;
  compactAfterUpdates: number;
}

export interface RoomEvents {
  onEmpty(room: Room): void;
  onFailed(room: Room, err: unknown): void;
  onWarning(message: string, details: Record<string, unknown>): void;
  /** An update was refused because it would break the document schema (for the audit trail). */
  onInvalidUpdate?(room: Room, conn: Connection, problems: readonly SchemaProblem[]): void;
  /** A change was stored (for automatic versions). */
  onChanged?(room: Room): void;
  /** A change this instance stored, or a presence change of its sockets, for other instances. */
  publish?(kind: 'update' | 'awareness', data: Uint8Array): void;
}

/** The origin of changes that came from another instance (already stored; not sent back). */
export const REMOTE = Symbol('remote instance');

/** What one person changed in a room since it was last taken: boards by id, and other parts. */
export interface Activity {
  boards: Set<string>;
  areas: Set<string>;
  changes: number;
  since: number;
}

/**
 * One open case document and the sockets editing it. Every document change, from a socket or from
 * the server, goes through `commit`: applied, stored, and only then sent to the others. Sync work
 * runs one task at a time on `queue`, so no one is ever sent a change that is not yet stored.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** Document messages from viewers that were dropped. */
  droppedViewerMessages = 0;
  /** Updates refused because they would break the document schema. */
  invalidUpdates = 0;
  private readonly guard = new DocumentGuard(this.doc);
  private queue: Promise<void> = Promise.resolve();
  /** Document updates received and not yet applied (see `receiveUpdates`). */
  private readonly inbox: Array<{ conn: Connection; update: Uint8Array }> = [];
  private failed = false;
  private compactScheduled = false;
  /** Per user name: what their sockets changed since `takeActivity` (for the audit trail). */
  private activity = new Map<string, Activity>();

  private constructor(
    readonly caseId: string,
    private readonly store: Store,
    private readonly limits: RoomLimits,
    private readonly events: RoomEvents,
    private lastSeq: number,
    private storedBytes: number,
    private updatesSinceSnapshot: number,
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.doc.on('afterTransaction', this.onTransaction);
  }

  /** Hands over (and forgets) who changed what, for the per-minute summary of the audit trail. */
  takeActivity(): Map<string, Activity> {
    const taken = this.activity;
    this.activity = new Map();
    return taken;
  }

  private readonly onTransaction = (tr: Y.Transaction): void => {
    const conn = tr.origin as Connection;
    if (!this.connections.has(conn) || tr.changed.size === 0) return;
    let entry = this.activity.get(conn.user.username);
    if (!entry) {
      entry = { boards: new Set(), areas: new Set(), changes: 0, since: Date.now() };
      this.activity.set(conn.user.username, entry);
    }
    entry.changes++;
    const boards = this.doc.getMap('boards');
    tr.changed.forEach((keys, type) => {
      // Climb to the root, remembering the key under it: for `boards` that key is the board.
      let t: Y.AbstractType<unknown> = type as Y.AbstractType<unknown>;
      let keyUnderRoot: string | null = null;
      while (t._item) {
        const parent = t._item.parent as Y.AbstractType<unknown>;
        if (!parent._item) keyUnderRoot = t._item.parentSub;
        t = parent;
      }
      if (t === boards) {
        if (keyUnderRoot) entry.boards.add(keyUnderRoot);
        else for (const key of keys) if (key) entry.boards.add(key);
        return;
      }
      for (const [name, root] of this.doc.share) if (root === t) entry.areas.add(name);
    });
  };

  /** Loads a room from storage. A failed load throws and leaves nothing behind to be cached. */
  static async load(
    caseId: string,
    store: Store,
    limits: RoomLimits,
    events: RoomEvents,
  ): Promise<Room> {
    const stored = await store.loadDocument(caseId);
    const room = new Room(
      caseId,
      store,
      limits,
      events,
      stored.lastSeq,
      stored.bytes,
      stored.updatesSinceSnapshot,
    );
    room.doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(room.doc, update);
    });
    return room;
  }

  /** Adds a socket: sends it the server's state vector and who is here, then handles its messages. */
  addConnection(conn: Connection): void {
    this.connections.add(conn);
    this.send(conn, encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0)
      this.send(conn, encodeAwareness(encodeAwarenessUpdate(this.awareness, present)));
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
        try {
          // y-websocket clients echo back every presence change they receive; an echo changes
          // nothing and costs a tenth of a message, so one person's flood does not spend others'.
          // Size, byte rate and the account stamped on each state: see presence.ts.
          const admitted = admitPresence(conn, message.update, this.awareness);
          if (!this.checkAwareness(conn, message.update)) conn.budget += 0.9;
          applyAwarenessUpdate(this.awareness, admitted, conn);
        } catch (err) {
          if (err instanceof PresenceRefusedError) {
            if (err.code) this.refuse(conn, err.code, err);
          } else this.refuse(conn, CloseCode.malformed, err);
        }
        return;
      case 'queryAwareness':
        this.send(
          conn,
          encodeAwareness(
            encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
          ),
        );
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
          this.send(conn, encodeSyncStep2(update));
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
    return this.enqueue(() => this.commitNow(origin, mutate));
  }

  /** Runs `task` after every earlier sync task of this room. */
  private enqueue(task: () => Promise<void> | void): Promise<void> {
    const run = this.queue.then(() => (this.failed ? undefined : task()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies every update waiting in the inbox, stores them as one append (one commit), then sends
   * each sender's changes to everyone else. A malformed update or one that would outgrow the
   * document closes only its sender's socket; the others in the batch go on.
   */
  private async receiveUpdates(): Promise<void> {
    const batch = this.inbox.splice(0);
    const accepted: Array<{ conn: Connection; updates: Uint8Array[] }> = [];
    const all: Uint8Array[] = [];
    let bytes = 0;
    for (const { conn, update } of batch) {
      if (!this.connections.has(conn)) continue;
      try {
        Y.decodeUpdate(update);
      } catch (err) {
        this.refuse(conn, CloseCode.malformed, err);
        continue;
      }
      if (this.storedBytes + bytes + update.byteLength > this.limits.maxDocumentBytes) {
        if (this.updatesSinceSnapshot > 0 && all.length === 0) await this.compactNow();
        if (this.storedBytes + bytes + update.byteLength > this.limits.maxDocumentBytes) {
          this.refuse(conn, CloseCode.documentTooLarge, new Error('document size limit'));
          continue;
        }
      }
      // A stock y-websocket client can write anything anywhere; what would break the schema (and
      // with it every member's page) is refused here, before the room's document sees it.
      const invalid = this.guard.check(update);
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
      const captured: Uint8Array[] = [];
      const capture = (u: Uint8Array) => captured.push(u);
      this.doc.on('update', capture);
      let problem: unknown = null;
      try {
        Y.applyUpdate(this.doc, update, conn);
      } catch (err) {
        problem = err;
      } finally {
        this.doc.off('update', capture);
      }
      // An update may wait for changes not here yet (a reconnecting client's live edit can arrive
      // before its catch-up), and Yjs keeps it aside until they come. One made for another
      // document never stops waiting, so what waits is bounded: past the limit the waiting parts
      // are dropped and the sender refused; what did apply is stored like any change.
      if (this.pendingBytes() > MAX_PENDING_BYTES) {
        this.dropPending();
        problem ??= new Error('the update depends on changes this case does not have');
      }
      if (problem) {
        this.guard.reset();
        this.refuse(conn, CloseCode.malformed, problem);
      }
      if (captured.length === 0) continue;
      all.push(...captured);
      bytes += captured.reduce((n, u) => n + u.byteLength, 0);
      accepted.push({ conn, updates: captured });
    }
    if (all.length === 0) return;
    const merged = all.length === 1 ? all[0]! : Y.mergeUpdates(all);
    try {
      this.lastSeq = await this.store.appendUpdate(this.caseId, merged);
    } catch (err) {
      this.fail(err);
      throw err;
    }
    this.storedBytes += merged.byteLength;
    this.updatesSinceSnapshot++;
    this.events.onChanged?.(this);
    this.events.publish?.('update', merged);
    for (const { conn: origin, updates } of accepted) {
      const message = encodeUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
      for (const conn of this.connections) if (conn !== origin) this.send(conn, message);
    }
    if (this.updatesSinceSnapshot >= this.limits.compactAfterUpdates) this.scheduleCompaction();
  }

  private async commitNow(
    origin: Connection | string,
    mutate: (doc: Y.Doc) => void,
  ): Promise<void> {
    const captured: Uint8Array[] = [];
    const capture = (update: Uint8Array) => captured.push(update);
    this.doc.on('update', capture);
    try {
      mutate(this.doc);
    } finally {
      this.doc.off('update', capture);
    }
    if (captured.length === 0) return;
    const update = captured.length === 1 ? captured[0]! : Y.mergeUpdates(captured);
    try {
      this.lastSeq = await this.store.appendUpdate(this.caseId, update);
    } catch (err) {
      this.fail(err);
      throw err;
    }
    this.storedBytes += update.byteLength;
    this.updatesSinceSnapshot++;
    this.events.onChanged?.(this);
    this.events.publish?.('update', update);
    const message = encodeUpdate(update);
    for (const conn of this.connections) if (conn !== origin) this.send(conn, message);
    if (this.updatesSinceSnapshot >= this.limits.compactAfterUpdates) this.scheduleCompaction();
  }

  /**
   * Changes another instance stored (or the store holds, after a missed message): applied in turn
   * with the room's other work and sent to this instance's sockets; not stored again.
   */
  applyRemote(updates: readonly Uint8Array[]): Promise<void> {
    return this.enqueue(() => {
      const captured: Uint8Array[] = [];
      const capture = (u: Uint8Array) => captured.push(u);
      this.doc.on('update', capture);
      try {
        this.doc.transact(() => {
          for (const update of updates) Y.applyUpdate(this.doc, update, REMOTE);
        }, REMOTE);
      } catch (err) {
        this.events.onWarning('bad update from another instance', {
          caseId: this.caseId,
          err: String(err),
        });
      } finally {
        this.doc.off('update', capture);
      }
      if (captured.length === 0) return;
      const update = captured.length === 1 ? captured[0]! : Y.mergeUpdates(captured);
      this.storedBytes += update.byteLength;
      this.updatesSinceSnapshot++;
      const message = encodeUpdate(update);
      for (const conn of this.connections) this.send(conn, message);
      if (this.updatesSinceSnapshot >= this.limits.compactAfterUpdates) this.scheduleCompaction();
    });
  }

  /** Presence of another instance's sockets, shown to this instance's. */
  applyRemoteAwareness(update: Uint8Array): void {
    try {
      applyAwarenessUpdate(this.awareness, update, REMOTE);
    } catch (err) {
      this.events.onWarning('bad presence from another instance', {
        caseId: this.caseId,
        err: String(err),
      });
    }
  }

  /** Bytes of updates Yjs keeps aside waiting for changes it has not seen. */
  private pendingBytes(): number {
    const store = this.doc.store as {
      pendingStructs: { update: Uint8Array } | null;
      pendingDs: Uint8Array | null;
    };
    return (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0);
  }

  private dropPending(): void {
    const store = this.doc.store as { pendingStructs: unknown; pendingDs: unknown };
    store.pendingStructs = null;
    store.pendingDs = null;
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
    if (this.updatesSinceSnapshot === 0) return;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    try {
      await this.store.compactDocument(this.caseId, snapshot, this.lastSeq);
      this.storedBytes = snapshot.byteLength;
      this.updatesSinceSnapshot = 0;
    } catch (err) {
      // The updates are still stored; compaction is tried again later.
      this.events.onWarning('compaction failed', { caseId: this.caseId, err: String(err) });
    }
  }

  /** Waits for every queued task, then compacts; used before unloading and at shutdown. */
  async flush(): Promise<void> {
    await this.enqueue(() => this.compactNow());
  }

  get isIdle(): boolean {
    return this.connections.size === 0;
  }

  /** Closes every socket of `userId` (access removed) or changes its role. */
  setAccess(userId: string, role: Role | null): void {
    for (const conn of this.connections) {
      if (conn.user.id !== userId) continue;
      if (role === null) conn.ws.close(CloseCode.accessRemoved, 'access removed');
      else conn.role = role;
    }
  }

  /** Closes the sockets of `userId` opened with a credential `ends` says is revoked. */
  endSessions(userId: string, ends: (credential: string) => boolean): void {
    for (const conn of this.connections)
      if (conn.user.id === userId && ends(conn.credential))
        conn.ws.close(CloseCode.sessionEnded, 'session ended');
  }

  closeAll(code: number, reason: string): void {
    for (const conn of this.connections) conn.ws.close(code, reason);
  }

  destroy(): void {
    this.guard.destroy();
    this.doc.off('afterTransaction', this.onTransaction);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
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

  /**
   * A socket may speak for its own presence only: client ids it introduced, or new ones, a few at
   * most (a page has one; reconnects and tabs add a couple). Anything else is refused before it
   * touches anyone's presence.
   */
  private checkAwareness(conn: Connection, update: Uint8Array): boolean {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    let added = 0;
    let own = false;
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      if (conn.awarenessIds.has(clientId)) {
        own = true;
        continue;
      }
      const known = this.awareness.meta.get(clientId);
      if (known) {
        // y-websocket clients echo every presence change they receive; an echo (no newer clock)
        // changes nothing and passes. A newer state for another socket's id is a forgery.
        // (The condition is the one under which y-protocols would apply the entry.)
        if (
          clock > known.clock ||
          (clock === known.clock && state === 'null' && this.awareness.states.has(clientId))
        )
          throw new MalformedMessageError('presence of another connection');
        continue;
      }
      if (conn.awarenessIds.size + ++added > MAX_AWARENESS_IDS)
        throw new MalformedMessageError('too many presence ids on one connection');
      own = true;
    }
    return own;
  }

  private removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    if (conn.awarenessIds.size > 0)
      removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    if (this.connections.size === 0) this.events.onEmpty(this);
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    const from = origin as Connection;
    if (this.connections.has(from)) {
      for (const id of [...added, ...updated]) from.awarenessIds.add(id);
      for (const id of removed) from.awarenessIds.delete(id);
    }
    const update = encodeAwarenessUpdate(this.awareness, changed);
    if (origin !== REMOTE) this.events.publish?.('awareness', update);
    const message = encodeAwareness(update);
    for (const conn of this.connections) this.send(conn, message);
  };

  private send(conn: Connection, message: Uint8Array): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    conn.ws.send(message, (err) => {
      if (err) conn.ws.terminate();
    });
  }
}
