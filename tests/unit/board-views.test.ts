import { describe, expect, it } from 'vitest';
import { createBoardViews, type BoardView } from '../../src/canvas/boardViews.ts';

const view = (boardId: string, selected: string[]): BoardView => ({
  boardId,
  viewRect: () => ({ x: 0, y: 0, w: 100, h: 100 }),
  selection: () => selected,
});

describe('board views', () => {
  it('keeps the boards on screen per open case: one case never sees the other case’s boards', () => {
    const first = createBoardViews();
    const second = createBoardViews();
    first.getState().register(view('b1', ['n1']));
    expect(first.getState().views.get('b1')?.selection()).toEqual(['n1']);
    expect(second.getState().views.size).toBe(0);
  });

  it('gives a board back to the view it covered when the covering one goes', () => {
    const views = createBoardViews();
    const unregisterEditor = views.getState().register(view('b1', ['editor']));
    const unregisterVersion = views.getState().register(view('b1', ['version']));
    expect(views.getState().views.get('b1')?.selection()).toEqual(['version']);
    unregisterVersion();
    expect(views.getState().views.get('b1')?.selection()).toEqual(['editor']);
    unregisterEditor();
    expect(views.getState().views.has('b1')).toBe(false);
  });
});
