import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ArrowDown, ArrowUp, FileDown, FileText } from 'lucide-react';
import { CommandError } from '../../core/commands/boards.ts';
import { boardsOf, readMeta } from '../../core/doc.ts';
import { listBoards } from '../../core/commands/boards.ts';
import {
  moveReportSection,
  readReportSettings,
  reportOf,
  setReportCover,
  setReportFigures,
  setReportSection,
  type ReportSection,
  type ReportSectionId,
} from '../../core/report/settings.ts';
import { useAuthor } from '../../sync/author.tsx';
import { useDoc } from '../../sync/useDoc.ts';
import { dateInputText, parseDate } from '../../ui/dates.ts';
import { fileNameOf } from '../download.ts';
import { ExportStatus, useExportJob, type ExportJob } from '../ExportJob.tsx';
import { rasterise, svgSize } from '../raster.ts';
import './report.css';

const watchSettings = (d: Y.Doc) => [reportOf(d)];
const watchBoards = (d: Y.Doc) => [boardsOf(d)];
const readBoards = (d: Y.Doc) =>
  listBoards(d).map((b) => ({ id: b.id, title: b.title, kind: b.kind }));

/**
 * The case report panel ("Báo cáo án"): the cover's fields, the sections in order (on or off, up
 * and down, free text before and after each), the boards chosen as figures, and the downloads as
 * DOCX and PDF, drawn in the page by the export pipeline with a progress bar and Cancel like the
 * other exports. The settings live in the case document (src/core/report/), shared by the team.
 */
export function ReportPanel({
  caseId,
  doc,
  origin,
  readOnly,
}: {
  caseId: string;
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
}) {
  const { t } = useTranslation('report');
  const settings = useDoc(doc, watchSettings, readReportSettings);
  const boards = useDoc(doc, watchBoards, readBoards);
  const [error, setError] = useState<string | null>(null);
  const job = useExportJob(caseId, useAuthor());

  /** Runs a settings command; a refusal is shown in the person's language. */
  const write = useCallback(
    (fn: () => void) => {
      try {
        fn();
        setError(null);
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        setError(err instanceof CommandError ? t('errors.badSettings', { detail }) : detail);
      }
    },
    [t],
  );
  const clearError = useCallback(() => setError(null), []);
  const move = useCallback(
    (id: ReportSectionId, by: -1 | 1) =>
      write(() => {
        // The order as it is now, read at the click (a colleague may have moved one meanwhile).
        const index = readReportSettings(doc).sections.findIndex((s) => s.id === id);
        moveReportSection(doc, id, index + by, origin);
      }),
    [doc, origin, write],
  );
  const change = useCallback(
    (id: ReportSectionId, patch: Partial<ReportSection>) =>
      write(() => setReportSection(doc, id, patch, origin)),
    [doc, origin, write],
  );

  return (
    <aside className="side-panel report-panel" data-testid="report-panel">
      <h2>
        <FileText size={16} /> {t('title')}
      </h2>
      <p className="report-panel__hint">{readOnly ? t('readOnly') : t('intro')}</p>
      <Downloads doc={doc} job={job} />
      {error && (
        <p className="report-panel__error" role="alert" data-testid="report-error">
          {error}
        </p>
      )}
      <fieldset className="report-panel__group" disabled={readOnly}>
        <legend>{t('cover')}</legend>
        <p className="report-panel__hint">{t('coverHint')}</p>
        <CoverField
          label={t('procuracy')}
          placeholder={t('procuracyPlaceholder')}
          value={settings.cover.procuracy}
          testId="report-procuracy"
          onCommit={(procuracy) => write(() => setReportCover(doc, { procuracy }, origin))}
        />
        <CoverField
          label={t('prosecutor')}
          value={settings.cover.prosecutor}
          testId="report-prosecutor"
          onCommit={(prosecutor) => write(() => setReportCover(doc, { prosecutor }, origin))}
        />
        <CoverField
          label={t('date')}
          placeholder={t('datePlaceholder')}
          value={settings.cover.date ? dateInputText(settings.cover.date) : ''}
          testId="report-date"
          onEdit={clearError}
          onCommit={(text) => {
            const day = text.trim() ? parseDate(text) : '';
            if (day === null || (day && !/^\d{4}-\d{2}-\d{2}$/.test(day))) {
              setError(t('errors.date'));
              return false;
            }
            write(() => setReportCover(doc, { date: day }, origin));
          }}
        />
      </fieldset>
      <fieldset className="report-panel__group" disabled={readOnly}>
        <legend>{t('sectionsTitle')}</legend>
        <ol className="report-panel__sections" data-testid="report-sections">
          {settings.sections.map((section, index) => (
            <SectionRow
              key={section.id}
              section={section}
              first={index === 0}
              last={index === settings.sections.length - 1}
              onMove={move}
              onChange={change}
            />
          ))}
        </ol>
      </fieldset>
      <fieldset className="report-panel__group" disabled={readOnly}>
        <legend>{t('figuresTitle')}</legend>
        <p className="report-panel__hint">{t('figuresHint')}</p>
        {boards.length === 0 && <p className="report-panel__hint">{t('noBoards')}</p>}
        {boards.map((board) => (
          <label key={board.id} className="report-panel__check">
            <input
              type="checkbox"
              checked={settings.figures.includes(board.id)}
              data-testid={`report-figure-${board.id}`}
              onChange={(e) =>
                write(() =>
                  setReportFigures(
                    doc,
                    e.target.checked
                      ? [...settings.figures, board.id]
                      : settings.figures.filter((id) => id !== board.id),
                    origin,
                  ),
                )
              }
            />
            {board.title}
          </label>
        ))}
      </fieldset>
    </aside>
  );
}

/** A text field of the cover, written to the document when it loses focus or on Enter. */
const CoverField = memo(function CoverField({
  label,
  value,
  placeholder,
  testId,
  onCommit,
  onEdit,
}: {
  label: string;
  value: string;
  placeholder?: string;
  testId: string;
  /** Writes the value; `false` when it was refused (the field keeps the text typed). */
  onCommit(value: string): boolean | void;
  /** Called as the person types (the panel then clears an error about this field). */
  onEdit?(): void;
}) {
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    // A refused value (a date that is not one) stays as typed, for the person to correct.
    if (text !== null && text !== value && onCommit(text) === false) return;
    setText(null);
  };
  return (
    <label className="report-panel__field">
      <span>{label}</span>
      <input
        type="text"
        value={text ?? value}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          onEdit?.();
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing && e.keyCode !== 229) commit();
        }}
      />
    </label>
  );
});

/** One section: on or off, moved up or down with buttons, its free text before and after. */
const SectionRow = memo(function SectionRow({
  section,
  first,
  last,
  onMove,
  onChange,
}: {
  section: ReportSection;
  first: boolean;
  last: boolean;
  onMove(id: ReportSectionId, by: -1 | 1): void;
  onChange(id: ReportSectionId, patch: Partial<ReportSection>): void;
}) {
  const { t } = useTranslation('report');
  const name = t(`sections.${section.id}`);
  const [open, setOpen] = useState(Boolean(section.before || section.after));
  return (
    <li
      className={`report-section${section.enabled ? '' : ' report-section--off'}`}
      data-testid={`report-section-${section.id}`}
    >
      <div className="report-section__head">
        <label className="report-panel__check">
          <input
            type="checkbox"
            checked={section.enabled}
            aria-label={`${t('include')}: ${name}`}
            data-testid={`report-enable-${section.id}`}
            onChange={(e) => onChange(section.id, { enabled: e.target.checked })}
          />
          <span className="report-section__name">{name}</span>
        </label>
        <button
          type="button"
          className="report-section__more"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          data-testid={`report-text-${section.id}`}
          title={`${t('before')} / ${t('after')}`}
          aria-label={`${t('before')} / ${t('after')}: ${name}`}
        >
          …
        </button>
        <button
          type="button"
          disabled={first}
          onClick={() => onMove(section.id, -1)}
          aria-label={`${t('moveUp')}: ${name}`}
          title={t('moveUp')}
          data-testid={`report-up-${section.id}`}
        >
          <ArrowUp size={14} />
        </button>
        <button
          type="button"
          disabled={last}
          onClick={() => onMove(section.id, 1)}
          aria-label={`${t('moveDown')}: ${name}`}
          title={t('moveDown')}
          data-testid={`report-down-${section.id}`}
        >
          <ArrowDown size={14} />
        </button>
      </div>
      {open && (
        <div className="report-section__texts">
          <FreeText
            label={t('before')}
            value={section.before}
            testId={`report-before-${section.id}`}
            onCommit={(before) => onChange(section.id, { before })}
          />
          <FreeText
            label={t('after')}
            value={section.after}
            testId={`report-after-${section.id}`}
            onCommit={(after) => onChange(section.id, { after })}
          />
        </div>
      )}
    </li>
  );
});

/** Free text of a section, written to the document when it loses focus (one change, one undo). */
function FreeText({
  label,
  value,
  testId,
  onCommit,
}: {
  label: string;
  value: string;
  testId: string;
  onCommit(value: string): void;
}) {
  const [text, setText] = useState<string | null>(null);
  return (
    <label className="report-panel__field">
      <span>{label}</span>
      <textarea
        rows={3}
        value={text ?? value}
        data-testid={testId}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text !== null && text !== value) onCommit(text);
          setText(null);
        }}
      />
    </label>
  );
}

/** A PNG of a figure's SVG in the page (its canvas), for the DOCX's fallback picture. */
async function pagePng(svg: string, width: number): Promise<Uint8Array | null> {
  try {
    const blob = await rasterise(svg, { scale: width / svgSize(svg).width, background: '#ffffff' });
    return new Uint8Array(await blob.arrayBuffer());
  } catch {
    return null;
  }
}

/** The two downloads, drawn in the page from the live document, with progress and Cancel. */
const Downloads = memo(function Downloads({ doc, job }: { doc: Y.Doc; job: ExportJob }) {
  const { t } = useTranslation('report');
  const start = (format: 'pdf' | 'docx') =>
    job.run(async ({ context, signal }) => {
      const bytes =
        format === 'pdf'
          ? await (await import('./pdf.ts')).reportPdf(doc, context, signal)
          : await (
              await import('./docx.ts')
            ).reportDocx(doc, context, {
              signal,
              rasterise: (svg, width) => pagePng(svg, width),
            });
      const meta = readMeta(doc);
      const title = meta.title || meta.caseNumber;
      return {
        blob: new Blob([bytes as BlobPart], {
          type:
            format === 'pdf'
              ? 'application/pdf'
              : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
        name: fileNameOf(`${t('title')} — ${title}`, format),
        audit: { what: 'report', format, title },
      };
    });
  return (
    <div className="report-panel__downloads" data-testid="report-downloads">
      {!job.busy && (
        <>
          <button type="button" onClick={() => void start('docx')} data-testid="report-docx">
            <FileDown size={16} /> {t('docx')}
          </button>
          <button type="button" onClick={() => void start('pdf')} data-testid="report-pdf">
            <FileDown size={16} /> {t('pdf')}
          </button>
        </>
      )}
      <ExportStatus job={job} />
    </div>
  );
});
