import { useTranslation } from 'react-i18next';
import { Download } from 'lucide-react';
import type { BoardPictureProps } from '../canvas/exportSlot.tsx';
import { useAuthor } from '../sync/author.tsx';
import { BoardExports } from './BoardExports.tsx';
import { ExportStatus, useExportJob } from './ExportJob.tsx';

/**
 * The export menu the case page draws beside a board drawn without React Flow (a scene, the
 * timeline), from the board's descriptor: the same exports as every board's (BoardExports), drawn
 * from the case document.
 */
export function PictureMenu({ caseId, doc, boardId, boardTitle }: BoardPictureProps) {
  const { t } = useTranslation('interop');
  const job = useExportJob(caseId, useAuthor());
  return (
    <details className="export-menu picture-menu" data-testid="export-menu">
      <summary>
        <Download size={16} /> {t('pictureMenu')}
      </summary>
      <div className="export-menu__body">
        <BoardExports doc={doc} boardId={boardId} boardTitle={boardTitle} job={job} />
        <ExportStatus job={job} />
      </div>
    </details>
  );
}
