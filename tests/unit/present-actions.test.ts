import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBoard, addSlide, listSlides, updateSlide } from '../../src/core/index.ts';
import { deckOf } from '../../src/core/doc.ts';
import type { DeckPosition } from '../../src/core/commands/deck.ts';
import { runAction } from '../../src/ui/actions.ts';
import {
  deckActions,
  presentActions,
  presenterActions,
  presentKeyDown,
  runKey,
  type DeckContext,
  type PresentContext,
  type PresenterCommand,
} from '../../src/present/actions.ts';
import { presentTexts } from '../../src/present/locales.ts';

const frame = { x: 0, y: 0, w: 1600, h: 900 };

/** A deck of three slides; the first has two build steps (three positions). */
function threeSlides() {
  const doc = new Y.Doc();
  const boardId = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'me');
  const first = addSlide(doc, { kind: 'frame', boardId, frame, title: 'A' }, 'me');
  updateSlide(doc, { id: first, patch: { steps: [['n1'], ['n2']] } }, 'me');
  addSlide(doc, { kind: 'title', title: 'B' }, 'me');
  addSlide(doc, { kind: 'frame', boardId, frame, title: 'C' }, 'me');
  return { doc, boardId };
}

type Key = KeyboardEvent & { prevented: boolean };
function keyEvent(key: string, mods: { shift?: boolean; ctrl?: boolean } = {}): Key {
  const event = {
    key,
    shiftKey: mods.shift ?? false,
    ctrlKey: mods.ctrl ?? false,
    metaKey: false,
    altKey: false,
    isComposing: false,
    target: null,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
    stopPropagation() {},
  };
  return event as unknown as Key;
}

/** Present mode driven by keys, with the state a person would see. */
function presentMode(presenting = true) {
  const slides = listSlides(threeSlides().doc);
  const shown = {
    position: { index: 0, step: 0 } as DeckPosition,
    black: false,
    laser: false,
    zoomed: false,
    contrast: false,
    exited: false,
  };
  const typed = { current: '' };
  const press = (key: string, mods?: { shift?: boolean; ctrl?: boolean }) => {
    const event = keyEvent(key, mods);
    const context: Omit<PresentContext, 'typed' | 'typeDigit'> = {
      readOnly: false,
      transact: (fn) => fn(),
      presenting,
      slides,
      position: shown.position,
      zoomed: shown.zoomed,
      go: (to) => {
        shown.position = to;
      },
      toggleBlack: () => {
        shown.black = !shown.black;
      },
      toggleLaser: () => {
        shown.laser = !shown.laser;
      },
      holdLaser: () => {
        shown.laser = true;
      },
      toggleSpotlight: () => {},
      toggleZoom: () => {
        shown.zoomed = true;
      },
      cancelZoom: () => {
        shown.zoomed = false;
      },
      toggleContrast: () => {
        shown.contrast = !shown.contrast;
      },
      toggleLarge: () => {},
      exit: () => {
        shown.exited = true;
      },
    };
    presentKeyDown(event, context, typed);
    return event;
  };
  const at = () => `${shown.position.index}/${shown.position.step}`;
  return { shown, press, at };
}

describe('present mode keys', () => {
  it('walks build steps and slides forward and back, and jumps to both ends', () => {
    const { press, at } = presentMode();
    expect(press('ArrowRight').prevented).toBe(true);
    expect(at()).toBe('0/1');
    press(' ');
    press('PageDown');
    expect(at()).toBe('1/0');
    press('Backspace');
    expect(at()).toBe('0/2');
    press('End');
    expect(at()).toBe('2/0');
    press('Home');
    expect(at()).toBe('0/0');
  });

  it('goes to a typed slide number with Enter, and Enter alone goes on', () => {
    const { press, at } = presentMode();
    press('3');
    press('Enter');
    expect(at()).toBe('2/0');
    press('Home');
    press('Enter');
    expect(at()).toBe('0/1');
    // A slide that does not exist: Enter does nothing, and the number is forgotten.
    press('9');
    press('Enter');
    expect(at()).toBe('0/1');
    press('Enter');
    expect(at()).toBe('0/2');
    // Another key between the digits and Enter forgets the number; C (contrast) does not.
    press('2');
    press('p');
    press('Enter');
    expect(at()).toBe('1/0');
    press('3');
    press('c');
    press('Enter');
    expect(at()).toBe('2/0');
  });

  it('Escape leaves a zoom first, then the presentation', () => {
    const { shown, press } = presentMode();
    press('z');
    expect(shown.zoomed).toBe(true);
    expect(press('Escape').prevented).toBe(true);
    expect(shown).toMatchObject({ zoomed: false, exited: false });
    press('Escape');
    expect(shown.exited).toBe(true);
  });

  it('toggles the black screen with B, Shift+B and the full stop, but not Ctrl+B', () => {
    const { shown, press } = presentMode();
    press('b');
    expect(shown.black).toBe(true);
    press('B', { shift: true });
    expect(shown.black).toBe(false);
    press('.');
    expect(shown.black).toBe(true);
    expect(press('b', { ctrl: true }).prevented).toBe(false);
    expect(shown.black).toBe(true);
  });

  it('following, only the display keys and Escape work; the rest reach the browser', () => {
    const { shown, press, at } = presentMode(false);
    expect(press('ArrowRight').prevented).toBe(false);
    expect(press('b').prevented).toBe(false);
    expect(at()).toBe('0/0');
    expect(shown.black).toBe(false);
    press('c');
    expect(shown.contrast).toBe(true);
    press('Escape');
    expect(shown.exited).toBe(true);
  });
});

describe('presenter view keys', () => {
  it('sends next, back and black to the presenting window, and nothing for other keys', () => {
    const sent: PresenterCommand[] = [];
    const c = {
      readOnly: false,
      transact: (fn: () => void) => fn(),
      send: (cmd: PresenterCommand) => void sent.push(cmd),
    };
    for (const key of ['ArrowRight', ' ', 'PageUp', 'b', 'Enter', 'Backspace'])
      runKey(presenterActions, keyEvent(key), c);
    expect(sent).toEqual(['next', 'next', 'prev', 'black']);
  });
});

describe('deck actions', () => {
  function deckPanel(readOnly = false) {
    const { doc, boardId } = threeSlides();
    const undo = new Y.UndoManager([deckOf(doc)], {
      trackedOrigins: new Set(['me']),
      captureTimeout: 0,
    });
    let selected: string | null = null;
    const context = (): DeckContext => {
      const slides = listSlides(doc);
      const current = slides.find((s) => s.id === selected) ?? null;
      return {
        doc,
        origin: 'me',
        readOnly,
        transact: (fn) => doc.transact(fn, 'me'),
        slides,
        selected: current,
        selectedIndex: current ? slides.indexOf(current) : -1,
        board: { id: boardId, kind: 'mindmap', title: 'Sơ đồ' } as DeckContext['board'],
        viewRect: () => ({ x: 10, y: 20, w: 800, h: 450 }),
        canFrame: true,
        newTitle: 'Tiêu đề',
        select: (id) => {
          selected = id;
        },
        present: () => {},
        presenterView: () => {},
      };
    };
    const titles = () => listSlides(doc).map((s) => s.title);
    const select = (title: string) => {
      selected = listSlides(doc).find((s) => s.title === title)!.id;
    };
    return { doc, undo, context, titles, select, selectedTitle: () => context().selected?.title };
  }

  it('adds a frame and a title slide after the selected slide, selects each, one undo step each', () => {
    const deck = deckPanel();
    deck.select('A');
    expect(runAction(deckActions.addFrame, deck.context())).toBe(true);
    expect(deck.titles()).toEqual(['A', 'Sơ đồ', 'B', 'C']);
    expect(deck.context().selected).toMatchObject({ kind: 'frame', frame: { x: 10, w: 800 } });
    runAction(deckActions.addTitle, deck.context());
    expect(deck.titles()).toEqual(['A', 'Sơ đồ', 'Tiêu đề', 'B', 'C']);
    deck.undo.undo();
    expect(deck.titles()).toEqual(['A', 'Sơ đồ', 'B', 'C']);
    deck.undo.undo();
    expect(deck.titles()).toEqual(['A', 'B', 'C']);
  });

  it('duplicates and deletes the selected slide, and cannot without one', () => {
    const deck = deckPanel();
    expect(runAction(deckActions.duplicate, deck.context())).toBe(false);
    deck.select('B');
    runAction(deckActions.duplicate, deck.context());
    expect(deck.titles()).toEqual(['A', 'B', 'B', 'C']);
    runAction(deckActions.delete, deck.context());
    expect(deck.titles()).toEqual(['A', 'B', 'C']);
    expect(deck.selectedTitle()).toBeUndefined();
  });

  it('lets a viewer present but not change the deck', () => {
    const deck = deckPanel(true);
    deck.select('A');
    expect(runAction(deckActions.addTitle, deck.context())).toBe(false);
    expect(runAction(deckActions.delete, deck.context())).toBe(false);
    expect(deck.titles()).toEqual(['A', 'B', 'C']);
    expect(runAction(deckActions.present, deck.context())).toBe(true);
  });
});

describe('action labels', () => {
  it('name every action in Vietnamese and English', () => {
    const all = [...presentActions, ...presenterActions, ...Object.values(deckActions)];
    const lookup = (texts: object, path: string) =>
      path.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown>)?.[part], texts);
    for (const action of all) {
      const [namespace, path] = action.label.split(':');
      expect(namespace).toBe('present');
      for (const texts of [presentTexts.vi, presentTexts.en])
        expect(typeof lookup(texts, path!), action.label).toBe('string');
    }
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
  });
});
