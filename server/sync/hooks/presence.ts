import type { Awareness } from 'y-protocols/awareness';
import {
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { REMOTE, send, type Connection } from '../connection.ts';
import { admitPresence, PresenceRefusedError } from '../presence.ts';
import { CloseCode, encodeAwareness, MalformedMessageError } from '../protocol.ts';

/** Presence ids one socket may hold. */
const MAX_AWARENESS_IDS = 4;

/** What the presence of a room needs from it. */
export interface PresenceRoom {
  readonly awareness: Awareness;
  readonly connections: ReadonlySet<Connection>;
  refuse(conn: Connection, code: number, err: unknown): void;
  warn(message: string, err: unknown): void;
  /** The presence of this instance's sockets changed (for the hooks' `afterLocalPresence`). */
  localPresence(update: Uint8Array): void;
}

/**
 * The presence hook: who is in the room, as y-protocols awareness. Admits each socket's own states
 * (size, byte rate and account checked in presence.ts; ids of other sockets refused here), sends
 * every change to every socket, and removes a socket's states when it leaves.
 */
export class RoomPresence {
  constructor(private readonly room: PresenceRoom) {
    room.awareness.setLocalState(null);
    room.awareness.on('update', this.onUpdate);
  }

  /** Tells a socket that just joined who is here. */
  greet(conn: Connection): void {
    const present = [...this.room.awareness.getStates().keys()];
    if (present.length > 0)
      send(conn, encodeAwareness(encodeAwarenessUpdate(this.room.awareness, present)));
  }

  /** A presence update from a socket. */
  receive(conn: Connection, update: Uint8Array): void {
    try {
      // y-websocket clients echo back every presence change they receive; an echo changes
      // nothing and costs a tenth of a message, so one person's flood does not spend others'.
      // Size, byte rate and the account stamped on each state: see presence.ts.
      const admitted = admitPresence(conn, update, this.room.awareness);
      if (!this.checkOwnership(conn, update)) conn.budget += 0.9;
      applyAwarenessUpdate(this.room.awareness, admitted, conn);
    } catch (err) {
      if (err instanceof PresenceRefusedError) {
        if (err.code) this.room.refuse(conn, err.code, err);
      } else this.room.refuse(conn, CloseCode.malformed, err);
    }
  }

  /** A socket asked for everyone's presence. */
  answerQuery(conn: Connection): void {
    const everyone = [...this.room.awareness.getStates().keys()];
    send(conn, encodeAwareness(encodeAwarenessUpdate(this.room.awareness, everyone)));
  }

  /** Presence of another instance's sockets, shown to this instance's. */
  receiveRemote(update: Uint8Array): void {
    try {
      applyAwarenessUpdate(this.room.awareness, update, REMOTE);
    } catch (err) {
      this.room.warn('bad presence from another instance', err);
    }
  }

  /** A socket left: its states go. */
  leave(conn: Connection): void {
    if (conn.awarenessIds.size > 0)
      removeAwarenessStates(this.room.awareness, [...conn.awarenessIds], null);
  }

  destroy(): void {
    this.room.awareness.off('update', this.onUpdate);
    this.room.awareness.destroy();
  }

  /**
   * A socket may speak for its own presence only: client ids it introduced, or new ones, a few at
   * most (a page has one; reconnects and tabs add a couple). Anything else is refused before it
   * touches anyone's presence. Returns whether the update holds anything of the socket's own.
   */
  private checkOwnership(conn: Connection, update: Uint8Array): boolean {
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
      const known = this.room.awareness.meta.get(clientId);
      if (known) {
        // y-websocket clients echo every presence change they receive; an echo (no newer clock)
        // changes nothing and passes. A newer state for another socket's id is a forgery.
        // (The condition is the one under which y-protocols would apply the entry.)
        if (
          clock > known.clock ||
          (clock === known.clock && state === 'null' && this.room.awareness.states.has(clientId))
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

  private readonly onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    const from = origin as Connection;
    if (this.room.connections.has(from)) {
      for (const id of [...added, ...updated]) from.awarenessIds.add(id);
      for (const id of removed) from.awarenessIds.delete(id);
    }
    const update = encodeAwarenessUpdate(this.room.awareness, changed);
    if (origin !== REMOTE) this.room.localPresence(update);
    const message = encodeAwareness(update);
    for (const conn of this.room.connections) send(conn, message);
  };
}
