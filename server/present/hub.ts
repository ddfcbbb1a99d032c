import { z } from 'zod';

/**
 * What a presenter shows, relayed to holders of read-only hearing links. Members of the case
 * follow through the document's awareness instead; link holders never receive the document, only
 * this state and a picture of the current slide. In memory: one instance serves a case's
 * presentation (issue 12 spreads it across instances).
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

export interface LiveEvent {
  state: (PresentState & { image: number; presenter: string }) | null;
}

interface Presentation {
  state: PresentState | null;
  presenter: string;
  image: { data: Buffer; mime: string; version: number } | null;
  listeners: Set<(event: LiveEvent) => void>;
}

export class PresentationHub {
  private readonly cases = new Map<string, Presentation>();

  private of(caseId: string): Presentation {
    let p = this.cases.get(caseId);
    if (!p) {
      p = { state: null, presenter: '', image: null, listeners: new Set() };
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

  setState(caseId: string, state: PresentState, presenter: string): void {
    const p = this.of(caseId);
    p.state = state;
    p.presenter = presenter;
    this.emit(caseId);
  }

  setImage(caseId: string, data: Buffer, mime: string): number {
    const p = this.of(caseId);
    p.image = { data, mime, version: (p.image?.version ?? 0) + 1 };
    if (p.state) this.emit(caseId);
    return p.image.version;
  }

  end(caseId: string): void {
    const p = this.cases.get(caseId);
    if (!p) return;
    p.state = null;
    p.image = null;
    this.emit(caseId);
    if (p.listeners.size === 0) this.cases.delete(caseId);
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
