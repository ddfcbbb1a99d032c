import * as Y from 'yjs';
import { isOpen, listNotes, mentionsUser, type Note } from '../../src/core/notes.ts';
import type { Store } from '../store/Store.ts';
import type { RoomHook } from '../sync/hooks/types.ts';

/** One open note that mentions the person, as the case list shows it. */
export interface MentionSummary {
  note: string;
  authorName: string;
  createdAt: string;
  /** The note's text, cut at 200 characters. */
  text: string;
}

/** What the case list says of a case's notes for one person. */
export interface CaseMentions {
  count: number;
  notes: MentionSummary[];
}

const NONE: CaseMentions = { count: 0, notes: [] };

/** Where the index reads a case's document: the open room's, or the store's. */
export type DocumentSource = (caseId: string) => Y.Doc | undefined;

/**
 * The open review notes that mention each member, per case, for the case list: computed from the
 * open room's document, or from the stored one on first ask, cached and forgotten when the case's
 * room stores a change or unloads (`hook`), so a list asks the store once per changed case.
 */
export class MentionIndex {
  private readonly cache = new Map<string, Promise<Note[]>>();

  constructor(
    private readonly store: Store,
    private readonly openDoc: DocumentSource = () => undefined,
    private readonly maxCases = 2000,
  ) {}

  /** The room hook that forgets a case's notes when it changes. */
  readonly hook: RoomHook = {
    afterStore: (room) => this.invalidate(room.caseId),
    beforeUnload: (room) => this.invalidate(room.caseId),
  };

  invalidate(caseId: string): void {
    this.cache.delete(caseId);
  }

  /** The open notes of `caseId` that mention `userId` (in the note or a reply), newest first. */
  async of(caseId: string, userId: string): Promise<CaseMentions> {
    const notes = await this.notes(caseId).catch(() => []);
    const mine = notes.filter((n) => isOpen(n) && mentionsUser(n, userId));
    if (mine.length === 0) return NONE;
    return {
      count: mine.length,
      notes: mine
        .reverse()
        .slice(0, 20)
        .map((n) => ({
          note: n.id,
          authorName: n.authorName,
          createdAt: n.createdAt,
          text: n.text.slice(0, 200),
        })),
    };
  }

  private notes(caseId: string): Promise<Note[]> {
    // An open room's document is the newest there is (with other instances' changes too).
    const open = this.openDoc(caseId);
    if (open) return Promise.resolve(listNotes(open));
    const cached = this.cache.get(caseId);
    if (cached) return cached;
    const loading = this.load(caseId);
    if (this.cache.size >= this.maxCases) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(caseId, loading);
    // A failed load is not kept: the next list tries again.
    loading.catch(() => this.cache.delete(caseId));
    return loading;
  }

  private async load(caseId: string): Promise<Note[]> {
    const stored = await this.store.loadDocument(caseId);
    const doc = new Y.Doc();
    try {
      doc.transact(() => {
        for (const update of stored.updates) Y.applyUpdate(doc, update);
      });
      return listNotes(doc);
    } finally {
      doc.destroy();
    }
  }
}
