import type { RedisFanout } from '../sync/fanout.ts';
import { presentStateSchema, type PresentChange, type PresentationHub } from './hub.ts';

/**
 * Presentations across instances. A presenter's page talks to one instance, hearing-link holders
 * may be on any other: each change is published to every instance (Redis pub/sub), and the latest
 * state and picture of each case are kept in Redis (for 12 hours), so an instance whose first
 * link holder arrives mid-hearing can show the current slide at once.
 */

const CHANNEL = 'caseboard:present';
/** Link ids revoked on one instance: every instance ends its streams for them. */
export const REVOKED_CHANNEL = 'caseboard:links:revoked';
const KEEP_SECONDS = 12 * 3600;
const key = (caseId: string, part: 'state' | 'image') => `caseboard:present:${caseId}:${part}`;

/** Header (JSON) length, header, then the picture's bytes for an image change. */
export function encodeChange(caseId: string, change: PresentChange): Buffer {
  const { data, ...rest } = change.kind === 'image' ? change : { ...change, data: undefined };
  const header = Buffer.from(JSON.stringify({ caseId, ...rest }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, data ?? Buffer.alloc(0)]);
}

/** The change a payload carries, or null when it is not one (ignored, never thrown). */
export function decodeChange(payload: Buffer): { caseId: string; change: PresentChange } | null {
  try {
    const length = payload.readUInt32BE(0);
    const header = JSON.parse(payload.subarray(4, 4 + length).toString()) as Record<
      string,
      unknown
    >;
    const caseId = header.caseId;
    if (typeof caseId !== 'string') return null;
    if (header.kind === 'end') return { caseId, change: { kind: 'end' } };
    if (header.kind === 'state' && typeof header.presenter === 'string')
      return {
        caseId,
        change: {
          kind: 'state',
          state: presentStateSchema.parse(header.state),
          presenter: header.presenter,
          presenterId: typeof header.presenterId === 'string' ? header.presenterId : '',
        },
      };
    if (
      header.kind === 'image' &&
      (header.mime === 'image/png' || header.mime === 'image/jpeg') &&
      typeof header.version === 'number'
    )
      return {
        caseId,
        change: {
          kind: 'image',
          mime: header.mime,
          version: header.version,
          data: Buffer.from(payload.subarray(4 + length)),
        },
      };
    return null;
  } catch {
    return null;
  }
}

/** Connects a hub to the other instances; resolves once it hears them. */
export async function relayPresentations(
  hub: PresentationHub,
  fanout: RedisFanout,
  onError: (err: Error) => void,
  timeoutMs = 1000,
): Promise<void> {
  const redis = fanout.commands;
  const failed = (err: unknown) => onError(err instanceof Error ? err : new Error(String(err)));
  hub.publisher = (caseId, change) => {
    const payload = encodeChange(caseId, change);
    fanout.send(CHANNEL, payload);
    // One connection, so these run in the order the changes were made.
    if (change.kind === 'end')
      void redis.del(key(caseId, 'state'), key(caseId, 'image')).catch(failed);
    else void redis.set(key(caseId, change.kind), payload, 'EX', KEEP_SECONDS).catch(failed);
  };
  hub.loader = async (caseId) => {
    let timer: NodeJS.Timeout | undefined;
    const kept = await Promise.race([
      redis.mgetBuffer(key(caseId, 'state'), key(caseId, 'image')).catch((err: unknown) => {
        failed(err);
        return [];
      }),
      new Promise<[]>((resolve) => {
        timer = setTimeout(() => {
          failed(new Error('redis did not answer for the presentation in time'));
          resolve([]);
        }, timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    return kept.flatMap((payload) => {
      const decoded = payload ? decodeChange(payload) : null;
      return decoded && decoded.caseId === caseId ? [decoded.change] : [];
    });
  };
  await fanout.listen(CHANNEL, (payload) => {
    const decoded = decodeChange(payload);
    if (decoded) hub.applyRemote(decoded.caseId, decoded.change);
  });
}
