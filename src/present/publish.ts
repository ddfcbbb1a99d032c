import type { ShownState } from './shown.ts';
import { canvasBlob } from '../export/capture.ts';

/**
 * Tells the server what is presented, for holders of hearing links: the state (throttled) and a
 * picture of the slide. Failures are ignored: presenting in the room never waits for the network.
 */

export interface HearingPublisher {
  /** Sends the state shown, at most once per `delay` ms (the latest one wins). */
  state(state: ShownState): void;
  /** Sends a JPEG of the stage as shown. */
  image(stage: HTMLElement, black: boolean): Promise<void>;
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
    image: (stage, black) => publishImage(caseId, stage, black, send),
    end() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
      void send(url, { method: 'DELETE', credentials: 'same-origin' }).catch(() => undefined);
    },
  };
}

/** A JPEG of the stage as shown (html-to-image, loaded on first use). */
async function publishImage(
  caseId: string,
  stage: HTMLElement,
  black: boolean,
  send: typeof fetch,
): Promise<void> {
  try {
    const { toCanvas } = await import('html-to-image');
    const blob = black
      ? await blackPicture(stage)
      : await canvasBlob(await toCanvas(stage, { pixelRatio: 1 }), 'image/jpeg');
    if (!blob) return;
    await send(`/api/cases/${caseId}/presentation/image`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'image/jpeg' },
      body: blob,
    });
  } catch {
    // A picture that could not be taken leaves the previous one; the state still flows.
  }
}

function blackPicture(stage: HTMLElement): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, stage.clientWidth);
  canvas.height = Math.max(1, stage.clientHeight);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#000';
  context.fillRect(0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
}
