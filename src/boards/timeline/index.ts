import { createElement, lazy } from 'react';
import { CalendarRange } from 'lucide-react';
import { ElementFrameSlide } from '../../canvas/elementFrame.tsx';
import { loadGraphTexts } from '../graph/lazy.ts';
import type { BoardDescriptor, BoardEditorProps } from '../types.ts';

const TimelineBoard = lazy(() =>
  Promise.all([import('./TimelineBoard.tsx'), loadGraphTexts()]).then(([m]) => ({
    default: m.TimelineBoard,
  })),
);

const FRAME_ROOT = '[data-testid="timeline-board"]';

/** The board on a slide: read-only, the frame filling the slide. */
function TimelineBoardSlide(props: BoardEditorProps) {
  return createElement(ElementFrameSlide<BoardEditorProps>, {
    root: FRAME_ROOT,
    Editor: TimelineBoard,
    props,
  });
}

/** The case timeline: the register's events on a time axis, one lane per person. */
export const timelineBoard: BoardDescriptor = {
  kind: 'timeline',
  name: 'board.kinds.timeline',
  icon: CalendarRange,
  editor: TimelineBoard,
  slideView: TimelineBoardSlide,
  render: () => import('./render.ts').then((m) => m.renderTimeline),
  canFrame: true,
  frameRoot: FRAME_ROOT,
  canExport: true,
  // The version view marks the events added or changed since (their place in time: moved).
  diffMarks: { target: (id) => `.timeline-item[data-id="${CSS.escape(id)}"]`, look: 'outline' },
  positionKeys: ['x', 'y', 'w', 'h'],
  drawnEntities: { kinds: ['event'], positionFields: ['start', 'end'] },
  // The timeline draws the register's dated entities and has no board commands of its own.
  fuzz: () => Promise.resolve({}),
};
