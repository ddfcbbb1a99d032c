import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommandError } from '../../src/core/index.ts';
import {
  addBoard,
  addFileRecord,
  addSlide,
  deleteSlide,
  duplicateSlide,
  listSlides,
  moveSlide,
  nextPosition,
  positionsOf,
  previousPosition,
  updateSlide,
  waitingAt,
} from '../../src/core/index.ts';

const frame = { x: 0, y: 0, w: 1600, h: 900 };

function deck(titles: string[]) {
  const doc = new Y.Doc();
  const boardId = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'me');
  for (const title of titles) addSlide(doc, { kind: 'frame', boardId, frame, title }, 'me');
  return { doc, boardId };
}
const titles = (doc: Y.Doc) => listSlides(doc).map((s) => s.title);
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe('deck order', () => {
  it('adds, moves, duplicates and deletes slides in order', () => {
    const { doc } = deck(['A', 'B', 'C']);
    const [a, , c] = listSlides(doc);
    moveSlide(doc, { id: c!.id, index: 0 }, 'me');
    expect(titles(doc)).toEqual(['C', 'A', 'B']);
    const copy = duplicateSlide(doc, { id: a!.id }, 'me');
    expect(titles(doc)).toEqual(['C', 'A', 'A', 'B']);
    deleteSlide(doc, { id: copy }, 'me');
    addSlide(doc, { kind: 'title', title: 'Mở đầu', index: 0 }, 'me');
    expect(titles(doc)).toEqual(['Mở đầu', 'C', 'A', 'B']);
  });

  it('gives every peer one order under concurrent moves, and keeps every slide', () => {
    const one = deck(['A', 'B', 'C', 'D']).doc;
    const two = new Y.Doc();
    sync(one, two);
    const byTitle = (doc: Y.Doc, t: string) => listSlides(doc).find((s) => s.title === t)!.id;
    // Both move slides at once: to the same place, and one slide to two places.
    moveSlide(one, { id: byTitle(one, 'D'), index: 0 }, 'one');
    moveSlide(two, { id: byTitle(two, 'C'), index: 0 }, 'two');
    moveSlide(one, { id: byTitle(one, 'A'), index: 3 }, 'one');
    moveSlide(two, { id: byTitle(two, 'A'), index: 1 }, 'two');
    // And both insert at the same spot.
    addSlide(one, { kind: 'title', title: 'X', index: 1 }, 'one');
    addSlide(two, { kind: 'title', title: 'Y', index: 1 }, 'two');
    sync(one, two);
    expect(titles(one)).toEqual(titles(two));
    expect([...titles(one)].sort()).toEqual(['A', 'B', 'C', 'D', 'X', 'Y']);
    // The slide both moved lands in one place, and the two moved to the front are both before B.
    expect(titles(one).indexOf('B')).toBeGreaterThan(titles(one).indexOf('C'));
    expect(titles(one).indexOf('B')).toBeGreaterThan(titles(one).indexOf('D'));
  });

  it('refuses a frame without a board and a document slide without a file, changing nothing', () => {
    const { doc } = deck([]);
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as CommandError).code;
      }
      return null;
    };
    expect(
      code(() => addSlide(doc, { kind: 'frame', boardId: 'nope', frame, title: 'X' }, 'me')),
    ).toBe('board.notFound');
    expect(code(() => addSlide(doc, { kind: 'document', file: 'abc' }, 'me'))).toBe('slide.noFile');
    expect(code(() => addSlide(doc, { kind: 'title', title: 'x'.repeat(301) }, 'me'))).toBe(
      'slide.badFields',
    );
    expect(listSlides(doc)).toEqual([]);
    addFileRecord(
      doc,
      { hash: 'a'.repeat(64), name: 'BL 12.pdf', mime: 'application/pdf', size: 10 },
      'me',
    );
    const id = addSlide(
      doc,
      { kind: 'document', file: 'a'.repeat(64), page: 3, title: 'BL 12' },
      'me',
    );
    expect(listSlides(doc)[0]).toMatchObject({ id, kind: 'document', page: 3 });
    expect(code(() => updateSlide(doc, { id, patch: { page: 0 } }, 'me'))).toBe('slide.badFields');
  });
});

describe('build steps', () => {
  it('keeps back the nodes of later steps, each node from its first step', () => {
    const slide = { steps: [['a', 'b'], ['c'], ['b', 'd']] };
    expect(positionsOf(slide)).toBe(4);
    expect([...waitingAt(slide, 0)].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...waitingAt(slide, 1)].sort()).toEqual(['c', 'd']);
    expect([...waitingAt(slide, 2)].sort()).toEqual(['d']);
    expect([...waitingAt(slide, 3)]).toEqual([]);
    // Empty steps are skipped.
    expect(positionsOf({ steps: [[], ['a']] })).toBe(2);
  });

  it('walks steps, then slides, forward and back, and stops at both ends', () => {
    const { doc, boardId } = deck(['A']);
    const [a] = listSlides(doc);
    updateSlide(doc, { id: a!.id, patch: { steps: [['n1'], ['n2']] } }, 'me');
    addSlide(doc, { kind: 'title', title: 'B' }, 'me');
    addSlide(doc, { kind: 'frame', boardId, frame, title: 'C' }, 'me');
    const slides = listSlides(doc);
    const walk: string[] = [];
    let at = { index: 0, step: 0 };
    for (let i = 0; i < 6; i++) {
      walk.push(`${slides[at.index]!.title}${at.step}`);
      at = nextPosition(slides, at);
    }
    expect(walk).toEqual(['A0', 'A1', 'A2', 'B0', 'C0', 'C0']);
    const back: string[] = [];
    for (let i = 0; i < 6; i++) {
      back.push(`${slides[at.index]!.title}${at.step}`);
      at = previousPosition(slides, at);
    }
    expect(back).toEqual(['C0', 'B0', 'A2', 'A1', 'A0', 'A0']);
  });
});
