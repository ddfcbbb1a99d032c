import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

/** What a hook sees of its room. */
export interface RoomView {
  readonly caseId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
}

/**
 * An extension of a room's lifecycle, in the manner of Hocuspocus's extension hooks: a room calls
 * each of its hooks, in order, at these points. Every method is optional. A hook that throws is
 * logged and the others still run: a hook never fails the room or the change. Hooks see a room,
 * never its sockets.
 *
 * @example
 * const log: RoomHook = { afterStore: (room, update) => console.log(room.caseId, update.byteLength) };
 */
export interface RoomHook {
  /**
   * A document transaction ran. `author` is the account of the socket it came from, null for the
   * server's own changes and those of other instances.
   */
  afterTransaction?(room: RoomView, tr: Y.Transaction, author: string | null): void;
  /** A change this instance applied was stored (changes other instances stored do not come here). */
  afterStore?(room: RoomView, update: Uint8Array): void;
  /** The presence of this instance's sockets changed (`update`: an awareness update). */
  afterLocalPresence?(room: RoomView, update: Uint8Array): void;
  /** The room is unloading: nobody has used it for the grace period; every change is stored. */
  beforeUnload?(room: RoomView): void;
}
