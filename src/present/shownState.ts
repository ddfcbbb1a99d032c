export type Point = { x: number; y: number };
export type Region = { x: number; y: number; w: number; h: number };

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
