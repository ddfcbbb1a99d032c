import { endpoints } from '../sync/api.ts';
import { useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { Download, Upload } from 'lucide-react';
import { mapFromBoard } from '../core/commands/mindmap.ts';
import { readMeta } from '../core/doc.ts';
import { exportFreeMind, exportMarkdown, exportOpml, exportXMind } from '../core/interop/index.ts';
import { boardPicture, fileNameOf, saveFile } from './capture.ts';
import { boardPdf, type Paper } from './boardPdf.tsx';
import { exportErrorText } from './errors.ts';
import { importedText, importFailureText } from '../canvas/drop.ts';
import { importFile } from '../canvas/importFile.ts';
import type { BoardExportProps } from '../canvas/exportSlot.tsx';
import { useAuthor } from '../sync/author.tsx';

export type ExportMenuProps = BoardExportProps;

/** A refused import or a failed export as a sentence (see `exportErrorText`). */
export const importErrorText = exportErrorText;

/**
 * Import and export for a board drawn by React Flow: the whole board (or the selection) as PNG at
 * 1×, 2× or 4× or as SVG, on a PDF sheet with a title block; a mind map also to and from XMind,
 * FreeMind, OPML and Markdown.
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
  const author = useAuthor();
  const { t, i18n } = useTranslation('interop');
  const flow = useReactFlow();
  const input = useRef<HTMLInputElement>(null);
  const [transparent, setTransparent] = useState(false);
  const [selectionOnly, setSelectionOnly] = useState(false);
  const [paper, setPaper] = useState<Paper>('A4');
  const [landscape, setLandscape] = useState(true);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const nodes = () => {
    const all = flow.getNodes().filter((n) => !n.hidden);
    const chosen = all.filter((n) => n.selected);
    return selectionOnly && chosen.length > 0 ? chosen : all;
  };
  const root = () =>
    document.querySelector<HTMLElement>(`[data-board-flow="${boardId}"] .react-flow`) ??
    document.querySelector<HTMLElement>('.case-page__board .react-flow');
  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await what();
    } catch (err) {
      setMessage(importErrorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const picture = (format: 'png' | 'svg', scale: number) =>
    run(async () => {
      const flowRoot = root();
      if (!flowRoot) return;
      const blob = await boardPicture(flowRoot, nodes, {
        format,
        scale,
        background: transparent ? null : '#ffffff',
      });
      saveFile(blob, fileNameOf(boardTitle, format));
      void endpoints.recordExport(caseId, {
        what: 'board',
        format,
        source: boardId,
        title: boardTitle,
      });
    });
  const pdf = () =>
    run(async () => {
      const flowRoot = root();
      if (!flowRoot) return;
      const image = await boardPicture(flowRoot, nodes, {
        format: 'png',
        scale: 2,
        background: '#ffffff',
      });
      const meta = readMeta(doc);
      const bytes = await boardPdf(image, paper, landscape, {
        caseNumber: meta.caseNumber,
        boardTitle,
        date: new Date().toLocaleDateString(i18n.language),
        author,
        labels: {
          caseNumber: t('block.caseNumber'),
          board: t('block.board'),
          date: t('block.date'),
          author: t('block.author'),
        },
      });
      saveFile(
        new Blob([bytes as BlobPart], { type: 'application/pdf' }),
        fileNameOf(boardTitle, 'pdf'),
      );
      void endpoints.recordExport(caseId, {
        what: 'board',
        format: 'pdf',
        source: boardId,
        title: boardTitle,
      });
    });
  const mapFile = (format: 'md' | 'opml' | 'mm' | 'xmind') => {
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
    saveFile(new Blob([data as BlobPart], { type }), fileNameOf(boardTitle, format));
    void endpoints.recordExport(caseId, {
      what: 'map',
      format,
      source: boardId,
      title: boardTitle,
    });
  };

  return (
    <details className="export-menu" data-testid="export-menu">
      <summary>
        <Download size={16} /> {t('menu')}
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
                  void importFile(
                    doc,
                    boardId,
                    origin,
                    file,
                    mindMap.selection.at(-1) ?? null,
                  ).then(
                    ({ ids, count }) => {
                      setMessage(importedText(t, file.name, count));
                      mindMap.onImported(ids);
                    },
                    (err: unknown) => setMessage(importFailureText(t, file.name, err)),
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
        <strong>{t('exportImage')}</strong>
        <div className="export-menu__row">
          {[1, 2, 4].map((scale) => (
            <button
              key={scale}
              type="button"
              disabled={busy}
              onClick={() => void picture('png', scale)}
              data-testid={`export-png-${scale}`}
            >
              {t('png', { scale })}
            </button>
          ))}
          <button
            type="button"
            disabled={busy}
            onClick={() => void picture('svg', 1)}
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
          />{' '}
          {t('transparent')}
        </label>
        <strong>{t('exportPdf')}</strong>
        <div className="export-menu__row">
          <select
            value={paper}
            onChange={(e) => setPaper(e.target.value as Paper)}
            aria-label={t('paper')}
          >
            <option value="A4">A4</option>
            <option value="A3">A3</option>
          </select>
          <label>
            <input
              type="checkbox"
              checked={landscape}
              onChange={(e) => setLandscape(e.target.checked)}
            />{' '}
            {t('landscape')}
          </label>
          <button type="button" disabled={busy} onClick={() => void pdf()} data-testid="export-pdf">
            PDF
          </button>
        </div>
        {mindMap && (
          <>
            <strong>{t('exportMap')}</strong>
            <div className="export-menu__row">
              <button type="button" onClick={() => mapFile('xmind')} data-testid="export-xmind">
                {t('xmind')}
              </button>
              <button type="button" onClick={() => mapFile('mm')} data-testid="export-mm">
                {t('freemind')}
              </button>
              <button type="button" onClick={() => mapFile('opml')}>
                {t('opml')}
              </button>
              <button type="button" onClick={() => mapFile('md')}>
                {t('markdown')}
              </button>
            </div>
          </>
        )}
        {message && (
          <p className="export-menu__message" role="status" data-testid="export-message">
            {message}
          </p>
        )}
      </div>
    </details>
  );
}
