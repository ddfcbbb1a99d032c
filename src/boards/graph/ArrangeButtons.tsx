import { LayoutGrid, Network } from 'lucide-react';
import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { CanvasNode } from '../../canvas/projection.ts';
import { moveNodes } from '../../core/commands/nodes.ts';
import { recordAt, registerOf } from '../../core/doc.ts';
import type { EntityKind } from '../../core/register.ts';
import { forceLayout, layeredLayout, type LayoutBox } from './layout.ts';
import type { GraphMode } from './mode.ts';
import { useBoardContents } from '../../canvas/boardContents.ts';

/** Layered columns of an evidence chart: evidence on the left, facts on the right. */
const COLUMN: Partial<Record<EntityKind, number>> = { evidence: 0, person: 0, place: 0, event: 1 };

/** Automatic layouts, written as one move so everyone sees them and can then place by hand. */
export function ArrangeButtons({
  doc,
  boardId,
  origin,
  mode,
}: {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  mode: GraphMode;
}) {
  const { t } = useTranslation('graph');
  const flow = useReactFlow();
  const board = useBoardContents();
  const arrange = (how: 'layered' | 'force') => {
    const register = registerOf(doc);
    // Every node of the board: a big board's React Flow has only those near the view.
    const boxes: LayoutBox[] = (board?.nodes() ?? flow.getNodes()).map((node) => {
      const data = node.data as CanvasNode['data'];
      const kind = data.entity
        ? (recordAt(register, data.entity)?.get('kind') as EntityKind)
        : undefined;
      return {
        id: node.id,
        w: node.measured?.width ?? 180,
        h: node.measured?.height ?? 40,
        x: node.position.x,
        y: node.position.y,
        ...(mode === 'evidence' ? { column: kind ? (COLUMN[kind] ?? 2) : 1 } : {}),
      };
    });
    const links = (board?.edges() ?? flow.getEdges()).map((e) => ({
      source: e.source,
      target: e.target,
    }));
    const positions = how === 'layered' ? layeredLayout(boxes, links) : forceLayout(boxes, links);
    moveNodes(doc, { boardId, moves: [...positions].map(([id, p]) => ({ id, ...p })) }, origin);
    requestAnimationFrame(() =>
      board ? board.fit(0.15) : void flow.fitView({ duration: 300, padding: 0.15 }),
    );
  };
  return (
    <>
      <button type="button" onClick={() => arrange('layered')} data-testid="arrange-layered">
        <LayoutGrid size={16} /> {t('toolbar.layered')}
      </button>
      {mode === 'relationship' && (
        <button type="button" onClick={() => arrange('force')} data-testid="arrange-force">
          <Network size={16} /> {t('toolbar.force')}
        </button>
      )}
    </>
  );
}
