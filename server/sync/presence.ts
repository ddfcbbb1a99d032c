import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import { colorFor } from '../../src/core/colors.ts';
import type { PublicUser } from '../auth/sessions.ts';
import { CloseCode } from './protocol.ts';

/**
 * Presence (y-protocols awareness) as the server admits it from one socket: every state has a
 * size limit, each socket a byte rate, and each state the socket's own account stamped on it.
 *
 * What real pages put in a state: `user` (id, name, colour), `selection` (a mind map's selected
 * topic ids), `scene` (a cursor, and the ids and offset of a drag, sent at most once a frame) and
 * `present` (the slide shown, a pointer). Selecting all of a 5,000-topic map is 120 KiB; dragging
 * 1,000 scene objects is 24 KiB a frame, 1.4 MiB a second. A state may be 1 MiB (a select-all of
 * 40,000 topics, far past what the editor draws); the byte rate is above the largest drag.
 */
export const PRESENCE_LIMITS = {
  /** Bytes of one presence state (its JSON). A bigger one closes the sender (4431). */
  maxStateBytes: 1024 * 1024,
  /** Bytes of its own presence a socket may send per second on average... */
  bytesPerSecond: 2 * 1024 * 1024,
  /** ...and at once; beyond this the socket is closed (4429). */
  burstBytes: 8 * 1024 * 1024,
};

/** Why presence was refused, with the close code the sender gets. */
export class PresenceRefusedError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** The presence byte bucket of each socket, kept beside it rather than on it. */
interface Bucket {
  bytes: number;
  at: number;
}

/** The socket as presence needs it (a `Connection` of the room). */
export interface PresenceSender {
  readonly user: PublicUser;
  readonly awarenessIds: ReadonlySet<number>;
}

const buckets = new WeakMap<PresenceSender, Bucket>();

/** Sockets already refused: what they send before their close completes is ignored. */
const refused = new WeakSet<PresenceSender>();

/**
 * Checks an awareness update from `sender` and returns the update to apply: the sender's own
 * states (ids it introduced, or new ones) with `user` (id, name, colour) set from its real account;
 * entries about others (y-websocket clients echo every change they receive) are left out, as they
 * would change nothing. Throws `PresenceRefusedError` for a state over the size limit (4431), a
 * socket over its byte rate (4429) or a state that is not a JSON object or null (4400).
 *
 * @example
 * applyAwarenessUpdate(room.awareness, admitPresence(conn, message.update, room.awareness), conn);
 */
export function admitPresence(
  sender: PresenceSender,
  update: Uint8Array,
  awareness: Awareness,
  now = Date.now(),
  limits = PRESENCE_LIMITS,
): Uint8Array {
  if (refused.has(sender)) throw new PresenceRefusedError(0, 'already refused');
  try {
    return admit(sender, update, awareness, now, limits);
  } catch (err) {
    if (err instanceof PresenceRefusedError) refused.add(sender);
    throw err;
  }
}

function admit(
  sender: PresenceSender,
  update: Uint8Array,
  awareness: Awareness,
  now: number,
  limits: typeof PRESENCE_LIMITS,
): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const own: Array<{ clientId: number; clock: number; state: string }> = [];
  let ownBytes = 0;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // The state's length is checked before its bytes are decoded.
    const raw = decoding.readVarUint8Array(decoder);
    if (raw.byteLength > limits.maxStateBytes)
      throw new PresenceRefusedError(
        CloseCode.presenceTooLarge,
        `presence state of ${raw.byteLength} bytes`,
      );
    if (!sender.awarenessIds.has(clientId) && awareness.meta.has(clientId)) continue;
    ownBytes += raw.byteLength;
    own.push({ clientId, clock, state: new TextDecoder().decode(raw) });
  }
  if (decoding.hasContent(decoder)) throw malformed('trailing bytes after the presence update');
  spend(sender, ownBytes, now, limits);

  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, own.length);
  for (const { clientId, clock, state } of own) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, stamp(state, sender.user));
  }
  return encoding.toUint8Array(encoder);
}

/** Takes `bytes` from the sender's bucket, refilled at the byte rate; throws when it runs dry. */
function spend(
  sender: PresenceSender,
  bytes: number,
  now: number,
  limits: typeof PRESENCE_LIMITS,
): void {
  const bucket = buckets.get(sender) ?? { bytes: limits.burstBytes, at: now };
  bucket.bytes = Math.min(
    limits.burstBytes,
    bucket.bytes + ((now - bucket.at) / 1000) * limits.bytesPerSecond,
  );
  bucket.at = now;
  bucket.bytes -= bytes;
  buckets.set(sender, bucket);
  if (bucket.bytes < 0)
    throw new PresenceRefusedError(CloseCode.tooManyMessages, 'too much presence');
}

/**
 * The state as the others will see it: `user` is the account's id, display name and colour;
 * whatever the page claimed there is replaced.
 */
function stamp(json: string, user: PublicUser): string {
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    throw malformed('presence state is not JSON');
  }
  if (state === null) return json;
  if (typeof state !== 'object' || Array.isArray(state))
    throw malformed('presence state is not an object');
  return JSON.stringify({
    ...state,
    user: { id: user.id, name: user.displayName, color: colorFor(user.id) },
  });
}

const malformed = (message: string) => new PresenceRefusedError(CloseCode.malformed, message);
