import type { Point, Region } from './stage.ts';

/** What a presenter shows, in awareness (`present`) and to hearing links: fractions of the stage. */
export interface ShownState {
  slideId: string;
  index: number;
  count: number;
  step: number;
  title: string;
  black: boolean;
  pointer: Point | null;
  spotlight: (Point & { r: number }) | null;
  zoom: Region | null;
  startedAt: number;
}
