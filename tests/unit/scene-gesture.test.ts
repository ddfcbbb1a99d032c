import { describe, expect, it } from 'vitest';
import {
  calibrateBackground,
  fitView,
  listSceneObjects,
  revealPoint,
  zoomAt,
} from '../../src/core/index.ts';
import {
  doubleClick,
  draftObject,
  pointerDown,
  pointerMove,
  pointerUp,
  type GestureScene,
  type PointerInput,
} from '../../src/boards/scene/gesture.ts';
import type { SceneTool } from '../../src/boards/scene/tools.ts';
import { SceneTestEditor } from '../helpers/test-editor.ts';

function sceneOf(editor: SceneTestEditor, tool: SceneTool = 'select'): GestureScene {
  const objects = editor.objects();
  return {
    objects,
    byId: new Map(objects.map((o) => [o.id, o])),
    selection: editor.selection,
    tool,
    draft: editor.draft,
    view: { x: 0, y: 0, k: 1 },
    gridMetres: 1,
    readOnly: false,
  };
}

const at = (x: number, y: number, more: Partial<PointerInput> = {}): PointerInput => ({
  world: { x, y },
  screen: { x: x * 50, y: y * 50 },
  hit: null,
  handle: null,
  button: 0,
  shift: false,
  alt: false,
  ...more,
});

describe('the scene gesture machine, without a browser', () => {
  it('draws a wall click by click, snapped to half a square, closed by clicking near its start', () => {
    const editor = new SceneTestEditor();
    for (const [x, y] of [
      [1.1, 0.9],
      [5.2, 1],
      [5, 4.1],
    ]) {
      const step = pointerDown(sceneOf(editor, 'wall'), at(x!, y!));
      expect(step.gesture).toBeNull();
      const effect = step.effects[0]!;
      if (effect.kind !== 'draft') throw new Error(`expected a draft, got ${effect.kind}`);
      editor.draft = effect.points;
    }
    expect(editor.draft).toEqual([
      { x: 1, y: 1 },
      { x: 5, y: 1 },
      { x: 5, y: 4 },
    ]);
    const close = pointerDown(sceneOf(editor, 'wall'), at(1.2, 1.1));
    expect(close.effects).toEqual([{ kind: 'finishDraft', closed: true }]);
    expect(draftObject('wall', editor.draft, true)).toMatchObject({ shape: 'wall', closed: true });
    expect(draftObject('line', editor.draft.slice(0, 1), false)).toBeNull();
  });

  it('finishes a line on a double-click without the point its second click added', () => {
    const editor = new SceneTestEditor();
    editor.draft = [
      { x: 0, y: 0 },
      { x: 3, y: 0 },
      { x: 3, y: 0 },
    ];
    expect(doubleClick(sceneOf(editor, 'line'), null)).toEqual([
      {
        kind: 'finishDraft',
        closed: false,
        points: [
          { x: 0, y: 0 },
          { x: 3, y: 0 },
        ],
      },
    ]);
    editor.draft = [];
    const text = editor.add({ shape: 'text', x: 2, y: 2, label: 'Cửa sổ' });
    const marker = editor.add({ shape: 'marker', x: 5, y: 5 });
    expect(doubleClick(sceneOf(editor), editor.object(text))).toEqual([
      { kind: 'label', id: text, at: { x: 2, y: 2 }, initial: 'Cửa sổ' },
    ]);
    expect(doubleClick(sceneOf(editor), editor.object(marker))).toEqual([]);
  });

  it('moves a selection by whole fifths of a square, snapping its edge to a neighbour', () => {
    const editor = new SceneTestEditor();
    const a = editor.add({ shape: 'rect', x: 0, y: 0, w: 1, h: 1 });
    editor.add({ shape: 'rect', x: 3, y: 0, w: 1, h: 1 });
    const hit = editor.object(a);
    let step = pointerDown(sceneOf(editor), at(0.5, 0.5, { hit }));
    expect(step.effects).toEqual([{ kind: 'select', ids: [a] }]);
    editor.select(a);
    // 1.93 m right snaps to 2.0 (a fifth of 1 m), whose right edge meets the neighbour's left.
    step = pointerMove(sceneOf(editor), step.gesture!, at(2.43, 0.5));
    expect(step.gesture).toMatchObject({ kind: 'move', dx: 2, dy: 0 });
    expect(pointerUp(sceneOf(editor), step.gesture!)).toContainEqual({
      kind: 'move',
      ids: [a],
      dx: 2,
      dy: 0,
    });
  });

  it('selects what a Shift-drag rectangle touches, with the rest of their groups', () => {
    const editor = new SceneTestEditor();
    const a = editor.add({ shape: 'rect', x: 0, y: 0, w: 1, h: 1, group: 'g' });
    const b = editor.add({ shape: 'rect', x: 8, y: 8, w: 1, h: 1, group: 'g' });
    editor.add({ shape: 'rect', x: 5, y: 0, w: 1, h: 1 });
    let step = pointerDown(sceneOf(editor), at(-1, -1, { shift: true }));
    step = pointerMove(sceneOf(editor), step.gesture!, at(2, 2));
    expect(pointerUp(sceneOf(editor), step.gesture!)).toEqual([{ kind: 'select', ids: [a, b] }]);
  });

  it('pins a measurement to the objects it starts and ends on', () => {
    const editor = new SceneTestEditor();
    const a = editor.add({ shape: 'marker', x: 1, y: 1 });
    const b = editor.add({ shape: 'marker', x: 4, y: 5 });
    let step = pointerDown(sceneOf(editor, 'measure'), at(1.1, 1, { hit: editor.object(a) }));
    step = pointerMove(
      sceneOf(editor, 'measure'),
      step.gesture!,
      at(4, 5, { hit: editor.object(b) }),
    );
    const [effect] = pointerUp(sceneOf(editor, 'measure'), step.gesture!);
    expect(effect).toMatchObject({ kind: 'add', object: { shape: 'measure', pins: [a, b] } });
  });

  it('fits the drawing into the canvas and zooms about the pointer', () => {
    const editor = new SceneTestEditor();
    editor.add({ shape: 'rect', x: 0, y: 0, w: 10, h: 5 });
    const view = fitView(editor.objects(), 580, 580)!;
    expect(view.k).toBe(1); // 10 m is 500 px at zoom 1, with 40 px either side
    expect(view.x).toBe(40);
    expect(fitView([], 580, 580)).toBeNull();
    const zoomed = zoomAt(view, 2, { x: 40, y: 0 });
    expect(zoomed).toMatchObject({ k: 2, x: 40 });
  });

  it('calibrates the background to a known length in one undo step, locked or not', () => {
    const editor = new SceneTestEditor();
    const bg = editor.add({
      shape: 'image',
      x: 0,
      y: 0,
      w: 20,
      h: 10,
      background: true,
      locked: true,
    });
    const from = { x: 0, y: 0 };
    calibrateBackground(
      editor.doc,
      { boardId: editor.boardId, from, to: { x: 2, y: 0 }, metres: 5 },
      editor.origin,
    );
    expect(editor.object(bg)).toMatchObject({ w: 50, h: 25, locked: true });
    expect(editor.undoSteps()).toBe(1);
    editor.undo.undo();
    expect(listSceneObjects(editor.doc, editor.boardId)[0]).toMatchObject({ w: 20, h: 10 });
    expect(() =>
      calibrateBackground(
        editor.doc,
        { boardId: editor.boardId, from, to: from, metres: 5 },
        editor.origin,
      ),
    ).toThrow(/no length/);
  });
});

describe('bringing an object into view', () => {
  it('leaves a point already on screen where it is, and centres one off screen at the same zoom', () => {
    const view = { x: 100, y: 50, k: 2 };
    // 1 m at zoom 2 is 100 px: (1, 1) is at (200, 150) on an 800 × 600 canvas.
    expect(revealPoint(view, { x: 1, y: 1 }, 800, 600)).toBe(view);
    const moved = revealPoint(view, { x: 20, y: -3 }, 800, 600);
    expect(moved.k).toBe(2);
    expect(moved.x + 20 * 100).toBe(400);
    expect(moved.y - 3 * 100).toBe(300);
  });
});
