/**
 * The scene's pointer gestures as small state machines, framework-free (no React, no DOM), in the
 * manner of tldraw's tool states. Each tool is idle until a button goes down, then:
 * - select: pointing an object then dragging it (`move`), a handle (`rotate`, `resize`), Shift on
 *   the empty scene (`marquee`), or the empty scene itself (`pan`);
 * - pan (and the middle button with any tool): `pan`;
 * - rect, ellipse, measure, calibrate: dragging a `shape` from corner to corner or end to end;
 * - wall, polygon, line, arrow: drawing, one point a click (the draft), until Enter, a
 *   double-click or a click on the first corner;
 * - text, marker, reference point, scale bar, north, symbols: one click places, back to idle.
 * `pointerDown`, `pointerMove`, `pointerUp` and `doubleClick` take the state and what the pointer
 * did and return the next state with the effects to apply (select, add, move …): the board applies
 * them, a test reads them.
 */
import type { SceneObjectInput, ScenePatch } from '../../core/commands/scene.ts';
import { snapToEdges, objectsInRect, withGroups } from '../../core/scene/arrange.ts';
import { PX, type SceneView } from '../../core/scene/view.ts';
import {
  centreOf,
  distance,
  snap,
  snapAngle,
  type Point,
  type SceneObject,
} from '../../core/scene.ts';
import { symbolById } from './symbols.ts';
import { DRAG_SHAPE, EDITABLE_LABEL, MULTI_POINT, type SceneTool } from './tools.ts';

/** A gesture in progress: the dragging states of the tools. */
export type Gesture =
  | { kind: 'pan'; start: Point; view: SceneView }
  | { kind: 'marquee'; start: Point; end: Point; base: string[] }
  | { kind: 'move'; start: Point; ids: string[]; dx: number; dy: number }
  | { kind: 'rotate'; id: string; centre: Point; angle: number }
  | { kind: 'resize'; id: string; origin: Point; w: number; h: number; ratio: number | null }
  | {
      kind: 'shape';
      tool: SceneTool;
      start: Point;
      end: Point;
      pins: [string | null, string | null];
    };

/** What the machine reads of the board. */
export interface GestureScene {
  objects: readonly SceneObject[];
  byId: ReadonlyMap<string, SceneObject>;
  selection: readonly string[];
  tool: SceneTool;
  /** The points clicked so far with a multi-point tool (the drawing state). */
  draft: readonly Point[];
  view: SceneView;
  gridMetres: number;
  readOnly: boolean;
}

/** What the pointer did. */
export interface PointerInput {
  /** Where, in metres. */
  world: Point;
  /** Where, in screen pixels (for panning). */
  screen: Point;
  /** The object under the pointer (never the background). */
  hit: SceneObject | null;
  /** The selection handle under the pointer: "rotate", "resize" or null. */
  handle: string | null;
  button: number;
  shift: boolean;
  alt: boolean;
}

/** What the board does after a pointer event. */
export type Effect =
  | { kind: 'select'; ids: string[] }
  | { kind: 'draft'; points: Point[] }
  | { kind: 'finishDraft'; closed: boolean; points?: Point[] }
  | { kind: 'label'; id: string; at: Point; initial: string }
  | { kind: 'add'; object: SceneObjectInput; then?: SceneTool }
  | { kind: 'text'; at: Point }
  | { kind: 'move'; ids: string[]; dx: number; dy: number }
  | { kind: 'update'; id: string; patch: ScenePatch }
  | { kind: 'calibrate'; line: [Point, Point] }
  | { kind: 'view'; view: SceneView }
  | { kind: 'drag'; drag: { ids: string[]; dx: number; dy: number } | null };

export interface Step {
  gesture: Gesture | null;
  effects: Effect[];
}

/** Points snap to half a grid square (Alt: no snapping). */
export function snapPoint(p: Point, gridMetres: number, free: boolean): Point {
  return free ? p : { x: snap(p.x, gridMetres / 2), y: snap(p.y, gridMetres / 2) };
}

function pointSelect(s: GestureScene, input: PointerInput, hit: SceneObject): Step {
  const picked = withGroups(s.objects, [hit.id]);
  const selected = s.selection.includes(hit.id);
  const next = input.shift
    ? selected
      ? s.selection.filter((id) => !picked.includes(id))
      : [...s.selection, ...picked]
    : selected
      ? [...s.selection]
      : picked;
  const move: Gesture | null =
    !s.readOnly && next.includes(hit.id)
      ? { kind: 'move', start: input.world, ids: next, dx: 0, dy: 0 }
      : null;
  return { gesture: move, effects: [{ kind: 'select', ids: next }] };
}

/** Places what a one-click tool places (marker, reference point, scale bar, north, symbol). */
function place(s: GestureScene, tool: SceneTool, p: Point): Effect[] {
  if (tool === 'marker' || tool === 'refpoint') {
    const refs = s.objects.filter((o) => o.shape === 'refpoint').length;
    const label = tool === 'refpoint' ? String.fromCharCode(65 + (refs % 26)) : '';
    return [{ kind: 'add', object: { shape: tool, x: p.x, y: p.y, label } }];
  }
  if (tool === 'scalebar' || tool === 'north')
    return [{ kind: 'add', object: { shape: tool, x: p.x, y: p.y }, then: 'select' }];
  if (tool.startsWith('symbol:')) {
    const symbol = symbolById(tool.slice(7));
    if (!symbol) return [];
    const { w, h } = symbol;
    const object = {
      shape: 'symbol' as const,
      symbol: symbol.id,
      x: p.x - w / 2,
      y: p.y - h / 2,
      w,
      h,
    };
    return [{ kind: 'add', object, then: 'select' }];
  }
  return [];
}

/** A button goes down on the canvas. */
export function pointerDown(s: GestureScene, input: PointerInput): Step {
  const p = snapPoint(input.world, s.gridMetres, input.alt);
  const pan: Gesture = { kind: 'pan', start: input.screen, view: s.view };
  if (input.button === 1 || s.tool === 'pan') return { gesture: pan, effects: [] };
  const single = s.selection.length === 1 ? s.byId.get(s.selection[0]!) : undefined;
  if (input.handle && single && !s.readOnly) {
    const o = single;
    const gesture: Gesture =
      input.handle === 'rotate'
        ? { kind: 'rotate', id: o.id, centre: centreOf(o), angle: o.rotation }
        : {
            kind: 'resize',
            id: o.id,
            origin: { x: o.x, y: o.y },
            w: o.w,
            h: o.h,
            ratio: o.shape === 'symbol' ? o.w / Math.max(o.h, 1e-6) : null,
          };
    return { gesture, effects: [] };
  }
  if (s.tool === 'select') {
    if (input.hit) return pointSelect(s, input, input.hit);
    // Shift+drag on the empty scene selects what the rectangle touches; a plain drag pans.
    if (input.shift)
      return {
        gesture: { kind: 'marquee', start: input.world, end: input.world, base: [...s.selection] },
        effects: [],
      };
    return { gesture: pan, effects: [{ kind: 'select', ids: [] }] };
  }
  if (s.readOnly) return { gesture: null, effects: [] };
  if (MULTI_POINT.has(s.tool)) {
    const first = s.draft[0];
    const closes = s.tool === 'wall' && s.draft.length >= 3 && first !== undefined;
    if (closes && distance(p, first) < Math.max(s.gridMetres, 0.25))
      return { gesture: null, effects: [{ kind: 'finishDraft', closed: true }] };
    return { gesture: null, effects: [{ kind: 'draft', points: [...s.draft, p] }] };
  }
  if (DRAG_SHAPE.has(s.tool)) {
    const pin = s.tool === 'measure' ? input.hit : null;
    const start = pin ? centreOf(pin) : p;
    const pins: [string | null, string | null] = [pin?.id ?? null, null];
    return { gesture: { kind: 'shape', tool: s.tool, start, end: start, pins }, effects: [] };
  }
  if (s.tool === 'text') return { gesture: null, effects: [{ kind: 'text', at: p }] };
  return { gesture: null, effects: place(s, s.tool, p) };
}

/** The pointer moves with a gesture in progress: its next state. */
export function pointerMove(s: GestureScene, g: Gesture, input: PointerInput): Step {
  const { world, alt, shift } = input;
  const grid = s.gridMetres;
  switch (g.kind) {
    case 'pan': {
      const view = {
        ...g.view,
        x: g.view.x + input.screen.x - g.start.x,
        y: g.view.y + input.screen.y - g.start.y,
      };
      return { gesture: g, effects: [{ kind: 'view', view }] };
    }
    case 'marquee':
      return { gesture: { ...g, end: world }, effects: [] };
    case 'move': {
      let dx = alt ? world.x - g.start.x : snap(world.x - g.start.x, grid / 5);
      let dy = alt ? world.y - g.start.y : snap(world.y - g.start.y, grid / 5);
      // Edges and centres line up with other objects' when within 6 pixels.
      if (!alt) [dx, dy] = snapToEdges(s.objects, g.ids, dx, dy, 6 / (PX * s.view.k));
      return {
        gesture: { ...g, dx, dy },
        effects: [{ kind: 'drag', drag: { ids: g.ids, dx, dy } }],
      };
    }
    case 'rotate': {
      const raw = (Math.atan2(world.y - g.centre.y, world.x - g.centre.x) * 180) / Math.PI + 90;
      const angle = shift ? snapAngle(raw) : ((raw % 360) + 360) % 360;
      return { gesture: { ...g, angle }, effects: [] };
    }
    case 'resize': {
      let w = Math.max(0.05, world.x - g.origin.x);
      let h = Math.max(0.05, world.y - g.origin.y);
      if (g.ratio && !shift) h = w / g.ratio;
      if (!alt && !g.ratio) {
        w = Math.max(grid / 5, snap(w, grid / 5));
        h = Math.max(grid / 5, snap(h, grid / 5));
      }
      return { gesture: { ...g, w, h }, effects: [] };
    }
    case 'shape': {
      const pin = g.tool === 'measure' ? input.hit : null;
      const pinned = pin && pin.id !== g.pins[0] ? pin : null;
      const end = pinned ? centreOf(pinned) : snapPoint(world, grid, alt);
      return { gesture: { ...g, end, pins: [g.pins[0], pinned?.id ?? null] }, effects: [] };
    }
  }
}

/** The button comes up: what the gesture leaves in the document. */
export function pointerUp(s: GestureScene, g: Gesture): Effect[] {
  switch (g.kind) {
    case 'pan':
      return [];
    case 'marquee': {
      const inside = objectsInRect(s.objects, g.start, g.end);
      return [{ kind: 'select', ids: withGroups(s.objects, [...new Set([...g.base, ...inside])]) }];
    }
    case 'move':
      return [
        { kind: 'drag', drag: null },
        ...(g.dx === 0 && g.dy === 0
          ? []
          : [{ kind: 'move', ids: g.ids, dx: g.dx, dy: g.dy } as const]),
      ];
    case 'rotate':
      return [{ kind: 'update', id: g.id, patch: { rotation: g.angle } }];
    case 'resize':
      return [{ kind: 'update', id: g.id, patch: { w: g.w, h: g.h } }];
    case 'shape': {
      const { start, end } = g;
      if (distance(start, end) < 0.05) return [];
      if (g.tool === 'calibrate') return [{ kind: 'calibrate', line: [start, end] }];
      if (g.tool === 'measure')
        return [{ kind: 'add', object: { shape: 'measure', points: [start, end], pins: g.pins } }];
      const box = {
        x: Math.min(start.x, end.x),
        y: Math.min(start.y, end.y),
        w: Math.abs(end.x - start.x),
        h: Math.abs(end.y - start.y),
      };
      return [{ kind: 'add', object: { shape: g.tool as 'rect' | 'ellipse', ...box } }];
    }
  }
}

/** A double-click: finishes a drawing, or opens the label of a text, room or reference point. */
export function doubleClick(s: GestureScene, hit: SceneObject | null): Effect[] {
  // The double-click's second click added a point where the first one did.
  if (s.draft.length > 0)
    return [{ kind: 'finishDraft', closed: false, points: s.draft.slice(0, -1) }];
  if (hit && !s.readOnly && EDITABLE_LABEL.has(hit.shape))
    return [{ kind: 'label', id: hit.id, at: { x: hit.x, y: hit.y }, initial: hit.label }];
  return [];
}

/** The shape a finished draft makes: a wall (open or closed), a polygon, a line or an arrow. */
export function draftObject(
  tool: SceneTool,
  points: readonly Point[],
  closed: boolean,
): SceneObjectInput | null {
  if (points.length < 2 || !MULTI_POINT.has(tool)) return null;
  const shape = tool as 'wall' | 'polygon' | 'line' | 'arrow';
  return {
    shape,
    points: [...points],
    closed: shape === 'polygon' ? true : shape === 'wall' ? closed : false,
    ...(shape === 'wall' ? { thickness: 0.2 } : {}),
  };
}
