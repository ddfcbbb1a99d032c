import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The y-websocket wire format: a varuint message type, then its payload. Sync messages carry a
 * sub-type (step 1: a state vector; step 2 and update: a Yjs update).
 */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

export type SyncMessage =
  | { type: 'step1'; stateVector: Uint8Array }
  | { type: 'step2' | 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' };

export class MalformedMessageError extends Error {}

/** Parses one message; throws `MalformedMessageError` for anything that is not exactly one known message. */
export function parseMessage(data: Uint8Array): SyncMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const message = readMessage(decoder);
    if (decoding.hasContent(decoder))
      throw new MalformedMessageError('trailing bytes after the message');
    return message;
  } catch (err) {
    if (err instanceof MalformedMessageError) throw err;
    throw new MalformedMessageError(err instanceof Error ? err.message : String(err));
  }
}

function readMessage(decoder: decoding.Decoder): SyncMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync: {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === SyncType.step1) return { type: 'step1', stateVector: payload };
      if (syncType === SyncType.step2) return { type: 'step2', update: payload };
      if (syncType === SyncType.update) return { type: 'update', update: payload };
      throw new MalformedMessageError(`unknown sync message type ${syncType}`);
    }
    case MessageType.awareness:
      return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MessageType.queryAwareness:
      return { type: 'queryAwareness' };
    default:
      throw new MalformedMessageError(`unknown message type ${type}`);
  }
}

function encode(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SyncType.step1);
    encoding.writeVarUint8Array(e, stateVector);
  });

export const encodeSyncStep2 = (update: Uint8Array): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SyncType.step2);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeUpdate = (update: Uint8Array): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SyncType.update);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeAwareness = (update: Uint8Array): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, update);
  });

/** Close codes the server uses; the page stops reconnecting on the permanent ones. */
export const CloseCode = {
  goingAway: 1001,
  tooLarge: 1009,
  malformed: 4400,
  sessionEnded: 4401,
  accessRemoved: 4403,
  documentTooLarge: 4413,
  /** An update that would break the document schema (src/core/validate.ts); it was not applied. */
  invalidDocument: 4422,
  /** A reviewer's update that changes more than review notes (src/core/reviewFilter.ts). */
  notesOnly: 4423,
  tooManyMessages: 4429,
  presenceTooLarge: 4431,
  storageFailed: 4500,
} as const;
