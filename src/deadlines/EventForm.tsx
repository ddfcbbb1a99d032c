import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXTENSION_KINDS,
  PERSONAL_KINDS,
  PROCEDURE_EVENT_KINDS,
  type ProcedureEvent,
  type ProcedureEventFields,
  type ProcedureEventKind,
} from '../core/procedure/index.ts';
import { dateInputText, parseDate } from '../ui/dates.ts';

/**
 * The form of one procedural event: its kind, day (typed day first), time for custody, the person
 * for per-person kinds, the decision, the duration an extension granted, pages and a note.
 */
export function EventForm({
  initial,
  people,
  onSubmit,
  onCancel,
}: {
  initial?: ProcedureEvent;
  people: ReadonlyArray<{ id: string; name: string }>;
  onSubmit(fields: ProcedureEventFields): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('deadlines');
  const [kind, setKind] = useState<ProcedureEventKind>(initial?.kind ?? 'case-initiated');
  const [date, setDate] = useState(initial ? dateInputText(initial.date) : '');
  const [time, setTime] = useState(initial?.time ?? '');
  const [person, setPerson] = useState(initial?.person ?? '');
  const [decision, setDecision] = useState(initial?.decision ?? '');
  const [amount, setAmount] = useState(
    String(initial?.months ?? initial?.days ?? (initial?.hours ? initial.hours / 24 : '')),
  );
  const [pages, setPages] = useState(initial?.pages ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const personal = PERSONAL_KINDS.has(kind);
  const extension = EXTENSION_KINDS.has(kind);
  const inDays = kind === 'custody-extension' || kind === 'prosecution-extension';

  const submit = () => {
    const day = parseDate(date);
    if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return setError(t('badDate'));
    if (personal && !person) return setError(t('needPerson'));
    const n = Number.parseInt(amount, 10);
    onSubmit({
      kind,
      date: day,
      ...(kind === 'custody' && /^\d{1,2}:\d{2}$/.test(time.trim())
        ? { time: time.trim().padStart(5, '0') }
        : {}),
      ...(personal ? { person } : {}),
      ...(decision.trim() ? { decision } : {}),
      ...(extension && n > 0 ? (inDays ? { days: n } : { months: n }) : {}),
      ...(pages.trim() ? { pages } : {}),
      ...(note.trim() ? { note } : {}),
    });
  };

  return (
    <form
      className="deadline-form"
      data-testid="procedure-event-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label>
        <span>{t('kindLabel')}</span>
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as ProcedureEventKind)}
          data-testid="event-kind"
        >
          {PROCEDURE_EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('dateLabel')}</span>
        <input
          value={date}
          inputMode="numeric"
          placeholder="12/05/2026"
          onChange={(e) => setDate(e.target.value)}
          data-testid="event-date"
        />
      </label>
      {kind === 'custody' && (
        <label>
          <span>{t('timeLabel')}</span>
          <input value={time} placeholder="08:30" onChange={(e) => setTime(e.target.value)} />
        </label>
      )}
      {personal && (
        <label>
          <span>{t('personLabel')}</span>
          <select
            value={person}
            onChange={(e) => setPerson(e.target.value)}
            data-testid="event-person"
          >
            <option value="">{people.length ? t('personNone') : t('noPeople')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {extension && (
        <label>
          <span>{t(inDays ? 'daysLabel' : 'monthsLabel')}</span>
          <input
            value={amount}
            inputMode="numeric"
            onChange={(e) => setAmount(e.target.value)}
            data-testid="event-amount"
          />
        </label>
      )}
      <label>
        <span>{t('decisionLabel')}</span>
        <input value={decision} maxLength={300} onChange={(e) => setDecision(e.target.value)} />
      </label>
      <label>
        <span>{t('pagesLabel')}</span>
        <input
          value={pages}
          maxLength={100}
          placeholder="BL 12–15"
          onChange={(e) => setPages(e.target.value)}
        />
      </label>
      <label>
        <span>{t('noteLabel')}</span>
        <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="deadline-form__buttons">
        <button type="submit" className="primary" data-testid="event-save">
          {t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
