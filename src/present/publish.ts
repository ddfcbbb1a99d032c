import type * as Y from 'yjs';
import type { Slide } from '../core/commands/deck.ts';
import type { ShownState } from './shown.ts';

/**
 * Tells the server what is presented, for holders of hearing links: the state (throttled) and a
 * picture of the slide. Failures are ignored: presenting in the room never waits for the network.
 */

/** The hearing link's picture of a slide: 1600 × 900, as the deck PDF draws the slide. */
export const HEARING_PICTURE = { width: 1600, height: 900 };

export interface HearingPublisher {
  /** Sends the state shown, at most once per `delay` ms (the latest one wins). */
  state(state: ShownState): void;
  /**
   * Sends a PNG of the slide at the step shown (black while the presenter blacks the screen),
   * drawn from the case document: never a picture of the presenter's screen.
   */
  image(doc: Y.Doc, slide: Slide, step: number, black: boolean, language: string): Promise<void>;
  /** Presenting ended: drops a state not yet sent and tells the server. */
  end(): void;
}

/**
 * The publisher of one presentation of one case: its throttle is its own, so two cases (or a
 * presentation ended and started again) never send each other's state.
 * @example const publisher = hearingPublisher(caseId); publisher.state(shown); publisher.end();
 */
export function hearingPublisher(
  caseId: string,
  { send = fetch, delay = 120 }: { send?: typeof fetch; delay?: number } = {},
): HearingPublisher {
  const url = `/api/cases/${caseId}/presentation`;
  let pending: ShownState | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const state = pending;
    pending = null;
    if (!state) return;
    void send(url, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        slide: Math.max(0, state.index),
        count: state.count,
        step: state.step,
        title: state.title.slice(0, 300),
        black: state.black,
        pointer: state.pointer,
        spotlight: state.spotlight
          ? { ...state.spotlight, r: Math.min(1, state.spotlight.r) }
          : null,
        zoom: state.zoom,
      }),
    }).catch(() => undefined);
  };
  return {
    state(state) {
      pending = state;
      timer ??= setTimeout(flush, delay);
    },
    image: async (doc, slide, step, black, language) => {
      try {
        const picture = black
          ? await blackPicture()
          : await slideImage(doc, caseId, slide, step, language);
        await send(`/api/cases/${caseId}/presentation/image`, {
          method: 'PUT',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'image/png' },
          body: picture,
        });
      } catch {
        // A picture that could not be made leaves the previous one; the state still flows.
      }
    },
    end() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
      void send(url, { method: 'DELETE', credentials: 'same-origin' }).catch(() => undefined);
    },
  };
}

/**
 * A slide at a step as a PNG, from the case document: the export pipeline's `slidePicture` (with
 * the classification marking of a classified case) as SVG, rasterised. Loaded on first use.
 */
export async function slideImage(
  doc: Y.Doc,
  caseId: string,
  slide: Slide,
  step: number,
  language: string,
): Promise<Blob> {
  const [{ slidePicture, pictureSvg }, { pageResources }, { rasterise }] = await Promise.all([
    import('../export/documents/index.ts'),
    import('../export/pageResources.ts'),
    import('../export/raster.ts'),
  ]);
  const resources = pageResources(caseId);
  const picture = await slidePicture(doc, slide, step, language, resources);
  const svg = await pictureSvg(picture, resources);
  return rasterise(svg, { scale: HEARING_PICTURE.width / picture.width, background: '#ffffff' });
}

/** The black screen, as a PNG of the hearing picture's size. */
async function blackPicture(): Promise<Blob> {
  const { canvasBlob } = await import('../export/raster.ts');
  const canvas = document.createElement('canvas');
  canvas.width = HEARING_PICTURE.width;
  canvas.height = HEARING_PICTURE.height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#000';
  context.fillRect(0, 0, canvas.width, canvas.height);
  return canvasBlob(canvas, 'image/png');
}
