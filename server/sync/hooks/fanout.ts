import type { Fanout } from '../fanout.ts';
import type { RoomHook } from './types.ts';

/**
 * The fan-out hook: what this instance stores, and the presence of its sockets, go to the other
 * instances serving the case (they store nothing again and send nothing back).
 */
export function fanoutHook(fanout: Fanout): RoomHook {
  return {
    afterStore: (room, update) => fanout.publish(room.caseId, 'update', update),
    afterLocalPresence: (room, update) => fanout.publish(room.caseId, 'awareness', update),
  };
}
