import { lazy } from 'react';
import { Network } from 'lucide-react';
import { flowNodeTarget, type BoardDescriptor } from '../types.ts';

const MindMapBoard = lazy(() =>
  import('./MindMapBoard.tsx').then((m) => ({ default: m.MindMapBoard })),
);

/** The case mind map: topics under topics, laid out automatically. */
export const mindmapBoard: BoardDescriptor = {
  kind: 'mindmap',
  name: 'board.kinds.mindmap',
  icon: Network,
  editor: MindMapBoard,
  slideView: MindMapBoard,
  render: () => import('./render.ts').then((m) => m.renderMindMap),
  canFrame: true,
  canExport: true,
  diffMarks: { target: flowNodeTarget, look: 'outline' },
  positionKeys: ['parent', 'order', 'x', 'y', 'w', 'h'],
  fuzz: () => import('./fuzz.ts').then((m) => m.mindMapFuzz),
};
