import { lazy } from 'react';
import { CalendarRange } from 'lucide-react';
import type { BoardDescriptor } from '../types.ts';

const TimelineBoard = lazy(() =>
  import('./TimelineBoard.tsx').then((m) => ({ default: m.TimelineBoard })),
);

/** The case timeline: the register's events on a time axis, one lane per person. */
export const timelineBoard: BoardDescriptor = {
  kind: 'timeline',
  name: 'board.kinds.timeline',
  icon: CalendarRange,
  editor: TimelineBoard,
  slideView: null,
  renderer: { kind: 'element', root: '[data-testid="timeline-board"]' },
  canFrame: false,
  canExport: true,
  diffMarks: null,
  positionKeys: ['x', 'y', 'w', 'h'],
};
