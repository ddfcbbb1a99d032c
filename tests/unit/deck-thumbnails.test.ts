import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  addEntity,
  addSlide,
  addTopic,
  listSlides,
  updateSlide,
} from '../../src/core/index.ts';
import type { Slide } from '../../src/core/commands/deck.ts';
import {
  SHARED,
  staleSlides,
  thumbnailSignature,
  watchBoardChanges,
  type ChangeCounts,
} from '../../src/present/thumbnails.ts';
import {
  insertionIndex,
  lastPosition,
  typedPosition,
  upcoming,
} from '../../src/present/navigation.ts';
import { fractionIn, isZoomable, regionOf, zoomTransform } from '../../src/present/stage.ts';

const frame = { x: 0, y: 0, w: 1600, h: 900 };

function twoBoards() {
  const doc = new Y.Doc();
  const map = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'me');
  const other = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ 2' }, 'me');
  addSlide(doc, { kind: 'frame', boardId: map, frame, title: 'A' }, 'me');
  addSlide(doc, { kind: 'frame', boardId: other, frame, title: 'B' }, 'me');
  addSlide(doc, { kind: 'title', title: 'C' }, 'me');
  return { doc, map, other };
}
const titlesOf = (slides: readonly Slide[], ids: string[]) =>
  ids.map((id) => slides.find((s) => s.id === id)!.title);

/** Marks every slide drawn as it is now. */
function drawAll(slides: readonly Slide[], counts: ChangeCounts) {
  return new Map(slides.map((s) => [s.id, thumbnailSignature(s, counts)]));
}

describe('thumbnail pipeline', () => {
  it('draws every slide once, then only the slides whose board, content or shared records changed', () => {
    const { doc, map } = twoBoards();
    let slides = listSlides(doc);
    expect(titlesOf(slides, staleSlides(slides, {}, new Map()))).toEqual(['A', 'B', 'C']);
    const drawn = drawAll(slides, {});
    expect(staleSlides(slides, {}, drawn)).toEqual([]);
    // A change on the first board redraws only its frame.
    expect(titlesOf(slides, staleSlides(slides, { [map]: 1 }, drawn))).toEqual(['A']);
    // The register and the files may appear on any slide.
    expect(titlesOf(slides, staleSlides(slides, { [SHARED]: 1 }, drawn))).toEqual(['A', 'B', 'C']);
    // A slide's own change (its title) redraws it.
    updateSlide(doc, { id: slides[2]!.id, patch: { title: 'C2' } }, 'me');
    slides = listSlides(doc);
    expect(titlesOf(slides, staleSlides(slides, {}, drawn))).toEqual(['C2']);
  });

  describe('watching the boards', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('reports the changes per board once the document is quiet, and stops when asked', () => {
      const { doc, map, other } = twoBoards();
      const reports: ChangeCounts[] = [];
      const stop = watchBoardChanges(doc, (counts) => reports.push(counts), 1500);
      addTopic(doc, { boardId: map, parent: null, label: 'Một' }, 'me');
      vi.advanceTimersByTime(1000);
      addTopic(doc, { boardId: map, parent: null, label: 'Hai' }, 'me');
      vi.advanceTimersByTime(1000);
      expect(reports).toEqual([]); // still typing
      vi.advanceTimersByTime(600);
      expect(reports).toHaveLength(1);
      expect(reports[0]![map]).toBeGreaterThan(0);
      expect(reports[0]![other]).toBeUndefined();
      addEntity(doc, { kind: 'person', fields: { name: 'Nguyễn Văn Ấn' } }, 'me');
      vi.advanceTimersByTime(1500);
      expect(reports[1]![SHARED]).toBeGreaterThan(0);
      stop();
      addTopic(doc, { boardId: other, parent: null, label: 'Ba' }, 'me');
      vi.advanceTimersByTime(5000);
      expect(reports).toHaveLength(2);
    });
  });
});

describe('deck navigation', () => {
  const slides = () => {
    const { doc } = twoBoards();
    const [a] = listSlides(doc);
    updateSlide(doc, { id: a!.id, patch: { steps: [['n1']] } }, 'me');
    updateSlide(doc, { id: listSlides(doc)[2]!.id, patch: { title: 'C' } }, 'me');
    return listSlides(doc);
  };

  it('previews the next build step, then the next slide, and nothing after the last', () => {
    const deck = slides();
    expect(upcoming(deck, { index: 0, step: 0 })).toMatchObject({ slide: { title: 'A' }, step: 1 });
    expect(upcoming(deck, { index: 0, step: 1 })).toMatchObject({ slide: { title: 'B' }, step: 0 });
    expect(upcoming(deck, { index: 2, step: 0 })).toBeNull();
  });

  it('finds the last position, a typed slide number, and where a new slide goes', () => {
    const deck = slides();
    expect(lastPosition(deck)).toEqual({ index: 2, step: 0 });
    expect(lastPosition([])).toBeNull();
    expect(typedPosition('2', deck)).toEqual({ index: 1, step: 0 });
    expect(typedPosition('0', deck)).toBeNull();
    expect(typedPosition('4', deck)).toBeNull();
    expect(insertionIndex(-1)).toBeUndefined();
    expect(insertionIndex(0)).toBe(1);
  });
});

describe('stage geometry', () => {
  it('keeps pointer fractions inside the stage and zooms only to a dragged region', () => {
    const box = { left: 100, top: 50, width: 800, height: 400 };
    expect(fractionIn(box, 500, 250)).toEqual({ x: 0.5, y: 0.5 });
    expect(fractionIn(box, 0, 900)).toEqual({ x: 0, y: 1 });
    const region = regionOf({ x: 0.75, y: 0.5 }, { x: 0.25, y: 0.25 });
    expect(region).toEqual({ x: 0.25, y: 0.25, w: 0.5, h: 0.25 });
    expect(isZoomable(region)).toBe(true);
    expect(isZoomable(regionOf({ x: 0.5, y: 0.5 }, { x: 0.51, y: 0.6 }))).toBe(false);
    // The region's longer side (relative to the stage) fills the stage.
    expect(zoomTransform(region)).toBe('scale(2) translate(-25%, -25%)');
  });
});
