import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { boardsOf, readBoard, recordAt } from '../core/doc.ts';
import type { Rect } from '../render/board.ts';
import type { Orientation, Paper } from './documents/index.ts';
import { fileNameOf } from './download.ts';
import { loadDocuments, type ExportJob } from './ExportJob.tsx';
import { rasterise } from './raster.ts';

/** Scales a scene can be printed at (1:n, metres on paper); 0 fits the sheet. */
export const SCENE_SCALES = [0, 50, 100, 200, 500] as const;

export interface BoardExportsProps {
  doc: Y.Doc;
  boardId: string;
  boardTitle: string;
  job: ExportJob;
  /** Only this rectangle of the board (the selection's); null: the whole board. */
  area?: () => Rect | null;
}

/**
 * A board's picture and PDF exports, for every board kind, drawn from the case document by the
 * export pipeline (src/export/documents), the code the server's export routes run: SVG as vector
 * SVG, PNG at 1×, 2× or 4× rasterised from that SVG, PDF on A4 or A3 (a scene at a stated scale).
 */
export function BoardExports({ doc, boardId, boardTitle, job, area }: BoardExportsProps) {
  const { t } = useTranslation('interop');
  const [transparent, setTransparent] = useState(false);
  const [paper, setPaper] = useState<Paper>('A4');
  const [landscape, setLandscape] = useState(true);
  const [sceneScale, setSceneScale] = useState<number>(0);
  const [includeNotes, setIncludeNotes] = useState(false);
  const kind = readBoard(recordAt(boardsOf(doc), boardId))?.kind;
  const audit = (format: string) => ({ what: 'board', format, source: boardId, title: boardTitle });

  const svg = () =>
    job.run(async ({ context }) => {
      const { boardSvg } = await loadDocuments();
      const text = await boardSvg(doc, boardId, { frame: area?.() ?? null }, context);
      return {
        blob: new Blob([text], { type: 'image/svg+xml' }),
        name: fileNameOf(boardTitle, 'svg'),
        audit: audit('svg'),
      };
    });
  const png = (scale: number) =>
    job.run(async ({ context }) => {
      const { boardPicture, boardSvg, pictureSvg } = await loadDocuments();
      const frame = area?.() ?? null;
      // A transparent picture is the same picture without its background.
      const text = transparent
        ? await pictureSvg(
            {
              ...(await boardPicture(doc, boardId, { frame, language: context.language })),
              background: null,
            },
            context.resources,
          )
        : await boardSvg(doc, boardId, { frame }, context);
      return {
        blob: await rasterise(text, { scale }),
        name: fileNameOf(boardTitle, 'png'),
        audit: audit('png'),
      };
    });
  const pdf = () =>
    job.run(async ({ context, onProgress, signal }) => {
      const { boardPdf } = await loadDocuments();
      const orientation: Orientation = landscape ? 'landscape' : 'portrait';
      const bytes = await boardPdf(
        doc,
        boardId,
        {
          paper,
          orientation,
          frame: area?.() ?? null,
          scale: kind === 'scene' && sceneScale > 0 ? sceneScale : null,
          includeNotes,
        },
        context,
        onProgress,
        signal,
      );
      return {
        blob: new Blob([bytes as BlobPart], { type: 'application/pdf' }),
        name: fileNameOf(boardTitle, 'pdf'),
        audit: { ...audit('pdf'), ...(includeNotes ? { notes: true } : {}) },
      };
    });

  return (
    <>
      <strong>{t('exportImage')}</strong>
      <div className="export-menu__row">
        {[1, 2, 4].map((scale) => (
          <button
            key={scale}
            type="button"
            disabled={job.busy}
            onClick={() => void png(scale)}
            data-testid={`export-png-${scale}`}
          >
            {t('png', { scale })}
          </button>
        ))}
        <button
          type="button"
          disabled={job.busy}
          onClick={() => void svg()}
          data-testid="export-svg"
        >
          {t('svg')}
        </button>
      </div>
      <label>
        <input
          type="checkbox"
          checked={transparent}
          onChange={(e) => setTransparent(e.target.checked)}
          data-testid="export-transparent"
        />{' '}
        {t('transparent')}
      </label>
      <strong>{t('exportPdf')}</strong>
      <div className="export-menu__row">
        <select
          value={paper}
          onChange={(e) => setPaper(e.target.value as Paper)}
          aria-label={t('paper')}
          data-testid="export-paper"
        >
          <option value="A4">A4</option>
          <option value="A3">A3</option>
        </select>
        <label>
          <input
            type="checkbox"
            checked={landscape}
            onChange={(e) => setLandscape(e.target.checked)}
            data-testid="export-landscape"
          />{' '}
          {t('landscape')}
        </label>
        {kind === 'scene' && (
          <select
            value={sceneScale}
            onChange={(e) => setSceneScale(Number(e.target.value))}
            aria-label={t('scale')}
            data-testid="export-scale"
          >
            {SCENE_SCALES.map((scale) => (
              <option key={scale} value={scale}>
                {scale === 0 ? t('fit') : `1:${scale}`}
              </option>
            ))}
          </select>
        )}
        <button
          type="button"
          disabled={job.busy}
          onClick={() => void pdf()}
          data-testid="export-pdf"
        >
          PDF
        </button>
      </div>
      <label>
        <input
          type="checkbox"
          checked={includeNotes}
          onChange={(e) => setIncludeNotes(e.target.checked)}
          data-testid="export-include-notes"
        />{' '}
        {t('includeNotes')}
      </label>
    </>
  );
}
