import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Download } from 'lucide-react';
import { Dialog } from '../ui/Dialog.tsx';
import { endpoints, type AuditEntry } from '../sync/api.ts';
import { errorReason } from '../ui/errorReason.ts';
import { formatTime } from './HistoryPanel.tsx';
import { parseDate } from '../ui/dates.ts';
import { actionName, auditSentence, type PeopleNames } from './auditText.ts';

interface Filter {
  /** A case to narrow the all-cases view to ('' for all). */
  caseId: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY: Filter = { caseId: '', actor: '', action: '', from: '', to: '' };

/** A whole day typed day first (`12/03/2026`) as `2026-03-12`, or null. */
function dayOf(text: string): string | null {
  const day = parseDate(text);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

/** The query the server takes; dates of the form are whole days in the reader's time zone. */
function queryOf(caseId: string | null, filter: Filter, format?: 'csv'): URLSearchParams {
  const query = new URLSearchParams();
  const chosen = caseId ?? filter.caseId;
  if (chosen) query.set('case', chosen);
  if (filter.actor.trim()) query.set('actor', filter.actor.trim());
  if (filter.action) query.set('action', filter.action);
  const from = dayOf(filter.from);
  const to = dayOf(filter.to);
  if (from) query.set('from', new Date(`${from}T00:00:00`).toISOString());
  if (to) query.set('to', new Date(`${to}T23:59:59.999`).toISOString());
  if (format) query.set('format', format);
  return query;
}

/**
 * The audit trail: a case's for its owners, every case's for administrators (`caseId` null),
 * filtered by person, kind and time, and downloadable as CSV. Read only: nothing edits it.
 */
export function AuditDialog({
  caseId,
  cases = [],
  admin = false,
  onClose,
}: {
  /** Administrators also set how long automatic versions are kept. */
  admin?: boolean;
  caseId: string | null;
  /** For the all-cases view: the cases to choose from. */
  cases?: ReadonlyArray<{ id: string; title: string }>;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation('history');
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [events, setEvents] = useState<AuditEntry[] | null>(null);
  const [actions, setActions] = useState<string[]>([]);
  const [names, setNames] = useState<PeopleNames>({});
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(
    async (f: Filter) => {
      setMessage(null);
      try {
        const answer = await endpoints.audit(queryOf(caseId, f));
        setEvents([...answer.events].reverse());
        setActions(answer.actions);
        setNames(answer.names ?? {});
      } catch (err) {
        setMessage(t('failed', { message: errorReason(err) }));
      }
    },
    [caseId, t],
  );
  useEffect(() => {
    void load(EMPTY);
  }, [load]);
  const set = (key: keyof Filter) => (event: { target: { value: string } }) =>
    setFilter((f) => ({ ...f, [key]: event.target.value }));

  return (
    <Dialog
      title={caseId ? t('audit.title') : t('audit.titleAll')}
      onClose={onClose}
      testId="audit"
    >
      <form
        className="audit-filter"
        onSubmit={(event) => {
          event.preventDefault();
          void load(filter);
        }}
      >
        {!caseId && cases.length > 0 && (
          <label>
            {t('audit.case')}
            <select value={filter.caseId} onChange={set('caseId')} data-testid="audit-case">
              <option value="">{t('audit.anyCase')}</option>
              {cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('audit.person')}
          <input value={filter.actor} onChange={set('actor')} data-testid="audit-actor" />
        </label>
        <label>
          {t('audit.kind')}
          <select value={filter.action} onChange={set('action')} data-testid="audit-action">
            <option value="">{t('audit.anyKind')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionName(a, t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.from')}
          <input
            value={filter.from}
            onChange={set('from')}
            placeholder={t('audit.dateHint')}
            inputMode="numeric"
            size={14}
            data-testid="audit-from"
          />
        </label>
        <label>
          {t('audit.to')}
          <input
            value={filter.to}
            onChange={set('to')}
            placeholder={t('audit.dateHint')}
            inputMode="numeric"
            size={14}
            data-testid="audit-to"
          />
        </label>
        <button type="submit" data-testid="audit-filter">
          {t('audit.filter')}
        </button>
        <a
          className="button"
          href={`/api/audit?${queryOf(caseId, filter, 'csv')}`}
          download
          data-testid="audit-csv"
        >
          <Download size={16} /> {t('audit.csv')}
        </a>
      </form>
      {admin && <RetentionSetting />}
      {message && (
        <p className="notice notice--danger" role="alert">
          {message}
        </p>
      )}
      {events && (
        <p className="muted" data-testid="audit-count">
          {events.length === 0 ? t('audit.empty') : t('audit.count', { count: events.length })}
        </p>
      )}
      <div className="audit-table">
        <table>
          <thead>
            <tr>
              <th>{t('audit.time')}</th>
              <th>{t('audit.what')}</th>
              {!caseId && <th>{t('audit.case')}</th>}
            </tr>
          </thead>
          <tbody>
            {events?.map((e) => (
              <tr key={e.seq} data-testid="audit-row" data-action={e.action}>
                <td className="audit-table__time">{formatTime(e.at, i18n.language)}</td>
                <td className="audit-table__detail" data-testid="audit-sentence">
                  {auditSentence(e, names, t, i18n.language)}
                </td>
                {!caseId && <td>{e.caseTitle}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}

/** How many days automatic versions are kept (0: for ever); an administrator's setting. */
function RetentionSetting() {
  const { t } = useTranslation('history');
  const [days, setDays] = useState<string>('');
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    endpoints.settings().then(
      (s) => setDays(String(s.autoVersionDays)),
      () => undefined,
    );
  }, []);
  return (
    <form
      className="audit-filter"
      onSubmit={(event) => {
        event.preventDefault();
        endpoints.setSettings({ autoVersionDays: Number(days) }).then(
          (answer) => setSaved(t('retentionSaved', { count: answer.dropped })),
          (err: unknown) => setSaved(t('failed', { message: errorReason(err) })),
        );
      }}
    >
      <label>
        {t('retentionDays')}
        <input
          type="number"
          min={0}
          max={36500}
          value={days}
          onChange={(event) => setDays(event.target.value)}
          data-testid="retention-days"
        />
      </label>
      <button type="submit" data-testid="retention-save">
        {t('retentionSave')}
      </button>
      {saved && <span className="muted">{saved}</span>}
    </form>
  );
}
