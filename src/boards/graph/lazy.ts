import { createElement, lazy } from 'react';
import type { GraphMode } from './mode.ts';
import type { BoardEditorProps, LazyBoard } from '../types.ts';

/** The shared chart editor in one mode, loaded when first drawn. */
export function lazyGraphBoard(mode: GraphMode): LazyBoard {
  return lazy(() =>
    import('./GraphBoard.tsx').then((m) => ({
      default: (props: BoardEditorProps) => createElement(m.GraphBoard, { ...props, mode }),
    })),
  );
}
