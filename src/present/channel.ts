import { useEffect, useRef } from 'react';
import type { ShownState } from './shownState.ts';

/** The BroadcastChannel between the presenting window and its presenter view (same browser). */
export const channelName = (caseId: string): string => `caseboard:present:${caseId}`;

export type PresenterMessage =
  | { type: 'state'; state: ShownState }
  | { type: 'ended' }
  | { type: 'hello' }
  | {
      type: 'command';
      cmd: 'next' | 'prev' | 'black' | 'goto' | 'exit' | 'start';
      index?: number;
    };

/**
 * The case page's side of the channel: a presenter view asks it to start presenting (at `index`),
 * so the presentation can be started from the laptop's screen while the projector shows the case.
 */
export function usePresenterRequests(caseId: string, onStart: (index: number) => void): void {
  const start = useRef(onStart);
  useEffect(() => {
    start.current = onStart;
  }, [onStart]);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName(caseId));
    channel.addEventListener('message', (event: MessageEvent<PresenterMessage>) => {
      if (event.data.type === 'command' && event.data.cmd === 'start')
        start.current(Math.max(0, event.data.index ?? 0));
    });
    return () => channel.close();
  }, [caseId]);
}
