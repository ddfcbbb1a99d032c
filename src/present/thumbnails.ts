/**
 * The thumbnail pipeline's bookkeeping, free of React: which slides need a new picture, and how
 * often the boards they show have changed. A slide is drawn again when it or its board changes,
 * after a quiet moment, so typing on a board does not redraw its slides at every key.
 */
import type * as Y from 'yjs';
import type { Slide } from '../core/commands/deck.ts';
import { boardsOf, filesOf, registerOf } from '../core/doc.ts';

/** Changes counted per board id; `SHARED` counts the register and files, which any slide may show. */
export type ChangeCounts = Readonly<Record<string, number>>;
export const SHARED = '*';

/** How long the document must be quiet before changed slides are drawn again. */
export const QUIET_MS = 1500;

/** What a slide's picture depends on: the slide itself, its board and the shared records. */
export function thumbnailSignature(slide: Slide, counts: ChangeCounts): string {
  return `${JSON.stringify(slide)}|${counts[slide.boardId ?? ''] ?? 0}|${counts[SHARED] ?? 0}`;
}

/** The slides, in deck order, whose picture is missing or was drawn from something older. */
export function staleSlides(
  slides: readonly Slide[],
  counts: ChangeCounts,
  drawn: ReadonlyMap<string, string>,
): string[] {
  return slides
    .filter((slide) => drawn.get(slide.id) !== thumbnailSignature(slide, counts))
    .map((slide) => slide.id);
}

/**
 * Counts changes to each board (and to the register and files) and reports the counts once the
 * document has been quiet for `quietMs`. Returns the function that stops watching.
 *
 * @example
 * const stop = watchBoardChanges(doc, (counts) => setCounts(counts));
 */
export function watchBoardChanges(
  doc: Y.Doc,
  onSettled: (counts: ChangeCounts) => void,
  quietMs = QUIET_MS,
): () => void {
  const counts: Record<string, number> = {};
  let timer: ReturnType<typeof setTimeout> | null = null;
  const bump = (key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => onSettled({ ...counts }), quietMs);
  };
  const onBoards = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    for (const event of events) bump(String(event.path[0] ?? ''));
  };
  const onShared = () => bump(SHARED);
  boardsOf(doc).observeDeep(onBoards);
  registerOf(doc).observeDeep(onShared);
  filesOf(doc).observeDeep(onShared);
  return () => {
    if (timer) clearTimeout(timer);
    boardsOf(doc).unobserveDeep(onBoards);
    registerOf(doc).unobserveDeep(onShared);
    filesOf(doc).unobserveDeep(onShared);
  };
}
