import { z } from 'zod';

/**
 * What a presenter shows, relayed to holders of read-only hearing links. Members of the case
 * follow through the document's awareness instead; link holders never receive the document, only
 * this state and a picture of the current slide. Kept in memory; with several instances,
 * `relay.ts` sends each change to the others and keeps the latest in Redis for instances that
 * open the live view later.
 */

const fraction = z.number().min(0).max(1);
export const presentStateSchema = z.object({
  /** 0-based slide index and count, step and positions on the slide. */
  slide: z.number().int().min(0).max(10_000),
  count: z.number().int().min(0).max(10_000),
  step: z.number().int().min(0).max(100),
  title: z.string().max(300),
  black: z.boolean(),
  /** The laser pointer, as fractions of the slide's width and height. */
  pointer: z.object({ x: fraction, y: fraction }).nullable(),
  spotlight: z.object({ x: fraction, y: fraction, r: fraction }).nullable(),
  zoom: z.object({ x: fraction, y: fraction, w: fraction, h: fraction }).nullable(),
});
export type PresentState = z.infer<typeof presentStateSchema>;

/** One change of a case's presentation, as made on an instance and relayed to the others. */
export type PresentChange =
  | { kind: 'state'; state: PresentState; presenter: string; presenterId: string }
  | { kind: 'image'; data: Buffer; mime: string; version: number }
  | { kind: 'end' };

export interface LiveEvent {
  state: (PresentState & { image: number; presenter: string }) | null;
}

interface Presentation {
  state: PresentState | null;
  presenter: string;
  /** The account presenting: only it publishes pictures and ends the presentation. */
  presenterId: string;
  image: { data: Buffer; mime: string; version: number } | null;
  listeners: Set<(event: LiveEvent) => void>;
}

export class PresentationHub {
  private readonly cases = new Map<string, Presentation>();
  /** Told of every change made on this instance (the relay to other instances). */
  publisher: ((caseId: string, change: PresentChange) => void) | null = null;
  /** Reads the latest changes kept for a case this instance knows nothing of (the relay). */
  loader: ((caseId: string) => Promise<PresentChange[]>) | null = null;

  private of(caseId: string): Presentation {
    let p = this.cases.get(caseId);
    if (!p) {
      p = { state: null, presenter: '', presenterId: '', image: null, listeners: new Set() };
      this.cases.set(caseId, p);
    }
    return p;
  }

  current(caseId: string): LiveEvent {
    const p = this.cases.get(caseId);
    if (!p?.state) return { state: null };
    return { state: { ...p.state, image: p.image?.version ?? 0, presenter: p.presenter } };
  }

  image(caseId: string): { data: Buffer; mime: string; version: number } | null {
    return this.cases.get(caseId)?.image ?? null;
  }

  /** Who presents the case now, as far as this instance knows, or null. */
  presenterOf(caseId: string): { id: string; name: string; state: PresentState } | null {
    const p = this.cases.get(caseId);
    return p?.state ? { id: p.presenterId, name: p.presenter, state: p.state } : null;
  }

  setState(caseId: string, state: PresentState, presenter: { id: string; name: string }): void {
    this.change(caseId, {
      kind: 'state',
      state,
      presenter: presenter.name,
      presenterId: presenter.id,
    });
  }

  setImage(caseId: string, data: Buffer, mime: string): number {
    const version = (this.cases.get(caseId)?.image?.version ?? 0) + 1;
    this.change(caseId, { kind: 'image', data, mime, version });
    return version;
  }

  end(caseId: string): void {
    this.change(caseId, { kind: 'end' });
  }

  /** A change made on this instance: applied here and passed on. */
  private change(caseId: string, change: PresentChange): void {
    this.apply(caseId, change);
    this.publisher?.(caseId, change);
  }

  /**
   * A change another instance made: applied here only, and only to a case this instance follows
   * (a link holder is or was here); the others read it from Redis when first asked (`ensure`).
   */
  applyRemote(caseId: string, change: PresentChange): void {
    if (this.cases.has(caseId)) this.apply(caseId, change);
  }

  /** Before answering a link holder: fetches what other instances keep, if this one has nothing. */
  async ensure(caseId: string): Promise<void> {
    if (!this.loader || this.cases.get(caseId)?.state) return;
    // Followed from now on, so a change that arrives while reading is applied, not missed.
    const p = this.of(caseId);
    const changes = await this.loader(caseId);
    // What arrived while reading is newer than what was read.
    if (!p.state) for (const change of changes) this.apply(caseId, change);
    if (!p.state && p.listeners.size === 0) this.cases.delete(caseId);
  }

  private apply(caseId: string, change: PresentChange): void {
    if (change.kind === 'end') {
      const p = this.cases.get(caseId);
      if (!p) return;
      p.state = null;
      p.image = null;
      this.emit(caseId);
      if (p.listeners.size === 0) this.cases.delete(caseId);
      return;
    }
    const p = this.of(caseId);
    if (change.kind === 'state') {
      p.state = change.state;
      p.presenter = change.presenter;
      p.presenterId = change.presenterId;
      this.emit(caseId);
    } else {
      p.image = { data: change.data, mime: change.mime, version: change.version };
      if (p.state) this.emit(caseId);
    }
  }

  subscribe(caseId: string, listener: (event: LiveEvent) => void): () => void {
    const p = this.of(caseId);
    p.listeners.add(listener);
    return () => {
      p.listeners.delete(listener);
      if (p.listeners.size === 0 && !p.state) this.cases.delete(caseId);
    };
  }

  private emit(caseId: string): void {
    const event = this.current(caseId);
    for (const listener of this.cases.get(caseId)?.listeners ?? []) listener(event);
  }
}
