import { Scale } from 'lucide-react';
import { lazyGraphBoard } from '../graph/lazy.ts';
import { flowNodeTarget, type BoardDescriptor } from '../types.ts';

const EvidenceBoard = lazyGraphBoard('evidence');

/** An evidence chart: facts to prove, the evidence for them, typed links, proof analysis. */
export const evidenceBoard: BoardDescriptor = {
  kind: 'evidence',
  name: 'board.kinds.evidence',
  icon: Scale,
  editor: EvidenceBoard,
  slideView: EvidenceBoard,
  render: () => import('../graph/render.ts').then((m) => m.renderGraph),
  canFrame: true,
  canExport: true,
  diffMarks: { target: flowNodeTarget, look: 'outline' },
  positionKeys: ['x', 'y', 'w', 'h'],
  // Evidence and relationship charts are both nodes and links, edited by the same commands.
  fuzz: () => import('../graph/fuzz.ts').then((m) => m.graphFuzz),
};
