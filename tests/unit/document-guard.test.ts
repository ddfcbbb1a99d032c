import * as Y from 'yjs';
import { afterEach, expect, it, vi } from 'vitest';
import * as core from '../../src/core/index.ts';
import { DocumentGuard } from '../../server/sync/DocumentGuard.ts';
import { wellFormedCase, writeHostileShapes } from '../helpers/hostile.ts';

/**
 * The server's schema check keeps a scratch copy of the case (a second copy in memory): it is
 * dropped once nobody has changed the case for a while, and rebuilt at the next change, which is
 * checked as before.
 */

afterEach(() => {
  vi.useRealTimers();
});

/** A change made on a copy of the room's document, as a client would send it. */
function changeOf(room: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

const scratchOf = (guard: DocumentGuard) => (guard as unknown as { scratch: Y.Doc | null }).scratch;

it('drops the scratch copy of a case at rest, and checks the next change as before', () => {
  vi.useFakeTimers();
  const room = wellFormedCase();
  const guard = new DocumentGuard(room, 1000);
  const boardId = core.addBoard(room, { kind: 'mindmap', title: 'Sơ đồ' }, 'me');

  const good = changeOf(room, (d) =>
    core.addTopic(d, { boardId, parent: null, label: 'Vụ án' }, 'me'),
  );
  expect(guard.check(good)).toEqual([]);
  Y.applyUpdate(room, good);
  expect(scratchOf(guard)).not.toBeNull();

  // Still being edited: kept.
  vi.advanceTimersByTime(600);
  const again = changeOf(room, (d) =>
    core.addTopic(d, { boardId, parent: null, label: 'Bị can' }, 'me'),
  );
  expect(guard.check(again)).toEqual([]);
  Y.applyUpdate(room, again);
  vi.advanceTimersByTime(600);
  expect(scratchOf(guard)).not.toBeNull();

  // A second after the last change: dropped.
  vi.advanceTimersByTime(500);
  expect(scratchOf(guard)).toBeNull();

  // Rebuilt for the next change: a hostile one is still refused, a good one still passes, and the
  // copy follows the room's document (a refusal rebuilds it from the room).
  const hostile = changeOf(room, (d) => writeHostileShapes(d));
  expect(guard.check(hostile).length).toBeGreaterThan(0);
  const later = changeOf(room, (d) =>
    core.addTopic(d, { boardId, parent: null, label: 'Vật chứng' }, 'me'),
  );
  expect(guard.check(later)).toEqual([]);
  Y.applyUpdate(room, later);
  expect(
    core
      .listTopics(room, boardId)
      .map((t) => t.label)
      .sort(),
  ).toEqual(['Bị can', 'Vật chứng', 'Vụ án']);
  guard.destroy();
});
