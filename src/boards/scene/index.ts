import i18n from 'i18next';
import { createElement, lazy } from 'react';
import { MapPinned } from 'lucide-react';
import { ElementFrameSlide } from '../../canvas/elementFrame.tsx';
import type { BoardDescriptor, BoardEditorProps } from '../types.ts';

const SceneBoard = lazy(() =>
  Promise.all([
    import('./SceneBoard.tsx'),
    import('./locales.ts').then((m) => m.installSceneTexts(i18n)),
  ]).then(([m]) => ({ default: m.SceneBoard })),
);

const FRAME_ROOT = '.scene-svg > g';

/** The board on a slide: read-only, the frame filling the slide. */
function SceneBoardSlide(props: BoardEditorProps) {
  return createElement(ElementFrameSlide<BoardEditorProps>, {
    root: FRAME_ROOT,
    Editor: SceneBoard,
    props,
  });
}

/** A scene diagram: a to-scale plan with symbols, measurements and evidence markers. */
export const sceneBoard: BoardDescriptor = {
  kind: 'scene',
  name: 'board.kinds.scene',
  icon: MapPinned,
  editor: SceneBoard,
  slideView: SceneBoardSlide,
  render: () => import('./render.ts').then((m) => m.renderScene),
  canFrame: true,
  frameRoot: FRAME_ROOT,
  canExport: true,
  diffMarks: { target: (id) => `.scene [data-id="${CSS.escape(id)}"]`, look: 'glow' },
  positionKeys: ['x', 'y', 'w', 'h', 'rotation', 'points'],
  fuzz: () => import('./fuzz.ts').then((m) => m.sceneFuzz),
  symbolNames: () =>
    import('./symbols.ts').then((m) => (id: string, language: string) => {
      const symbol = m.symbolById(id);
      return symbol && (language.startsWith('en') ? symbol.en : symbol.vi);
    }),
};
