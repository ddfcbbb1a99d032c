/**
 * Where a presentation goes next, besides the step-by-step moves of core (`nextPosition`,
 * `previousPosition`): the first and last positions, a slide number typed on the keyboard, and
 * what the presenter view previews. Framework-free.
 */
import { positionsOf, type DeckPosition, type Slide } from '../core/commands/deck.ts';

/** The first position of the deck. */
export const firstPosition: DeckPosition = { index: 0, step: 0 };

/** The last build step of the last slide, or null for an empty deck. */
export function lastPosition(slides: readonly Slide[]): DeckPosition | null {
  const last = slides[slides.length - 1];
  return last ? { index: slides.length - 1, step: positionsOf(last) - 1 } : null;
}

/** The slide a typed number ("3", 1-based) names, or null when there is no such slide. */
export function typedPosition(typed: string, slides: readonly Slide[]): DeckPosition | null {
  if (!/^[0-9]+$/.test(typed)) return null;
  const index = Number(typed) - 1;
  return slides[index] ? { index, step: 0 } : null;
}

/** What the audience sees after this position: the next build step, the next slide, or nothing. */
export function upcoming(
  slides: readonly Slide[],
  at: DeckPosition,
): { slide: Slide; step: number } | null {
  const slide = slides[at.index];
  if (!slide) return null;
  if (at.step + 1 < positionsOf(slide)) return { slide, step: at.step + 1 };
  const after = slides[at.index + 1];
  return after ? { slide: after, step: 0 } : null;
}

/** Where a new slide goes: after the selected one, or at the end when none is selected. */
export function insertionIndex(selectedIndex: number): number | undefined {
  return selectedIndex >= 0 ? selectedIndex + 1 : undefined;
}
