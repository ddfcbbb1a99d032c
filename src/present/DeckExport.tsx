import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { FileDown } from 'lucide-react';
import type { Slide } from '../core/commands/deck.ts';
import { readMeta } from '../core/doc.ts';
import { fileNameOf } from '../export/download.ts';
import { ExportStatus, loadDocuments, useExportJob } from '../export/ExportJob.tsx';
import { useAuthor } from '../sync/author.tsx';

/**
 * The deck as a PDF drawn from the case document (the export pipeline's `deckPdf`, as the server's
 * deck.pdf): vector 16:9 pages, per slide or per build step, with notes pages if asked; a progress
 * bar and Cancel while it is made.
 */
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
  const job = useExportJob(caseId, useAuthor());
  const [perStep, setPerStep] = useState(false);
  const [notes, setNotes] = useState(false);
  const start = () =>
    job.run(async ({ context, onProgress, signal }) => {
      const { deckPdf } = await loadDocuments();
      const bytes = await deckPdf(
        doc,
        { perStep, notes, slideIds: slides.map((s) => s.id) },
        context,
        onProgress,
        signal,
      );
      const title = readMeta(doc).title || slides[0]?.title || 'deck';
      return {
        blob: new Blob([bytes as BlobPart], { type: 'application/pdf' }),
        name: fileNameOf(title, 'pdf'),
        audit: { what: 'deck', format: 'pdf', title },
      };
    });
  return (
    <div className="deck-panel__actions deck-export" data-testid="deck-export">
      <label>
        <input type="checkbox" checked={perStep} onChange={(e) => setPerStep(e.target.checked)} />{' '}
        {t('perStep')}
      </label>
      <label>
        <input type="checkbox" checked={notes} onChange={(e) => setNotes(e.target.checked)} />{' '}
        {t('notesPages')}
      </label>
      {!job.busy && (
        <button type="button" onClick={() => void start()} data-testid="deck-pdf">
          <FileDown size={16} /> {t('deckPdf')}
        </button>
      )}
      <ExportStatus job={job} />
    </div>
  );
}
