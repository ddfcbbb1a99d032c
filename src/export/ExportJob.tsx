import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportContext, Progress } from './documents/index.ts';
import { saveFile } from './download.ts';
import { exportErrorText } from './errors.ts';
import { pageResources } from './pageResources.ts';
import { endpoints } from '../sync/api.ts';
import './export.css';

/**
 * One export at a time from a menu, the same way everywhere (board menus, the picture menu, the
 * deck): the pipeline loaded on first use, progress, Cancel, the file offered as a download, the
 * export reported to the case's audit trail, and a failure or a cancel told in a sentence.
 */

/** The export pipeline, loaded when first used (pdf-lib and the renderers stay out of the page). */
export const loadDocuments = () => import('./documents/index.ts');

/** A finished export: the file and what the audit trail records of it. */
export interface ExportedFile {
  blob: Blob;
  name: string;
  audit: { what: string; format: string; source?: string; title?: string };
}

export interface ExportWork {
  signal: AbortSignal;
  onProgress(progress: Progress): void;
  /** What the pipeline needs in the page: this case's resources, the language, today. */
  context: ExportContext;
}

export interface ExportJob {
  busy: boolean;
  /** Pages done of all, while an export that counts them runs. */
  progress: Progress | null;
  message: string | null;
  setMessage(message: string | null): void;
  run(work: (job: ExportWork) => Promise<ExportedFile>): Promise<void>;
  cancel(): void;
}

export function useExportJob(caseId: string, author = ''): ExportJob {
  const { t, i18n } = useTranslation('interop');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  // A menu closed mid-export (board switched) stops its export.
  useEffect(() => () => abort.current?.abort(), []);

  const run = useCallback(
    async (work: (job: ExportWork) => Promise<ExportedFile>) => {
      const controller = new AbortController();
      abort.current?.abort();
      abort.current = controller;
      setBusy(true);
      setMessage(null);
      setProgress(null);
      try {
        const file = await work({
          signal: controller.signal,
          onProgress: (p) => {
            if (!controller.signal.aborted) setProgress(p);
          },
          context: {
            resources: pageResources(caseId),
            language: i18n.language === 'en' ? 'en' : 'vi',
            date: new Date(),
            author,
          },
        });
        // Steps that take no signal (an SVG, a PNG) run to their end; a cancelled export (the
        // pipeline throws `Cancelled` once its signal is aborted) offers no file either way.
        if (!controller.signal.aborted) {
          saveFile(file.blob, file.name);
          void endpoints.recordExport(caseId, file.audit);
        }
      } catch (err) {
        if (abort.current === controller && !controller.signal.aborted)
          setMessage(exportErrorText(t, err));
      } finally {
        if (abort.current === controller && controller.signal.aborted) setMessage(t('cancelled'));
        if (abort.current === controller) {
          abort.current = null;
          setBusy(false);
          setProgress(null);
        }
      }
    },
    [caseId, author, i18n.language, t],
  );
  const cancel = useCallback(() => abort.current?.abort(), []);
  return { busy, progress, message, setMessage, run, cancel };
}

/** An export's progress (a bar, pages done of all) and its Cancel button, then its outcome. */
export function ExportStatus({ job }: { job: ExportJob }) {
  const { t } = useTranslation('interop');
  return (
    <>
      {job.busy && (
        <div className="export-menu__row export-progress" data-testid="export-working">
          {job.progress ? (
            <progress
              max={job.progress.total}
              value={job.progress.done}
              data-testid="export-progress"
            />
          ) : (
            <progress data-testid="export-progress" />
          )}
          <span>{job.progress ? t('working', { ...job.progress }) : t('workingUncounted')}</span>
          <button type="button" onClick={job.cancel} data-testid="export-cancel">
            {t('cancel')}
          </button>
        </div>
      )}
      {job.message && (
        <p className="export-menu__message" role="status" data-testid="export-message">
          {job.message}
        </p>
      )}
    </>
  );
}
