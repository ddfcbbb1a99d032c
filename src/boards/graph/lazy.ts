import i18n from 'i18next';
import { createElement, lazy } from 'react';
import type { GraphMode } from './mode.ts';
import type { BoardEditorProps, LazyBoard } from '../types.ts';

/** The charts' texts (namespace `graph`, the timeline's too), with the first chart drawn. */
export function loadGraphTexts(): Promise<void> {
  return import('./locales.ts').then((m) => m.installGraphTexts(i18n));
}

/** The shared chart editor in one mode, loaded when first drawn. */
export function lazyGraphBoard(mode: GraphMode): LazyBoard {
  return lazy(() =>
    Promise.all([import('./GraphBoard.tsx'), loadGraphTexts()]).then(([m]) => ({
      default: (props: BoardEditorProps) => createElement(m.GraphBoard, { ...props, mode }),
    })),
  );
}
