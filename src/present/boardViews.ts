// The frame contract moved down to the canvas layer (boards and the canvas use it); present reads it here.
export * from '../canvas/boardViews.ts';
