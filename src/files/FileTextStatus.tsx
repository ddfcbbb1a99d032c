import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import { setFirstBl, type CaseFile } from '../core/commands/files.ts';
import type { ReadingState } from './searchApi.ts';

interface FileTextStatusProps {
  file: CaseFile;
  reading: ReadingState | undefined;
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
}

/**
 * Under a file of the case file: how far the server got reading its text ("Đang đọc chữ
 * 45/300 trang"), and the BL number of its first page, from which its pages are cited.
 */
export const FileTextStatus = memo(function FileTextStatus({
  file,
  reading,
  doc,
  origin,
  readOnly,
}: FileTextStatusProps) {
  const { t } = useTranslation('caseFile');
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (file.firstBl === undefined ? '' : String(file.firstBl));
  const bad =
    draft !== null &&
    draft.trim() !== '' &&
    (!/^\d{1,6}$/.test(draft.trim()) || Number(draft.trim()) < 1);
  const commit = () => {
    if (draft === null || bad) return;
    const value = draft.trim();
    const next = value === '' ? null : Number(value);
    if (next !== (file.firstBl ?? null))
      setFirstBl(doc, { hash: file.hash, firstBl: next }, origin);
    setDraft(null);
  };
  return (
    <span className="file-text-status">
      {reading && (
        <span
          className={`file-text-status__reading is-${reading.state}`}
          role="status"
          data-testid="file-reading"
        >
          {readingText(reading, t)}
        </span>
      )}
      <label className="file-text-status__bl" title={t('firstBl.hint')}>
        {t('firstBl.label')}
        <input
          inputMode="numeric"
          value={shown}
          disabled={readOnly}
          aria-invalid={bad}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => event.key === 'Enter' && commit()}
          data-testid="file-first-bl"
        />
      </label>
      {bad && (
        <span className="file-text-status__bad" role="alert">
          {t('firstBl.bad')}
        </span>
      )}
    </span>
  );
});

function readingText(reading: ReadingState, t: TFunction<'caseFile'>): string {
  switch (reading.state) {
    case 'queued':
      return t('reading.queued');
    case 'reading':
      return reading.pages
        ? t('reading.reading', { done: reading.done, pages: reading.pages })
        : t('reading.readingStart');
    case 'done':
      return t('reading.done');
    case 'off':
      return t('reading.off');
    case 'failed':
      return t('reading.failed', { reason: reading.reason ?? '' });
  }
}
