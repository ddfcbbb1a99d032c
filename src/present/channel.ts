import type { ShownState } from './PresentView.tsx';

/** The BroadcastChannel between the presenting window and its presenter view (same browser). */
export const channelName = (caseId: string): string => `caseboard:present:${caseId}`;

export type PresenterMessage =
  | { type: 'state'; state: ShownState }
  | { type: 'ended' }
  | { type: 'hello' }
  | { type: 'command'; cmd: 'next' | 'prev' | 'black' | 'goto' | 'exit'; index?: number };
