/**
 * The presence rules of server/sync/presence.ts without a server: what a state becomes, and when a
 * socket is refused. The attacks themselves are in tests/integration/presence.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { colorFor } from '../../src/core/colors.ts';
import {
  admitPresence,
  PRESENCE_LIMITS,
  PresenceRefusedError,
  type PresenceSender,
} from '../../server/sync/presence.ts';

const room = () => new Awareness(new Y.Doc());

function sender(ids: number[] = []): PresenceSender {
  return {
    user: { id: 'u-real', username: 'xem', displayName: 'Lê Thị Xem', admin: false },
    awarenessIds: new Set(ids),
  };
}

/** An awareness update for `clientId` holding `state`, at `clock`. */
function update(clientId: number, state: unknown, clock = 1): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new Awareness(doc);
  for (let i = 0; i < clock; i++) awareness.setLocalState(state as Record<string, unknown>);
  const encoded = encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  return encoded;
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof PresenceRefusedError) return err.code;
    throw err;
  }
  return null;
};

describe('admitPresence', () => {
  it('replaces the claimed id, name and colour with those of the account, and keeps the rest', () => {
    const awareness = room();
    const forged = update(7, {
      user: { id: 'u-chief', name: 'Viện trưởng (giả mạo)', color: '#123456' },
      selection: { boardId: 'b', ids: ['t1'] },
    });
    applyAwarenessUpdate(awareness, admitPresence(sender(), forged, awareness, 0), 'x');
    expect(awareness.getStates().get(7)).toEqual({
      user: { id: 'u-real', name: 'Lê Thị Xem', color: colorFor('u-real') },
      selection: { boardId: 'b', ids: ['t1'] },
    });

    const odd = update(8, { user: { color: 'red; background:url(x)' } });
    applyAwarenessUpdate(awareness, admitPresence(sender(), odd, awareness, 0), 'x');
    expect(awareness.getStates().get(8)).toEqual({
      user: { id: 'u-real', name: 'Lê Thị Xem', color: colorFor('u-real') },
    });
  });

  it('leaves out entries about other sockets (echoes), and refuses states that are not objects', () => {
    const awareness = room();
    awareness.meta.set(9, { clock: 3, lastUpdated: 0 });
    const echo = admitPresence(sender(), update(9, { user: { name: 'Ai đó' } }, 2), awareness, 0);
    expect([...echo]).toEqual([0]);
    expect(refusal(() => admitPresence(sender(), update(10, [1, 2]), awareness, 0))).toBe(4400);
  });

  it('refuses a state over the size limit before decoding it (4431), and then ignores the sender', () => {
    const awareness = room();
    const socket = sender();
    const big = update(11, { cursor: 'x'.repeat(PRESENCE_LIMITS.maxStateBytes) });
    expect(refusal(() => admitPresence(socket, big, awareness, 0))).toBe(4431);
    // Whatever the socket sends before its close completes is ignored, not refused again.
    expect(refusal(() => admitPresence(socket, update(11, {}), awareness, 0))).toBe(0);
  });

  it('limits the bytes of its own presence a socket sends per second (4429), refilling over time', () => {
    const awareness = room();
    const limits = { maxStateBytes: 1000, bytesPerSecond: 2000, burstBytes: 4000 };
    const state = { cursor: 'x'.repeat(880) }; // 895 bytes of JSON
    const socket = sender([12]);
    for (let clock = 1; clock <= 4; clock++)
      admitPresence(socket, update(12, state, clock), awareness, 0, limits);
    // A second later 2,000 bytes more may pass: two states, not three.
    admitPresence(socket, update(12, state, 5), awareness, 1000, limits);
    admitPresence(socket, update(12, state, 6), awareness, 1000, limits);
    expect(
      refusal(() => admitPresence(socket, update(12, state, 7), awareness, 1000, limits)),
    ).toBe(4429);
  });
});
