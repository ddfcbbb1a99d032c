import * as Y from 'yjs';
import type { RoomHook } from './types.ts';

/** Automatic versions (server/versions.ts): told of every stored change, and when all left. */
export interface VersionsSink {
  changed(caseId: string, state: () => Uint8Array): void;
  allLeft(caseId: string, state: Uint8Array): void;
}

/**
 * The versions hook: every change stored here and the unloading of a room reach the automatic
 * versions (an hourly snapshot while a case changes, and one when the last person leaves). The
 * state is encoded only if a version is taken.
 */
export function versionsHook(versions: VersionsSink): RoomHook {
  return {
    afterStore: (room) => versions.changed(room.caseId, () => Y.encodeStateAsUpdate(room.doc)),
    beforeUnload: (room) => versions.allLeft(room.caseId, Y.encodeStateAsUpdate(room.doc)),
  };
}
