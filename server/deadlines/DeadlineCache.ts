import * as Y from 'yjs';
import { listEntities } from '../../src/core/commands/register.ts';
import { readDeadlineInput, type DeadlineInput } from '../../src/core/procedure/model.ts';
import type { Store } from '../store/Store.ts';
import type { RoomHook } from '../sync/hooks/types.ts';

/** What deadlines of one case are computed from, read from its stored document. */
export interface CaseDeadlineInput extends DeadlineInput {
  /** Register person id → name, for the lists and calendars. */
  people: Readonly<Record<string, string>>;
}

/**
 * The plain data each case's deadlines are computed from (its charges, its procedure map, its
 * people), read once from the stored document and kept until the case changes: a room hook drops
 * a case's entry when a transaction runs in its room or a change is stored. Entries also expire
 * after `maxAgeMs`, for changes made through another instance to a case not open here. Deadlines
 * themselves are computed per request, because they depend on today.
 */
export class DeadlineCache {
  private readonly entries = new Map<string, { input: CaseDeadlineInput; at: number }>();
  private readonly loading = new Map<string, Promise<CaseDeadlineInput>>();

  constructor(
    private readonly store: Store,
    private readonly maxAgeMs = 5 * 60_000,
  ) {}

  /** The hook that keeps the cache fresh; hung on every room by the RoomManager. */
  readonly hook: RoomHook = {
    afterTransaction: (room) => this.invalidate(room.caseId),
    afterStore: (room) => this.invalidate(room.caseId),
  };

  invalidate(caseId: string): void {
    this.entries.delete(caseId);
    this.loading.delete(caseId);
  }

  async get(caseId: string): Promise<CaseDeadlineInput> {
    const entry = this.entries.get(caseId);
    if (entry && Date.now() - entry.at < this.maxAgeMs) return entry.input;
    const pending = this.loading.get(caseId);
    if (pending) return pending;
    const load = this.load(caseId);
    this.loading.set(caseId, load);
    try {
      const input = await load;
      // Changed while loading: the next call reads again (a failed load is never cached).
      if (this.loading.get(caseId) === load) this.entries.set(caseId, { input, at: Date.now() });
      return input;
    } finally {
      if (this.loading.get(caseId) === load) this.loading.delete(caseId);
    }
  }

  private async load(caseId: string): Promise<CaseDeadlineInput> {
    const stored = await this.store.loadDocument(caseId);
    const doc = new Y.Doc();
    try {
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      const people = Object.fromEntries(
        listEntities(doc, 'person').map((p) => [p.id, p.name] as const),
      );
      return { ...readDeadlineInput(doc), people };
    } finally {
      doc.destroy();
    }
  }
}
