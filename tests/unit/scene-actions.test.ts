import { describe, expect, it } from 'vitest';
import { boundsOf, centreOf, listSceneObjects } from '../../src/core/index.ts';
import { SCENE_ACTIONS } from '../../src/boards/scene/actions.ts';
import { actionKeys } from '../../src/boards/scene/SceneHelp.tsx';
import { actionForKey } from '../../src/ui/actions.ts';
import { SceneTestEditor } from '../helpers/test-editor.ts';

/** Three 1 m boxes at different places, and a wall. */
function board() {
  const editor = new SceneTestEditor();
  const a = editor.add({ shape: 'rect', x: 1, y: 1, w: 1, h: 1 });
  const b = editor.add({ shape: 'rect', x: 3, y: 4, w: 2, h: 1 });
  const c = editor.add({ shape: 'rect', x: 9, y: 2, w: 1, h: 2 });
  const wall = editor.add({
    shape: 'wall',
    points: [
      { x: 2, y: 6 },
      { x: 6, y: 6 },
    ],
  });
  return { editor, a, b, c, wall };
}

/** A key event as the browser would send it to the canvas. */
const key = (key: string, mods: { ctrl?: boolean; shift?: boolean } = {}) =>
  ({
    key,
    ctrlKey: !!mods.ctrl,
    metaKey: false,
    shiftKey: !!mods.shift,
    altKey: false,
    isComposing: false,
    target: null,
  }) as unknown as KeyboardEvent;

describe('scene actions, run headless', () => {
  it('aligns the left and top edges on the outermost one, in one undo step', () => {
    const { editor, a, b, c } = board();
    editor.select(a, b, c).run('scene.alignLeft');
    expect([a, b, c].map((id) => boundsOf(editor.object(id)).x0)).toEqual([1, 1, 1]);
    expect(editor.object(b).y).toBe(4);
    expect(editor.undoSteps()).toBe(1);
    editor.run('scene.alignTop');
    expect([a, b, c].map((id) => editor.object(id).y)).toEqual([1, 1, 1]);
    editor.undo.undo();
    expect([a, b, c].map((id) => editor.object(id).y)).toEqual([1, 4, 2]);
    editor.undo.undo();
    expect(editor.object(c).x).toBe(9);
  });

  it('distributes three or more centres evenly from left to right, not two', () => {
    const { editor, a, b, c } = board();
    expect(editor.select(a, b).can('scene.distribute')).toBe(false);
    editor.select(a, b, c).run('scene.distribute');
    // Centres 1.5 and 9.5 stay; the middle one goes half way.
    expect([a, b, c].map((id) => centreOf(editor.object(id)).x)).toEqual([1.5, 5.5, 9.5]);
    expect(editor.undoSteps()).toBe(1);
  });

  it('nudges by 5 cm, or 50 cm with Shift, walls with their points, one undo step per key', () => {
    const { editor, a, wall } = board();
    editor.select(a, wall);
    editor.run(actionForKey(SCENE_ACTIONS, key('ArrowRight'))!.id);
    editor.run(actionForKey(SCENE_ACTIONS, key('ArrowDown', { shift: true }))!.id);
    expect(editor.object(a)).toMatchObject({ x: 1.05, y: 1.5 });
    expect(editor.object(wall).points).toEqual([
      { x: 2.05, y: 6.5 },
      { x: 6.05, y: 6.5 },
    ]);
    expect(editor.undoSteps()).toBe(2);
    editor.undo.undo();
    expect(editor.object(a)).toMatchObject({ x: 1.05, y: 1 });
  });

  it('locks: a locked object refuses to move, be aligned or be deleted, until it is unlocked', () => {
    const { editor, a, b } = board();
    editor.select(a).run('scene.lock');
    expect(editor.object(a).locked).toBe(true);
    editor.run('scene.nudgeRight');
    editor.run('scene.delete');
    expect(editor.object(a)).toMatchObject({ x: 1, locked: true });
    editor.select(a, b).run('scene.alignTop');
    expect(editor.object(a).y).toBe(1);
    expect(editor.object(b).y).toBe(4); // nothing else to line up with: a is locked
    // Ctrl+L on a locked selection unlocks it.
    editor.select(a).run(actionForKey(SCENE_ACTIONS, key('l', { ctrl: true }))!.id);
    expect(editor.object(a).locked).toBe(false);
    editor.run('scene.delete');
    expect(editor.objects().map((o) => o.id)).not.toContain(a);
  });

  it('deletes the selection and clears it, in one undo step that brings everything back', () => {
    const { editor, a, b, c } = board();
    editor.select(a, b).run('scene.delete');
    expect(editor.objects().map((o) => o.id)).toEqual(expect.not.arrayContaining([a, b]));
    expect(editor.objects().map((o) => o.id)).toContain(c);
    expect(editor.selection).toEqual([]);
    expect(editor.undoSteps()).toBe(1);
    editor.undo.undo();
    expect(editor.objects()).toHaveLength(4);
  });

  it('duplicates half a metre away, on top, unlocked, selecting the copies; one undo step', () => {
    const { editor, a, wall } = board();
    editor.select(a).run('scene.lock');
    editor.select(a, wall).run('scene.duplicate');
    const copies = editor.selection;
    expect(copies).toHaveLength(2);
    expect(copies).not.toContain(a);
    expect(editor.object(copies[0]!)).toMatchObject({ x: 1.5, y: 1.5, w: 1, locked: false });
    expect(editor.object(copies[1]!).points[0]).toEqual({ x: 2.5, y: 6.5 });
    expect(
      editor
        .objects()
        .slice(-2)
        .map((o) => o.id),
    ).toEqual(copies);
    expect(editor.undoSteps()).toBe(2); // the lock, then the duplicate
    editor.undo.undo();
    expect(editor.objects()).toHaveLength(4);
  });

  it('cuts and pastes: the objects go, and come back once per paste with new marker numbers', () => {
    const editor = new SceneTestEditor();
    const m = editor.add({ shape: 'marker', x: 1, y: 1 });
    editor.select(m).run('scene.cut');
    expect(editor.objects()).toEqual([]);
    expect(editor.can('scene.paste')).toBe(true);
    editor.run('scene.paste');
    editor.run('scene.paste');
    const markers = listSceneObjects(editor.doc, editor.boardId);
    expect(markers.map((o) => o.number)).toEqual([1, 2]);
    expect(editor.undoSteps()).toBe(3);
  });

  it('orders with ] and [, to the front and back with Ctrl', () => {
    const { editor, a, b } = board();
    editor.select(a).run(actionForKey(SCENE_ACTIONS, key(']', { ctrl: true }))!.id);
    expect(editor.objects().at(-1)!.id).toBe(a);
    editor.run(actionForKey(SCENE_ACTIONS, key('['))!.id);
    expect(editor.objects().at(-2)!.id).toBe(a);
    editor.select(b).run('scene.back');
    expect(editor.objects()[0]!.id).toBe(b);
  });

  it('lets viewers pick Select and Pan, fit, zoom and read the keys, and nothing else', () => {
    const { editor, a } = board();
    editor.readOnly = true;
    editor.select(a);
    for (const id of ['scene.delete', 'scene.lock', 'scene.nudgeLeft', 'scene.tool.wall'])
      expect(editor.run(id), id).toBe(false);
    expect(editor.objects()).toHaveLength(4);
    expect(editor.undoSteps()).toBe(0);
    for (const id of ['scene.tool.pan', 'scene.fit', 'scene.zoomIn', 'scene.help'])
      expect(editor.run(id), id).toBe(true);
    expect(editor.tool).toBe('pan');
    expect(editor.requests).toEqual(['fit', 'zoom 1.25', 'help']);
  });

  it('Escape drops a drawing, then goes back to Select, then clears the selection', () => {
    const { editor, a } = board();
    editor.tool = 'wall';
    editor.draft = [{ x: 0, y: 0 }];
    editor.select(a);
    const escape = actionForKey(SCENE_ACTIONS, key('Escape'))!.id;
    editor.run(escape);
    expect([editor.draft, editor.tool, editor.selection]).toEqual([[], 'wall', [a]]);
    editor.run(escape);
    expect(editor.tool).toBe('select');
    editor.run(escape);
    expect(editor.selection).toEqual([]);
  });

  it('defines each key once, and the help sheet shows the keys of the table', () => {
    const bindings = SCENE_ACTIONS.flatMap((a) => a.keys ?? []);
    expect(new Set(bindings).size).toBe(bindings.length);
    const byId = new Map(SCENE_ACTIONS.map((a) => [a.id, a]));
    expect(actionKeys(byId.get('scene.group')!)).toBe('Ctrl+G');
    expect(actionKeys(byId.get('scene.delete')!)).toBe('Delete / Backspace');
    expect(actionForKey(SCENE_ACTIONS, key('w'))!.id).toBe('scene.tool.wall');
  });
});
