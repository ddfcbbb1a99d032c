import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { FileDown } from 'lucide-react';
import type { Slide } from '../core/commands/deck.ts';
import { Cancelled, deckPdf, type Progress } from './deckPdf.tsx';
import { fileNameOf, saveFile } from '../export/capture.ts';
import { exportErrorText } from '../export/errors.ts';
import { endpoints } from '../sync/api.ts';

/** The deck as a PDF: 16:9 pages, per slide or per build step, with notes pages if asked; cancellable. */
export function DeckExport({
  doc,
  caseId,
  slides,
}: {
  doc: Y.Doc;
  caseId: string;
  slides: readonly Slide[];
}) {
  const { t } = useTranslation('interop');
  const [perStep, setPerStep] = useState(false);
  const [notes, setNotes] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setMessage(null);
    try {
      const bytes = await deckPdf(
        doc,
        caseId,
        slides,
        { perStep, notes, notesTitle: t('notesTitle') },
        setProgress,
        controller.signal,
      );
      saveFile(
        new Blob([bytes as BlobPart], { type: 'application/pdf' }),
        fileNameOf(slides[0]?.title ?? 'deck', 'pdf'),
      );
      void endpoints.recordExport(caseId, {
        what: 'deck',
        format: 'pdf',
        title: slides[0]?.title ?? '',
      });
    } catch (err) {
      setMessage(err instanceof Cancelled ? t('cancelled') : exportErrorText(t, err));
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };
  return (
    <div className="deck-panel__actions" data-testid="deck-export">
      <label>
        <input type="checkbox" checked={perStep} onChange={(e) => setPerStep(e.target.checked)} />{' '}
        {t('perStep')}
      </label>
      <label>
        <input type="checkbox" checked={notes} onChange={(e) => setNotes(e.target.checked)} />{' '}
        {t('notesPages')}
      </label>
      {progress ? (
        <>
          <progress max={progress.total} value={progress.done} data-testid="export-progress" />
          <span>{t('working', { done: progress.done, total: progress.total })}</span>
          <button type="button" onClick={() => abort.current?.abort()} data-testid="export-cancel">
            {t('cancel')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void start()} data-testid="deck-pdf">
          <FileDown size={16} /> {t('deckPdf')}
        </button>
      )}
      {message && <span role="status">{message}</span>}
    </div>
  );
}
