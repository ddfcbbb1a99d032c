import { afterEach, describe, expect, it, vi } from 'vitest';
import { hearingPublisher } from '../../src/present/publish.ts';
import type { ShownState } from '../../src/present/PresentView.tsx';

function shown(index: number): ShownState {
  return {
    slideId: `s${index}`,
    index,
    count: 5,
    step: 0,
    title: `Trang ${index + 1}`,
    black: false,
    pointer: null,
    spotlight: null,
    zoom: null,
    startedAt: 0,
  };
}

/** A fetch that records what it was asked. */
function recorder() {
  const sent: Array<{ url: string; method: string; slide?: number }> = [];
  const send = (async (url: string, init: RequestInit) => {
    const body =
      typeof init.body === 'string' ? (JSON.parse(init.body) as { slide: number }) : null;
    sent.push({ url, method: init.method!, ...(body ? { slide: body.slide } : {}) });
    return new Response(null, { status: 204 });
  }) as typeof fetch;
  return { sent, send };
}

afterEach(() => vi.useRealTimers());

describe('hearing-picture publisher', () => {
  it('throttles each case on its own: two cases presented at once both send their latest state', () => {
    vi.useFakeTimers();
    const { sent, send } = recorder();
    const a = hearingPublisher('case-a', { send });
    const b = hearingPublisher('case-b', { send });
    a.state(shown(0));
    a.state(shown(1));
    b.state(shown(3));
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(120);
    expect(sent).toEqual([
      { url: '/api/cases/case-a/presentation', method: 'PUT', slide: 1 },
      { url: '/api/cases/case-b/presentation', method: 'PUT', slide: 3 },
    ]);
  });

  it('drops a state not yet sent when its presentation ends, and leaves the other case alone', () => {
    vi.useFakeTimers();
    const { sent, send } = recorder();
    const a = hearingPublisher('case-a', { send });
    const b = hearingPublisher('case-b', { send });
    a.state(shown(2));
    b.state(shown(4));
    a.end();
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([
      { url: '/api/cases/case-a/presentation', method: 'DELETE' },
      { url: '/api/cases/case-b/presentation', method: 'PUT', slide: 4 },
    ]);
  });
});
