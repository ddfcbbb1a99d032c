import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardSummary } from '../core/doc.ts';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { boardDescriptor } from './registry.ts';

export interface BoardSwitchProps {
  caseId: string;
  doc: Y.Doc;
  board: BoardSummary | null;
  origin: unknown;
  readOnly: boolean;
  awareness: Awareness | null;
  focusNodeId?: string | null;
}

/** The editor of a board, by its kind (from the registry): the case page's board, a version's. */
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
  const common = { caseId, doc, boardId: board.id, origin, readOnly, focusNodeId };
  const Editor = boardDescriptor(board.kind)?.editor;
  // A kind this version does not know (from a newer one): the shared canvas shows it.
  if (!Editor) return <BoardCanvas key={board.id} {...common} />;
  return (
    <Suspense fallback={<BoardLoading />}>
      <Editor key={board.id} {...common} awareness={awareness} />
    </Suspense>
  );
}

/** Shown while a board kind's code is being fetched (the first time a kind is opened). */
export function BoardLoading() {
  const { t } = useTranslation();
  return (
    <p className="muted board-empty" role="status" data-testid="board-loading">
      {t('board.loading')}
    </p>
  );
}
