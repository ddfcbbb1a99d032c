import type { ShownState } from './shownState.ts';
import { canvasBlob } from '../export/capture.ts';

/**
 * Tells the server what is presented, for holders of hearing links: the state (throttled) and a
 * picture of the slide. Failures are ignored: presenting in the room never waits for the network.
 */

let pending: { caseId: string; state: ShownState } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

export function publishState(caseId: string, state: ShownState): void {
  pending = { caseId, state };
  if (timer) return;
  timer = setTimeout(flush, 120);
}

function flush(): void {
  timer = null;
  const next = pending;
  pending = null;
  if (!next) return;
  const { state } = next;
  void fetch(`/api/cases/${next.caseId}/presentation`, {
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
      spotlight: state.spotlight ? { ...state.spotlight, r: Math.min(1, state.spotlight.r) } : null,
      zoom: state.zoom,
    }),
  }).catch(() => undefined);
}

/** A JPEG of the stage as shown (html-to-image, loaded on first use). */
export async function publishImage(
  caseId: string,
  stage: HTMLElement,
  black: boolean,
): Promise<void> {
  try {
    const { toCanvas } = await import('html-to-image');
    const blob = black
      ? await blackPicture(stage)
      : await canvasBlob(await toCanvas(stage, { pixelRatio: 1 }), 'image/jpeg');
    if (!blob) return;
    await fetch(`/api/cases/${caseId}/presentation/image`, {
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

export function endPublishing(caseId: string): void {
  if (timer) clearTimeout(timer);
  timer = null;
  pending = null;
  void fetch(`/api/cases/${caseId}/presentation`, {
    method: 'DELETE',
    credentials: 'same-origin',
  }).catch(() => undefined);
}
