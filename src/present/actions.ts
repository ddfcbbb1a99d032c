/**
 * The deck's and present mode's actions, one definition each (see `ui/actions.ts`): the buttons of
 * the deck panel, the keys of present mode and of the presenter view, and the commands the
 * presenter view sends over its channel all run these.
 */
import type * as Y from 'yjs';
import {
  addSlide,
  deleteSlide,
  duplicateSlide,
  nextPosition,
  previousPosition,
  type DeckPosition,
  type Rect,
  type Slide,
} from '../core/commands/deck.ts';
import type { BoardSummary } from '../core/doc.ts';
import {
  actionForKey,
  canRun,
  handleActionKey,
  runAction,
  type Action,
  type ActionContext,
  type ActionTable,
} from '../ui/actions.ts';
import { firstPosition, insertionIndex, lastPosition, typedPosition } from './navigation.ts';

/** What present mode offers its actions: where the deck is and what the presenter has on. */
export interface PresentContext extends ActionContext {
  /** Driving the deck; following someone else, only the display actions run. */
  presenting: boolean;
  slides: readonly Slide[];
  position: DeckPosition;
  /** Digits typed so far, for "3 Enter" to go to slide 3. */
  typed: string;
  /** A zoom is shown, being drawn or armed. */
  zoomed: boolean;
  go(to: DeckPosition): void;
  typeDigit(digit: string): void;
  toggleBlack(): void;
  toggleLaser(): void;
  holdLaser(): void;
  toggleSpotlight(): void;
  toggleZoom(): void;
  cancelZoom(): void;
  toggleContrast(): void;
  toggleLarge(): void;
  exit(): void;
}

/** A display action of present mode: never writes the document, and runs for viewers too. */
function show(action: Omit<Action<PresentContext>, 'viewer' | 'noTransaction'>) {
  return { ...action, viewer: true, noTransaction: true } satisfies Action<PresentContext>;
}
const presenting = (c: PresentContext) => c.presenting;
/** A letter key, with or without Shift (or Caps Lock), as present mode always took it. */
const letter = (key: string) => [key, `Shift+${key.toUpperCase()}`];

const digits = Array.from({ length: 10 }, (_, d) =>
  show({
    id: `present.digit${d}`,
    label: 'present:actions.digit',
    keys: [String(d)],
    group: 'goto',
    enabled: presenting,
    perform: (c) => c.typeDigit(String(d)),
  }),
);

/** Present mode, in the order keys are matched: the first enabled action with the key runs. */
export const presentActions: ActionTable<PresentContext> = [
  show({
    id: 'present.cancelZoom',
    label: 'present:actions.cancelZoom',
    keys: ['Escape'],
    group: 'view',
    enabled: (c) => c.zoomed,
    perform: (c) => c.cancelZoom(),
  }),
  show({
    id: 'present.exit',
    label: 'present:actions.exit',
    keys: ['Escape'],
    group: 'view',
    perform: (c) => c.exit(),
  }),
  show({
    id: 'present.contrast',
    label: 'present:contrast',
    keys: letter('c'),
    group: 'display',
    perform: (c) => c.toggleContrast(),
  }),
  show({
    id: 'present.large',
    label: 'present:large',
    keys: letter('t'),
    group: 'display',
    perform: (c) => c.toggleLarge(),
  }),
  ...digits,
  show({
    id: 'present.goto',
    label: 'present:actions.goto',
    keys: ['Enter'],
    group: 'goto',
    enabled: (c) => c.presenting && c.typed !== '',
    perform: (c) => {
      const to = typedPosition(c.typed, c.slides);
      if (to) c.go(to);
    },
  }),
  show({
    id: 'present.next',
    label: 'present:actions.next',
    keys: ['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'Enter'],
    group: 'goto',
    enabled: presenting,
    perform: (c) => c.go(nextPosition(c.slides, c.position)),
  }),
  show({
    id: 'present.previous',
    label: 'present:actions.previous',
    keys: ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'],
    group: 'goto',
    enabled: presenting,
    perform: (c) => c.go(previousPosition(c.slides, c.position)),
  }),
  show({
    id: 'present.first',
    label: 'present:actions.first',
    keys: ['Home'],
    group: 'goto',
    enabled: presenting,
    perform: (c) => c.go(firstPosition),
  }),
  show({
    id: 'present.last',
    label: 'present:actions.last',
    keys: ['End'],
    group: 'goto',
    enabled: (c) => c.presenting && c.slides.length > 0,
    perform: (c) => {
      const to = lastPosition(c.slides);
      if (to) c.go(to);
    },
  }),
  show({
    id: 'present.black',
    label: 'present:actions.black',
    keys: [...letter('b'), '.'],
    group: 'show',
    enabled: presenting,
    perform: (c) => c.toggleBlack(),
  }),
  show({
    id: 'present.laser',
    label: 'present:actions.laser',
    keys: letter('p'),
    group: 'show',
    enabled: presenting,
    perform: (c) => c.toggleLaser(),
  }),
  show({
    id: 'present.holdLaser',
    label: 'present:actions.holdLaser',
    keys: letter('l'),
    group: 'show',
    enabled: presenting,
    perform: (c) => c.holdLaser(),
  }),
  show({
    id: 'present.spotlight',
    label: 'present:actions.spotlight',
    keys: letter('s'),
    group: 'show',
    enabled: presenting,
    perform: (c) => c.toggleSpotlight(),
  }),
  show({
    id: 'present.zoom',
    label: 'present:actions.zoom',
    keys: letter('z'),
    group: 'show',
    enabled: presenting,
    perform: (c) => c.toggleZoom(),
  }),
];

/** The keys of the presenter view: it drives the presenting window, which runs the actions. */
export type PresenterCommand = 'next' | 'prev' | 'black' | 'exit' | 'start' | 'goto';
export interface PresenterContext extends ActionContext {
  send(command: PresenterCommand): void;
}
const presenterCommand = (
  id: string,
  label: string,
  keys: string[],
  command: PresenterCommand,
): Action<PresenterContext> => ({
  id,
  label,
  keys,
  group: 'goto',
  viewer: true,
  noTransaction: true,
  perform: (c) => c.send(command),
});
export const presenterActions: ActionTable<PresenterContext> = [
  presenterCommand(
    'presenter.next',
    'present:actions.next',
    ['ArrowRight', 'ArrowDown', ' ', 'PageDown'],
    'next',
  ),
  presenterCommand(
    'presenter.previous',
    'present:actions.previous',
    ['ArrowLeft', 'ArrowUp', 'PageUp'],
    'prev',
  ),
  presenterCommand('presenter.black', 'present:actions.black', letter('b'), 'black'),
];

/** What the deck panel offers its actions. */
export interface DeckContext extends ActionContext {
  doc: Y.Doc;
  origin: unknown;
  slides: readonly Slide[];
  selected: Slide | null;
  selectedIndex: number;
  /** The board in view and the part of it on screen, for a new frame. */
  board: BoardSummary | null;
  viewRect(): Rect | null;
  canFrame: boolean;
  newTitle: string;
  select(id: string | null): void;
  present(index: number): void;
  presenterView(): void;
}

export const deckActions = {
  present: {
    id: 'deck.present',
    label: 'present:present',
    group: 'present',
    viewer: true,
    noTransaction: true,
    enabled: (c) => c.slides.length > 0,
    perform: (c) => c.present(Math.max(0, c.selectedIndex)),
  },
  presenterView: {
    id: 'deck.presenterView',
    label: 'present:presenterView',
    group: 'present',
    viewer: true,
    noTransaction: true,
    enabled: (c) => c.slides.length > 0,
    perform: (c) => c.presenterView(),
  },
  addFrame: {
    id: 'deck.addFrame',
    label: 'present:addFrame',
    group: 'edit',
    enabled: (c) => c.canFrame,
    perform: (c) => {
      const frame = c.viewRect();
      if (!c.board || !frame) return false;
      const { id, title } = c.board;
      const index = insertionIndex(c.selectedIndex);
      c.select(addSlide(c.doc, { kind: 'frame', boardId: id, frame, title, index }, c.origin));
    },
  },
  addTitle: {
    id: 'deck.addTitle',
    label: 'present:addTitle',
    group: 'edit',
    perform: (c) => {
      const index = insertionIndex(c.selectedIndex);
      c.select(addSlide(c.doc, { kind: 'title', title: c.newTitle, text: '', index }, c.origin));
    },
  },
  duplicate: {
    id: 'deck.duplicate',
    label: 'present:duplicate',
    group: 'edit',
    enabled: (c) => c.selected !== null,
    perform: (c) => {
      if (!c.selected) return false;
      c.select(duplicateSlide(c.doc, { id: c.selected.id }, c.origin));
    },
  },
  delete: {
    id: 'deck.delete',
    label: 'present:delete',
    group: 'edit',
    enabled: (c) => c.selected !== null,
    perform: (c) => {
      if (!c.selected) return false;
      deleteSlide(c.doc, { id: c.selected.id }, c.origin);
      c.select(null);
    },
  },
} satisfies Record<string, Action<DeckContext>>;

/** The deck's actions as a table, for the command palette while the deck panel is open. */
export const DECK_ACTIONS: ActionTable<DeckContext> = Object.values(deckActions);

/**
 * Runs the action a key asks for, among those that can run now, so that a key shared by two
 * actions (Escape: leave the zoom, else exit; Enter: the typed slide, else next) goes to the right
 * one. Returns the action that ran, or null.
 */
export function runKey<C extends ActionContext>(
  table: ActionTable<C>,
  event: KeyboardEvent,
  c: C,
): Action<C> | null {
  const runnable = table.filter((action) => canRun(action, c));
  const action = actionForKey(runnable, event);
  return action && handleActionKey(runnable, event, c) ? action : null;
}

/** Runs the action of a table with this id; says whether it did something. */
export function runById<C extends ActionContext>(table: ActionTable<C>, id: string, c: C): boolean {
  const action = table.find((a) => a.id === id);
  return action ? runAction(action, c) : false;
}

/** Present mode's actions that leave a slide number being typed alone; any other key clears it. */
const KEEP_TYPED = new Set([
  'present.cancelZoom',
  'present.exit',
  'present.contrast',
  'present.large',
]);

/**
 * Present mode's key handler: runs the action the key asks for, and keeps the slide number typed
 * so far in `typed` ("3" then Enter goes to slide 3). Returns whether the key was handled.
 */
export function presentKeyDown(
  event: KeyboardEvent,
  c: Omit<PresentContext, 'typed' | 'typeDigit'>,
  typed: { current: string },
): boolean {
  const ran = runKey(presentActions, event, {
    ...c,
    typed: typed.current,
    typeDigit: (digit) => {
      typed.current += digit;
    },
  });
  const keeps = ran && (ran.id.startsWith('present.digit') || KEEP_TYPED.has(ran.id));
  if (c.presenting && !keeps) typed.current = '';
  return ran !== null;
}
