import type * as Y from 'yjs';
import type { RoomHook, RoomView } from './types.ts';

/** What one person changed in a room since it was last taken: boards by id, and other parts. */
export interface Activity {
  boards: Set<string>;
  areas: Set<string>;
  changes: number;
  since: number;
}

/**
 * The activity hook: per person, the boards and other parts of the case their sockets changed,
 * kept until `take` hands them over for the audit trail's summary (one entry a minute each).
 */
export class ActivityHook implements RoomHook {
  private activity = new Map<string, Activity>();

  /** Hands over (and forgets) who changed what. */
  take(): Map<string, Activity> {
    const taken = this.activity;
    this.activity = new Map();
    return taken;
  }

  afterTransaction(room: RoomView, tr: Y.Transaction, author: string | null): void {
    if (author === null || tr.changed.size === 0) return;
    let entry = this.activity.get(author);
    if (!entry) {
      entry = { boards: new Set(), areas: new Set(), changes: 0, since: Date.now() };
      this.activity.set(author, entry);
    }
    entry.changes++;
    const boards = room.doc.getMap('boards');
    tr.changed.forEach((keys, type) => {
      // Climb to the root, remembering the key under it: for `boards` that key is the board.
      let t: Y.AbstractType<unknown> = type as Y.AbstractType<unknown>;
      let keyUnderRoot: string | null = null;
      while (t._item) {
        const parent = t._item.parent as Y.AbstractType<unknown>;
        if (!parent._item) keyUnderRoot = t._item.parentSub;
        t = parent;
      }
      if (t === boards) {
        if (keyUnderRoot) entry.boards.add(keyUnderRoot);
        else for (const key of keys) if (key) entry.boards.add(key);
        return;
      }
      for (const [name, root] of room.doc.share) if (root === t) entry.areas.add(name);
    });
  }
}
