/**
 * The timeline's actions: zooming, fitting every event in view and adding an event. The toolbar
 * has a button for each; the command palette offers them while the timeline is shown.
 */
import { useMemo, useRef } from 'react';
import { Maximize2, Plus, ZoomIn, ZoomOut } from 'lucide-react';
import { useRegisterActions } from '../../ui/actionRegistry.ts';
import type { ActionContext, ActionTable } from '../../ui/actions.ts';

export interface TimelineContext extends ActionContext {
  /** Multiplies the time one pixel shows: below 1 zooms in. */
  zoom(factor: number): void;
  fit(): void;
  add(): void;
}

/** How much one zoom step changes the scale. */
export const ZOOM_STEP = 1.6;

export const TIMELINE_ACTIONS: ActionTable<TimelineContext> = [
  {
    id: 'timeline.zoomIn',
    label: 'graph:timeline.zoomIn',
    icon: ZoomIn,
    group: 'view',
    viewer: true,
    noTransaction: true,
    perform: (c) => c.zoom(1 / ZOOM_STEP),
  },
  {
    id: 'timeline.zoomOut',
    label: 'graph:timeline.zoomOut',
    icon: ZoomOut,
    group: 'view',
    viewer: true,
    noTransaction: true,
    perform: (c) => c.zoom(ZOOM_STEP),
  },
  {
    id: 'timeline.fit',
    label: 'graph:timeline.fit',
    icon: Maximize2,
    group: 'view',
    viewer: true,
    noTransaction: true,
    perform: (c) => c.fit(),
  },
  {
    id: 'timeline.add',
    label: 'graph:timeline.add',
    icon: Plus,
    group: 'edit',
    // Opens the event form; saving it writes the register.
    noTransaction: true,
    perform: (c) => c.add(),
  },
];

/** Offers the timeline's actions to the command palette while it is shown. */
export function useTimelineActions(context: () => TimelineContext): void {
  const latest = useRef(context);
  latest.current = context;
  const registered = useMemo(
    () => ({
      table: TIMELINE_ACTIONS,
      context: () => latest.current(),
      title: 'graph:timeline.title',
    }),
    [],
  );
  useRegisterActions('board', registered);
}
