import { Share2 } from 'lucide-react';
import { lazyGraphBoard } from '../graph/lazy.ts';
import { flowNodeTarget, type BoardDescriptor } from '../types.ts';

const RelationshipBoard = lazyGraphBoard('relationship');

/** A relationship chart: people, phones, vehicles, accounts and places with typed links. */
export const relationshipBoard: BoardDescriptor = {
  kind: 'relationship',
  name: 'board.kinds.relationship',
  icon: Share2,
  editor: RelationshipBoard,
  slideView: RelationshipBoard,
  render: () => import('../graph/render.ts').then((m) => m.renderGraph),
  canFrame: true,
  canExport: true,
  diffMarks: { target: flowNodeTarget, look: 'outline' },
  positionKeys: ['x', 'y', 'w', 'h'],
  // Evidence and relationship charts are both nodes and links, edited by the same commands.
  fuzz: () => import('../graph/fuzz.ts').then((m) => m.graphFuzz),
};
