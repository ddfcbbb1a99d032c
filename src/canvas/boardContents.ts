import { createContext, useContext } from 'react';
import type { Edge, Node } from '@xyflow/react';

/**
 * The whole of a React Flow board, for tools that work on every node (arranging): a big board
 * hands React Flow only the nodes near the view (`useDrawnBoard.ts`), so `flow.getNodes()` is not
 * the board there.
 */
export interface BoardContentsValue {
  nodes(): readonly Node[];
  edges(): readonly Edge[];
  /** Fits the view to the whole board. */
  fit(padding?: number): void;
}

export const BoardContents = createContext<BoardContentsValue | null>(null);

/** The board's contents, or null outside a `BoardCanvas`. */
export function useBoardContents(): BoardContentsValue | null {
  return useContext(BoardContents);
}
