/** The scene's tools: what a click or a drag on the canvas draws. */
export type SceneTool =
  | 'select'
  | 'pan'
  | 'wall'
  | 'rect'
  | 'ellipse'
  | 'polygon'
  | 'line'
  | 'arrow'
  | 'text'
  | 'measure'
  | 'marker'
  | 'refpoint'
  | 'scalebar'
  | 'north'
  | 'calibrate'
  | `symbol:${string}`;

/** The tools of the toolbar, in its order, with their keys (letters, matched without case). */
export const TOOLBAR: ReadonlyArray<{ tool: SceneTool; key?: string }> = [
  { tool: 'select', key: 'v' },
  { tool: 'pan', key: 'h' },
  { tool: 'wall', key: 'w' },
  { tool: 'rect', key: 'r' },
  { tool: 'ellipse', key: 'o' },
  { tool: 'polygon', key: 'p' },
  { tool: 'line', key: 'l' },
  { tool: 'arrow', key: 'a' },
  { tool: 'text', key: 't' },
  { tool: 'measure', key: 'm' },
  { tool: 'marker', key: 'e' },
  { tool: 'refpoint', key: 'f' },
  { tool: 'scalebar' },
  { tool: 'north' },
];

/** Tools that viewers may pick: they only look around. */
export const VIEWER_TOOLS: ReadonlySet<SceneTool> = new Set(['select', 'pan']);

/** Tools drawn click by click, finished with Enter or a double-click. */
export const MULTI_POINT: ReadonlySet<SceneTool> = new Set(['wall', 'polygon', 'line', 'arrow']);

/** Tools drawn with one drag, from corner to corner or from end to end. */
export const DRAG_SHAPE: ReadonlySet<SceneTool> = new Set([
  'rect',
  'ellipse',
  'measure',
  'calibrate',
]);

/** Shapes without rotate and resize handles: they are drawn point by point, or placed. */
export const FIXED_SHAPES: ReadonlySet<string> = new Set([
  'wall',
  'polygon',
  'line',
  'arrow',
  'measure',
  'marker',
  'refpoint',
  'scalebar',
]);

/** Shapes whose label is edited on the scene with a double-click. */
export const EDITABLE_LABEL: ReadonlySet<string> = new Set(['text', 'refpoint', 'rect', 'ellipse']);
