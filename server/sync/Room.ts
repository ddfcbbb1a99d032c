import * as Y from 'yjs';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
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

/** One socket in a room. */
export interface Connection {
  readonly ws: WebSocket;
  readonly user: PublicUser;
  role: Role;
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
  private queue: Promise<void> = Promise.resolve();
  /** Document updates received and not yet applied (see `receiveUpdates`). */
  private readonly inbox: Array<{ conn: Connection; update: Uint8Array }> = [];
  private failed = false;
  private compactScheduled = false;

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
  }

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
          applyAwarenessUpdate(this.awareness, message.update, conn);
        } catch (err) {
          this.refuse(conn, CloseCode.malformed, err);
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
      const captured: Uint8Array[] = [];
      const capture = (u: Uint8Array) => captured.push(u);
      this.doc.on('update', capture);
      try {
        Y.applyUpdate(this.doc, update, conn);
      } finally {
        this.doc.off('update', capture);
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
    const message = encodeUpdate(update);
    for (const conn of this.connections) if (conn !== origin) this.send(conn, message);
    if (this.updatesSinceSnapshot >= this.limits.compactAfterUpdates) this.scheduleCompaction();
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

  closeAll(code: number, reason: string): void {
    for (const conn of this.connections) conn.ws.close(code, reason);
  }

  destroy(): void {
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
    const message = encodeAwareness(encodeAwarenessUpdate(this.awareness, changed));
    for (const conn of this.connections) this.send(conn, message);
  };

  private send(conn: Connection, message: Uint8Array): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    conn.ws.send(message, (err) => {
      if (err) conn.ws.terminate();
    });
  }
}
