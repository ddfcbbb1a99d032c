import { useRef, useState } from 'react';
import { getNodesBounds, useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { Download, Upload } from 'lucide-react';
import { mapFromBoard } from '../core/commands/mindmap.ts';
import { exportFreeMind, exportMarkdown, exportOpml, exportXMind } from '../core/interop/index.ts';
import type { Rect } from '../render/board.ts';
import { BoardExports } from './BoardExports.tsx';
import { fileNameOf } from './download.ts';
import { ExportStatus, useExportJob } from './ExportJob.tsx';
import { importedText, importFailureText } from '../canvas/drop.ts';
import { importFile } from '../canvas/importFile.ts';
import type { BoardExportProps } from '../canvas/exportSlot.tsx';
import { useAuthor } from '../sync/author.tsx';

export type ExportMenuProps = BoardExportProps;

/** Room left around the selection when only it is exported, in board units. */
const SELECTION_MARGIN = 24;

/**
 * Import and export for a board drawn by React Flow: the board (or the selection's area) as PNG at
 * 1×, 2× or 4×, as SVG or on a PDF sheet (BoardExports, drawn from the case document, not from the
 * screen); a mind map also to and from XMind, FreeMind, OPML and Markdown.
 */
export function ExportMenu({
  caseId,
  doc,
  boardId,
  boardTitle,
  origin,
  readOnly,
  mindMap,
}: ExportMenuProps) {
  const { t } = useTranslation('interop');
  const flow = useReactFlow();
  const job = useExportJob(caseId, useAuthor());
  const input = useRef<HTMLInputElement>(null);
  const [selectionOnly, setSelectionOnly] = useState(false);

  // The selection's area on the board; the whole board when nothing is selected.
  const area = (): Rect | null => {
    if (!selectionOnly) return null;
    const chosen = flow.getNodes().filter((n) => n.selected && !n.hidden);
    if (chosen.length === 0) return null;
    const b = getNodesBounds(chosen);
    return {
      x: b.x - SELECTION_MARGIN,
      y: b.y - SELECTION_MARGIN,
      w: b.width + SELECTION_MARGIN * 2,
      h: b.height + SELECTION_MARGIN * 2,
    };
  };
  const mapFile = (format: 'md' | 'opml' | 'mm' | 'xmind') =>
    job.run(async () => {
      const model = mapFromBoard(
        doc,
        boardId,
        selectionOnly && mindMap?.selection.length ? mindMap.selection : undefined,
      );
      const data =
        format === 'md'
          ? exportMarkdown(model)
          : format === 'opml'
            ? exportOpml(model)
            : format === 'mm'
              ? exportFreeMind(model)
              : exportXMind(model);
      const type = format === 'xmind' ? 'application/zip' : 'text/plain;charset=utf-8';
      return {
        blob: new Blob([data as BlobPart], { type }),
        name: fileNameOf(boardTitle, format),
        audit: { what: 'map', format, source: boardId, title: boardTitle },
      };
    });

  return (
    <details className="export-menu" data-testid="export-menu">
      <summary>
        <Download size={16} /> {mindMap && !readOnly ? t('menu') : t('pictureMenu')}
      </summary>
      <div className="export-menu__body">
        {mindMap && !readOnly && (
          <>
            <button type="button" onClick={() => input.current?.click()} data-testid="import-map">
              <Upload size={16} /> {t('import')}
            </button>
            <input
              ref={input}
              type="file"
              hidden
              accept=".xmind,.mm,.opml,.md,.markdown,.txt"
              data-testid="import-input"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file)
                  // Its progress shows on the board (canvas/ImportProgress.tsx).
                  void importFile(
                    doc,
                    boardId,
                    origin,
                    file,
                    mindMap.selection.at(-1) ?? null,
                  ).then(
                    ({ ids, count, sheets, legacy }) => {
                      job.setMessage(importedText(t, file.name, count, sheets, legacy));
                      mindMap.onImported(ids);
                    },
                    (err: unknown) => {
                      job.setMessage(importFailureText(t, file.name, err));
                    },
                  );
              }}
            />
            <p className="muted">{t('importHint')}</p>
          </>
        )}
        <label>
          <input
            type="checkbox"
            checked={selectionOnly}
            onChange={(e) => setSelectionOnly(e.target.checked)}
          />{' '}
          {t('selection')}
        </label>
        <BoardExports doc={doc} boardId={boardId} boardTitle={boardTitle} job={job} area={area} />
        {mindMap && (
          <>
            <strong>{t('exportMap')}</strong>
            <div className="export-menu__row">
              <button
                type="button"
                disabled={job.busy}
                onClick={() => void mapFile('xmind')}
                data-testid="export-xmind"
              >
                {t('xmind')}
              </button>
              <button
                type="button"
                disabled={job.busy}
                onClick={() => void mapFile('mm')}
                data-testid="export-mm"
              >
                {t('freemind')}
              </button>
              <button type="button" disabled={job.busy} onClick={() => void mapFile('opml')}>
                {t('opml')}
              </button>
              <button type="button" disabled={job.busy} onClick={() => void mapFile('md')}>
                {t('markdown')}
              </button>
            </div>
          </>
        )}
        <ExportStatus job={job} />
      </div>
    </details>
  );
}
