import {
  createContext,
  createElement,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Rect } from '../core/commands/deck.ts';

/**
 * Boards on screen tell the deck what they show, so a frame can be taken from the current view and
 * build steps from the current selection; and a board shown on a slide is handed a `PresentFrame`.
 */

/** What a board shows on a slide: the frame's rectangle, and the nodes waiting for a later step. */
export interface PresentFrame {
  frame: Rect;
  waiting: ReadonlySet<string>;
  /** Waiting nodes dimmed rather than hidden. */
  dim: boolean;
  /** Move to the frame without animating (the first frame shown). */
  instant?: boolean;
}

export interface BoardView {
  boardId: string;
  /** The part of the board in view, in board coordinates. */
  viewRect(): Rect | null;
  /** The selected node ids. */
  selection(): string[];
}

export interface BoardViews {
  views: ReadonlyMap<string, BoardView>;
  register(view: BoardView): () => void;
}

/** The boards on screen in one open case: one registry per case session, never shared. */
export function createBoardViews(): StoreApi<BoardViews> {
  return createStore<BoardViews>((set, get) => ({
    views: new Map(),
    register(view) {
      // A second view of the same board (a version beside the current state) covers the first for
      // a while; when it goes, the first is back.
      const covered = get().views.get(view.boardId);
      set({ views: new Map(get().views).set(view.boardId, view) });
      return () => {
        if (get().views.get(view.boardId) !== view) return;
        const views = new Map(get().views);
        if (covered) views.set(view.boardId, covered);
        else views.delete(view.boardId);
        set({ views });
      };
    },
  }));
}

const BoardViewsContext = createContext<StoreApi<BoardViews> | null>(null);

/** Gives the boards and the deck inside it their own registry (around one open case). */
export function BoardViewsProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createBoardViews);
  return createElement(BoardViewsContext.Provider, { value: store }, children);
}

/** Outside a case (a hearing link, the presenter's window) no board registers: nothing on screen. */
const NONE: BoardViews = { views: new Map(), register: () => () => undefined };
const noChange = () => () => undefined;

/**
 * Reads the registry of the case around: `select` must return a value that stays the same while
 * the registry does (the map, one of its views).
 * @example const view = useBoardViews((s) => s.views.get(boardId));
 */
export function useBoardViews<T>(select: (state: BoardViews) => T): T {
  const store = useContext(BoardViewsContext);
  return useSyncExternalStore(store?.subscribe ?? noChange, () =>
    select(store ? store.getState() : NONE),
  );
}

/** The registry of the case around, for a board that registers its view itself; null outside. */
export function useBoardViewsRegistry(): StoreApi<BoardViews> | null {
  return useContext(BoardViewsContext);
}

/**
 * For a React Flow board: registers its view while editing, and while presenting moves the camera
 * to the frame, animated between frames of the same board.
 */
export function useFlowFrame(
  boardId: string,
  selection: () => string[],
  present?: PresentFrame | null,
): void {
  const flow = useReactFlow();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const shown = useRef(false);
  const registry = useContext(BoardViewsContext);
  useEffect(() => {
    if (present || !registry) return;
    return registry.getState().register({
      boardId,
      selection: () => selectionRef.current(),
      viewRect: () => {
        const { width: w, height: h, transform } = flowState.current();
        if (!w || !h) return null;
        const [x, y, zoom] = transform;
        return { x: -x / zoom, y: -y / zoom, w: w / zoom, h: h / zoom };
      },
    });
  }, [boardId, present, registry]);
  const flowState = useRef(() => ({
    width: 0,
    height: 0,
    transform: [0, 0, 1] as [number, number, number],
  }));
  flowState.current = () => {
    const { x, y, zoom } = flow.getViewport();
    return { width, height, transform: [x, y, zoom] };
  };
  const frame = present?.frame;
  const instant = present?.instant;
  useEffect(() => {
    if (!frame || !width || !height) return;
    const animate = shown.current && !instant;
    shown.current = true;
    void flow.fitBounds(
      { x: frame.x, y: frame.y, width: frame.w, height: frame.h },
      { padding: 0, duration: animate ? 700 : 0 },
    );
  }, [flow, frame, instant, width, height]);
}
