import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { boardTitleOf } from '../../src/core/doc.ts';
import type { Role } from '../../src/core/schema.ts';
import type { PublicUser } from '../auth/sessions.ts';
import type { Store } from '../store/Store.ts';
import { CloseCode, MessageType } from './protocol.ts';
import type { ControlMessage, Fanout, FanoutKind } from './fanout.ts';
import { fanoutHook } from './hooks/fanout.ts';
import type { RoomHook } from './hooks/types.ts';
import { versionsHook, type VersionsSink } from './hooks/versions.ts';
import { Room, type Connection, type RoomLimits } from './Room.ts';

export interface RoomManagerOptions extends RoomLimits {
  graceMs: number;
  /** Messages one socket may send per second on average (bursts of twice that pass). */
  messagesPerSecond?: number;
  /** Records into the audit trail (connections and their length, edits per person per minute). */
  audit?: (actor: string, action: string, caseId: string, detail: Record<string, unknown>) => void;
  /** How often edits are summarised into the audit trail (60 s). */
  activityMs?: number;
  /** Automatic versions: told of every stored change, and when the last person leaves. */
  versions?: VersionsSink;
  /** Other instances serving the same cases (Redis); without it this instance is alone. */
  fanout?: Fanout;
  /** More hooks every room gets (the deadline cache's invalidation; review notes' audit entries and mention index). */
  hooks?: readonly RoomHook[];
  log: {
    warn(details: Record<string, unknown>, message: string): void;
    error(details: Record<string, unknown>, message: string): void;
  };
}

/**
 * Owns the open case documents: loads a room on first use, shares one load between concurrent
 * callers, never caches a failed load, and unloads a room nobody has used for `graceMs`.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private closed = false;
  /** Invalid updates refused by rooms since unloaded (open rooms keep their own count). */
  private invalidUpdates = 0;
  private readonly activityTimer: NodeJS.Timeout;
  /** Per open socket: writes its 'connection' entry (once), at its close or at shutdown. */
  private readonly connectionEntries = new Set<() => void>();

  /** The hooks every room gets besides its own (activity, presence): versions and fan-out. */
  private readonly hooks: readonly RoomHook[];

  constructor(
    private readonly store: Store,
    private readonly options: RoomManagerOptions,
  ) {
    this.hooks = [
      ...(options.versions ? [versionsHook(options.versions)] : []),
      ...(options.fanout ? [fanoutHook(options.fanout)] : []),
      ...(options.hooks ?? []),
    ];
    this.activityTimer = setInterval(() => {
      for (const room of this.rooms.values()) this.recordActivity(room);
    }, options.activityMs ?? 60_000);
    this.activityTimer.unref();
    options.fanout?.onControl((message) => this.onControl(message));
    options.fanout?.onReconnect(() => void this.resyncAll());
  }

  /** Access changes and ended sessions from another instance. */
  private onControl(message: ControlMessage): void {
    if (message.type === 'access')
      this.rooms.get(message.caseId)?.setAccess(message.userId, message.role as Role | null);
    else this.endSessionsHere(message.userId, message.which);
  }

  /**
   * After the link to the other instances was cut (messages may be lost), every open room reads
   * what the store holds and sends its sockets whatever they lacked.
   */
  async resyncAll(): Promise<void> {
    await Promise.allSettled(
      [...this.rooms.values()].map(async (room) => {
        const stored = await this.store.loadDocument(room.caseId);
        await room.applyRemote(stored.updates);
      }),
    );
  }

  /** Writes one audit entry per person: the boards and parts of the case they changed. */
  private recordActivity(room: Room): void {
    if (!this.options.audit) return;
    for (const [actor, entry] of room.takeActivity())
      this.options.audit(actor, 'edit', room.caseId, {
        // Read like the page reads: a board that is not a record (a document broken before updates
        // were checked) has no title, and must not throw in this timer.
        boards: [...entry.boards].map((id) => ({ id, title: boardTitleOf(room.doc, id) })),
        areas: [...entry.areas],
        changes: entry.changes,
        since: new Date(entry.since).toISOString(),
      });
  }

  /** The document of a case's room if it is open here (nothing is loaded). */
  openDocument(caseId: string): Y.Doc | undefined {
    return this.rooms.get(caseId)?.doc;
  }

  /** The open room of a case, loading it if needed. */
  async acquire(caseId: string): Promise<Room> {
    if (this.closed) throw new Error('The server is shutting down.');
    this.cancelUnload(caseId);
    const open = this.rooms.get(caseId);
    if (open) return open;
    const pending = this.loading.get(caseId);
    if (pending) return pending;
    const fanout = this.options.fanout;
    // With other instances: subscribe before reading the store, so that a change another instance
    // stores after the read arrives as a message; messages before the room exists wait.
    let target: Room | null = null;
    const waiting: Array<[FanoutKind, Uint8Array]> = [];
    const deliver = (room: Room, kind: FanoutKind, data: Uint8Array) => {
      if (kind === 'update') void room.applyRemote([data]);
      else room.presence.receiveRemote(data);
    };
    const subscribed = fanout
      ? fanout.join(caseId, (kind, data) =>
          target ? deliver(target, kind, data) : waiting.push([kind, data]),
        )
      : Promise.resolve();
    const load = subscribed
      .then(() =>
        Room.load(
          caseId,
          this.store,
          this.options,
          {
            onEmpty: (room) => this.scheduleUnload(room),
            onFailed: (room, err) => {
              this.options.log.error(
                { caseId: room.caseId, err: String(err) },
                'room failed; unloading it',
              );
              this.drop(room);
            },
            onWarning: (message, details) => this.options.log.warn(details, message),
            onInvalidUpdate: (room, conn, problems) =>
              this.options.audit?.(conn.user.username, 'edit.refused', room.caseId, {
                problems: problems.slice(0, 5).map((p) => `${p.path}: ${p.problem}`),
                count: problems.length,
              }),
          },
          this.hooks,
        ),
      )
      .then(
        (room) => {
          this.rooms.set(caseId, room);
          target = room;
          for (const [kind, data] of waiting.splice(0)) deliver(room, kind, data);
          return room;
        },
        (err: unknown) => {
          fanout?.leave(caseId);
          throw err;
        },
      )
      .finally(() => this.loading.delete(caseId));
    this.loading.set(caseId, load);
    return load;
  }

  /**
   * Puts an authenticated socket into its case's room. Messages that arrive while the room loads
   * are kept and handled in order once it is there. If the load fails, only this socket is closed.
   */
  connect(ws: WebSocket, caseId: string, user: PublicUser, role: Role, credential: string): void {
    // A token bucket per socket: a flood (of presence, say) closes only the socket that floods.
    const rate = this.options.messagesPerSecond ?? 250;
    const conn: Connection = {
      ws,
      user,
      role,
      credential,
      awarenessIds: new Set(),
      budget: rate * 2,
    };
    const early: Uint8Array[] = [];
    let room: Room | null = null;
    ws.binaryType = 'nodebuffer';
    const opened = Date.now();
    const recordConnection = () => {
      if (!this.connectionEntries.delete(recordConnection)) return;
      this.options.audit?.(user.username, 'connection', caseId, {
        seconds: Math.round((Date.now() - opened) / 1000),
        role: conn.role,
        from: new Date(opened).toISOString(),
      });
    };
    this.connectionEntries.add(recordConnection);
    ws.once('close', recordConnection);
    // ws reports protocol violations (such as a message over maxPayload) here and then closes the
    // socket with the matching code; without a listener they would crash the process.
    ws.on('error', (err) =>
      this.options.log.warn({ caseId, user: user.username, err: err.message }, 'socket error'),
    );
    // Two token buckets per socket. Presence and queries beyond the budget close the socket (a
    // flood); document messages beyond it are slowed instead: the socket stops being read until the
    // bucket has refilled, so a burst of real edits (a long paste, a client catching up) arrives
    // late but whole, and the sender's own TCP buffers carry the wait.
    let refilled = Date.now();
    let syncBudget = rate * 2;
    let paused = false;
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const now = Date.now();
      const gained = ((now - refilled) / 1000) * rate;
      conn.budget = Math.min(rate * 2, conn.budget + gained);
      syncBudget = Math.min(rate * 2, syncBudget + gained);
      refilled = now;
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (bytes[0] === MessageType.sync) {
        if (--syncBudget < 0 && !paused) {
          paused = true;
          ws.pause();
          setTimeout(
            () => {
              paused = false;
              if (ws.readyState === ws.OPEN) ws.resume();
            },
            Math.ceil((-syncBudget / rate) * 1000),
          );
        }
      } else if (--conn.budget < 0) {
        if (ws.readyState === ws.OPEN) {
          this.options.log.warn({ caseId, user: user.username }, 'too many messages; closing');
          ws.close(CloseCode.tooManyMessages, 'too many messages');
        }
        return;
      }
      if (!isBinary) {
        ws.close(CloseCode.malformed, 'malformed message');
        return;
      }
      if (room) room.handleMessage(conn, bytes);
      else early.push(bytes);
    });
    this.acquire(caseId).then(
      (loaded) => {
        if (ws.readyState !== ws.OPEN) {
          if (loaded.isIdle) this.scheduleUnload(loaded);
          return;
        }
        room = loaded;
        loaded.addConnection(conn);
        for (const bytes of early.splice(0)) loaded.handleMessage(conn, bytes);
      },
      (err: unknown) => {
        this.options.log.error({ caseId, err: String(err) }, 'could not load case document');
        ws.close(CloseCode.storageFailed, 'could not load the case');
      },
    );
  }

  /** Changes the document from the server (e.g. a case renamed over HTTP): stored, then sent to all. */
  async change(caseId: string, mutate: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.acquire(caseId);
    try {
      await room.commit('server', mutate);
    } finally {
      if (room.isIdle) this.scheduleUnload(room);
    }
  }

  /** The case document's current state, loading it for the moment if nobody has it open. */
  async state(caseId: string): Promise<Uint8Array> {
    const room = await this.acquire(caseId);
    try {
      return Y.encodeStateAsUpdate(room.doc);
    } finally {
      if (room.isIdle) this.scheduleUnload(room);
    }
  }

  /** Applies a membership change to open sockets: a new role, or closed when access is removed. */
  setAccess(caseId: string, userId: string, role: Role | null): void {
    this.rooms.get(caseId)?.setAccess(userId, role);
    this.options.fanout?.publishControl({ type: 'access', caseId, userId, role });
  }

  /**
   * Closes open sockets of a user whose session was revoked: those opened with `credential`
   * (log-out), or all but those opened with `keep` (password changed).
   */
  endSessions(userId: string, which: { credential: string } | { keep: string | null }): void {
    this.endSessionsHere(userId, which);
    this.options.fanout?.publishControl({ type: 'sessions', userId, which });
  }

  private endSessionsHere(
    userId: string,
    which: { credential: string } | { keep: string | null },
  ): void {
    const ends =
      'credential' in which
        ? (c: string) => c === which.credential
        : (c: string) => c !== which.keep;
    for (const room of this.rooms.values()) room.endSessions(userId, ends);
  }

  /** Open rooms and their sockets, for health and tests. */
  stats(): {
    rooms: number;
    connections: number;
    droppedViewerMessages: number;
    invalidUpdates: number;
  } {
    let connections = 0;
    let dropped = 0;
    for (const room of this.rooms.values()) {
      connections += room.connections.size;
      dropped += room.droppedViewerMessages;
    }
    return {
      rooms: this.rooms.size,
      connections,
      droppedViewerMessages: dropped,
      invalidUpdates:
        this.invalidUpdates + [...this.rooms.values()].reduce((n, r) => n + r.invalidUpdates, 0),
    };
  }

  isLoaded(caseId: string): boolean {
    return this.rooms.has(caseId);
  }

  /** Closes every socket, waits for every stored change and compacts; nothing is lost at shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.activityTimer);
    for (const room of this.rooms.values()) this.recordActivity(room);
    // Sockets finish closing after the store has closed; their entries are written now.
    for (const record of [...this.connectionEntries]) record();
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    await Promise.allSettled([...this.loading.values()]);
    const rooms = [...this.rooms.values()];
    for (const room of rooms) room.closeAll(CloseCode.goingAway, 'server shutting down');
    await Promise.allSettled(rooms.map((room) => room.flush()));
    for (const room of rooms) this.drop(room);
  }

  private scheduleUnload(room: Room): void {
    if (this.closed || this.rooms.get(room.caseId) !== room) return;
    this.cancelUnload(room.caseId);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.caseId);
      if (!room.isIdle || this.rooms.get(room.caseId) !== room) return;
      // Forget the room first: every change is already stored, so a new visitor can load it again
      // while the final compaction of this copy runs.
      this.rooms.delete(room.caseId);
      this.options.fanout?.leave(room.caseId);
      this.recordActivity(room);
      room.unloading();
      void room.flush().finally(() => room.destroy());
    }, this.options.graceMs);
    timer.unref();
    this.unloadTimers.set(room.caseId, timer);
  }

  private cancelUnload(caseId: string): void {
    const timer = this.unloadTimers.get(caseId);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(caseId);
  }

  private drop(room: Room): void {
    if (this.rooms.get(room.caseId) === room) {
      this.rooms.delete(room.caseId);
      this.options.fanout?.leave(room.caseId);
    }
    this.cancelUnload(room.caseId);
    this.invalidUpdates += room.invalidUpdates;
    room.destroy();
  }
}
