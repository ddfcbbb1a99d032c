import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isOffenceRef } from '../../core/offences.ts';
import { CLASSIFICATIONS, type Classification } from '../../core/schema.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { endpoints, type CaseSummary } from '../../sync/api.ts';
import { errorReason } from '../../ui/errorReason.ts';
import { OffencePicker } from './OffencePicker.tsx';
import './offences.css';

/** Creates a case, or edits one (title, number, offences; classification for owners). */
export function CaseDialog({
  existing,
  onDone,
  onClose,
}: {
  existing?: CaseSummary;
  onDone(record: CaseSummary): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(existing?.title ?? '');
  const [caseNumber, setCaseNumber] = useState(existing?.caseNumber ?? '');
  const [offences, setOffences] = useState<string[]>(existing?.offences ?? []);
  const [classification, setClassification] = useState<Classification>(
    existing?.classification ?? 'none',
  );
  const [error, setError] = useState<string | null>(null);
  const canClassify = !existing || existing.role === 'owner';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      title,
      caseNumber,
      // Free text of an older case that names no article is dropped (the chip says so).
      offences: offences.filter(isOffenceRef),
      ...(canClassify ? { classification } : {}),
    };
    try {
      onDone(
        existing
          ? await endpoints.patchCase(existing.id, input)
          : await endpoints.createCase(input),
      );
    } catch (err) {
      setError(errorReason(err));
    }
  };

  return (
    <Dialog
      title={existing ? t('cases.editTitle') : t('cases.new')}
      onClose={onClose}
      testId="case-dialog"
    >
      <form className="form" onSubmit={submit}>
        <label>
          <span>{t('cases.titleField')}</span>
          <input
            name="title"
            required
            autoFocus
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label>
          <span>{t('cases.caseNumber')}</span>
          <input
            name="caseNumber"
            value={caseNumber}
            onChange={(e) => setCaseNumber(e.target.value)}
          />
        </label>
        <div className="form-field">
          <span>{t('cases.offences')}</span>
          <OffencePicker value={offences} onChange={setOffences} />
        </div>
        {canClassify && (
          <label>
            <span>{t('cases.classification')}</span>
            <select
              name="classification"
              value={classification}
              onChange={(e) => setClassification(e.target.value as Classification)}
            >
              {CLASSIFICATIONS.map((c) => (
                <option key={c} value={c}>
                  {t(`classification.${c}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('cases.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="case-save">
            {existing ? t('cases.save') : t('cases.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
