import { lazy } from 'react';
import { MapPinned } from 'lucide-react';
import type { BoardDescriptor } from '../types.ts';

const SceneBoard = lazy(() => import('./SceneBoard.tsx').then((m) => ({ default: m.SceneBoard })));

/** A scene diagram: a to-scale plan with symbols, measurements and evidence markers. */
export const sceneBoard: BoardDescriptor = {
  kind: 'scene',
  name: 'board.kinds.scene',
  icon: MapPinned,
  editor: SceneBoard,
  slideView: null,
  renderer: { kind: 'element', root: '[data-testid="scene-canvas"]' },
  canFrame: false,
  canExport: true,
  diffMarks: { target: (id) => `.scene [data-id="${CSS.escape(id)}"]`, look: 'glow' },
  positionKeys: ['x', 'y', 'w', 'h', 'rotation', 'points'],
};
