import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardSummary } from '../core/doc.ts';
import { PictureSlot } from '../canvas/exportSlot.tsx';
import { ElementFrameView } from '../canvas/elementFrame.tsx';
import { boardDescriptor } from './registry.ts';

/** The shared canvas, for a kind this version does not know: loaded only then. */
const BoardCanvas = lazy(() =>
  import('../canvas/BoardCanvas.tsx').then((m) => ({ default: m.BoardCanvas })),
);

export interface BoardSwitchProps {
  caseId: string;
  doc: Y.Doc;
  board: BoardSummary | null;
  origin: unknown;
  readOnly: boolean;
  awareness: Awareness | null;
  focusNodeId?: string | null;
  /** The case page's board: a kind drawn without React Flow gets the picture export menu. */
  tools?: boolean;
  /** False: no toolbar, the board fitted to its pane (the version view). */
  chrome?: boolean;
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
  tools = false,
  chrome = true,
}: BoardSwitchProps) {
  const { t } = useTranslation();
  if (!board) return <p className="muted board-empty">{t('board.none')}</p>;
  const common = { caseId, doc, boardId: board.id, origin, readOnly, focusNodeId, chrome };
  const descriptor = boardDescriptor(board.kind);
  // A kind this version does not know (from a newer one): the shared canvas shows it.
  if (!descriptor)
    return (
      <Suspense fallback={<BoardLoading />}>
        <BoardCanvas key={board.id} {...common} />
      </Suspense>
    );
  const { editor: Editor, frameRoot } = descriptor;
  const drawn = (
    <Suspense fallback={<BoardLoading />}>
      <Editor key={board.id} {...common} awareness={awareness} />
    </Suspense>
  );
  // A board drawn without React Flow tells the deck what is in view through its wrapper.
  const editor =
    tools && frameRoot ? (
      <ElementFrameView key={board.id} boardId={board.id} root={frameRoot}>
        {drawn}
      </ElementFrameView>
    ) : (
      drawn
    );
  if (!tools || !frameRoot) return editor;
  return (
    <div key={board.id} className="board-picture" data-board-picture={board.id}>
      <div className="board-picture__bar">
        <PictureSlot caseId={caseId} doc={doc} boardId={board.id} boardTitle={board.title} />
      </div>
      {editor}
    </div>
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
