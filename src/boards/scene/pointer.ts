/**
 * The thin layer between the browser's pointer events and the framework-free gesture machine:
 * what a DOM event says, and the effects the machine returns handed to the board.
 */
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { SceneObjectInput, ScenePatch } from '../../core/commands/scene.ts';
import type { Point, SceneObject } from '../../core/scene.ts';
import { toWorld, type SceneView } from '../../core/scene/view.ts';
import type { Effect, PointerInput } from './gesture.ts';
import type { SceneTool } from './tools.ts';

/** The object drawn at an event's target (never the background image), or null. */
export function objectAt(
  target: EventTarget | null,
  byId: ReadonlyMap<string, SceneObject>,
): SceneObject | null {
  const el = (target as Element | null)?.closest?.('[data-id]');
  const o = byId.get(el?.getAttribute('data-id') ?? '');
  return o && !o.background ? o : null;
}

/** What a pointer event on the scene's SVG says to the gesture machine. */
export function pointerInput(
  event: ReactPointerEvent<SVGSVGElement>,
  svg: SVGSVGElement,
  view: SceneView,
  byId: ReadonlyMap<string, SceneObject>,
): PointerInput {
  const box = svg.getBoundingClientRect();
  return {
    world: toWorld(view, { x: event.clientX - box.left, y: event.clientY - box.top }),
    screen: { x: event.clientX, y: event.clientY },
    hit: objectAt(event.target, byId),
    handle: (event.target as Element).getAttribute('data-handle'),
    button: event.button,
    shift: event.shiftKey,
    alt: event.altKey,
  };
}

/** What the board does for each kind of effect. */
export interface EffectHandlers {
  select(ids: string[]): void;
  draft(points: Point[]): void;
  finishDraft(closed: boolean, points?: Point[]): void;
  label(id: string, at: Point, initial: string): void;
  add(object: SceneObjectInput, then?: SceneTool): void;
  text(at: Point): void;
  move(ids: string[], dx: number, dy: number): void;
  update(id: string, patch: ScenePatch): void;
  calibrate(line: [Point, Point]): void;
  view(view: SceneView): void;
  drag(drag: { ids: string[]; dx: number; dy: number } | null): void;
}

/** Hands each effect, in order, to its handler. */
export function applyEffects(effects: readonly Effect[], on: EffectHandlers): void {
  for (const e of effects)
    switch (e.kind) {
      case 'select':
        on.select(e.ids);
        break;
      case 'draft':
        on.draft(e.points);
        break;
      case 'finishDraft':
        on.finishDraft(e.closed, e.points);
        break;
      case 'label':
        on.label(e.id, e.at, e.initial);
        break;
      case 'add':
        on.add(e.object, e.then);
        break;
      case 'text':
        on.text(e.at);
        break;
      case 'move':
        on.move(e.ids, e.dx, e.dy);
        break;
      case 'update':
        on.update(e.id, e.patch);
        break;
      case 'calibrate':
        on.calibrate(e.line);
        break;
      case 'view':
        on.view(e.view);
        break;
      case 'drag':
        on.drag(e.drag);
        break;
    }
}
