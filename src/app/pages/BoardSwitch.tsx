import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardSummary } from '../../core/doc.ts';
import { BoardCanvas } from '../../canvas/BoardCanvas.tsx';
import { MindMapBoard } from '../../boards/mindmap/MindMapBoard.tsx';
import { SceneBoard } from '../../boards/scene/SceneBoard.tsx';
import { GraphBoard } from '../../boards/graph/GraphBoard.tsx';
import { TimelineBoard } from '../../boards/graph/TimelineBoard.tsx';

export interface BoardSwitchProps {
  caseId: string;
  doc: Y.Doc;
  board: BoardSummary | null;
  origin: unknown;
  readOnly: boolean;
  awareness: Awareness | null;
  focusNodeId?: string | null;
}

/** The editor of a board, by its kind: the case page's board, and a version's in the history. */
export function BoardSwitch({
  caseId,
  doc,
  board,
  origin,
  readOnly,
  awareness,
  focusNodeId = null,
}: BoardSwitchProps) {
  const { t } = useTranslation();
  if (!board) return <p className="muted board-empty">{t('board.none')}</p>;
  const common = { caseId, doc, boardId: board.id, origin, readOnly };
  switch (board.kind) {
    case 'mindmap':
      return (
        <MindMapBoard key={board.id} {...common} awareness={awareness} focusNodeId={focusNodeId} />
      );
    case 'scene':
      return <SceneBoard key={board.id} {...common} awareness={awareness} />;
    case 'evidence':
    case 'relationship':
      return <GraphBoard key={board.id} {...common} mode={board.kind} focusNodeId={focusNodeId} />;
    case 'timeline':
      return <TimelineBoard key={board.id} doc={doc} origin={origin} readOnly={readOnly} />;
    default:
      // A kind this version does not know (from a newer one): the shared canvas shows it.
      return <BoardCanvas key={board.id} {...common} focusNodeId={focusNodeId} />;
  }
}
