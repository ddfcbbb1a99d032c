import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CalendarClock, Download, Pencil, Plus, Trash2 } from 'lucide-react';
import { metaOf, readMeta, registerOf } from '../core/doc.ts';
import { listEntities } from '../core/commands/register.ts';
import {
  addProcedureEvent,
  caseClass,
  chargeClasses,
  computeDeadlines,
  deleteProcedureEvent,
  procedureOf,
  readProcedure,
  todayIn,
  updateProcedureEvent,
} from '../core/procedure/index.ts';
import { useDoc } from '../sync/useDoc.ts';
import { formatDate } from '../ui/dates.ts';
import { ChargeClasses } from './ChargeClasses.tsx';
import { DeadlineList } from './DeadlineList.tsx';
import { EventForm } from './EventForm.tsx';
import './deadlines.css';

const watch = (d: Y.Doc) => [procedureOf(d), metaOf(d), registerOf(d)];
const read = (d: Y.Doc) => ({
  offences: readMeta(d).offences,
  procedure: readProcedure(d),
  people: listEntities(d, 'person').map((p) => ({ id: p.id, name: p.name })),
});

/**
 * The case's procedural deadlines beside the board: the charges and their class, the deadlines
 * nearest first, and the procedural events they come from, added, edited and deleted here.
 */
export function DeadlinesPanel({
  caseId,
  doc,
  origin,
  readOnly,
  author,
  lang,
}: {
  caseId: string;
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  author: string;
  lang: string;
}) {
  const { t } = useTranslation('deadlines');
  const data = useDoc(doc, watch, read);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const today = todayIn();
  const charges = useMemo(
    () => chargeClasses(data.offences, data.procedure.charges, today),
    [data, today],
  );
  const deadlines = useMemo(() => computeDeadlines(data, today), [data, today]);
  const names = useMemo(() => Object.fromEntries(data.people.map((p) => [p.id, p.name])), [data]);
  const known = caseClass(charges) !== null;

  return (
    <aside className="side-panel deadlines-panel" data-testid="deadlines-panel">
      <h2>
        <CalendarClock size={16} /> {t('title')}
        <a
          className="button deadlines-panel__ics"
          href={`/api/cases/${caseId}/deadlines.ics`}
          download
          data-testid="deadlines-ics"
        >
          <Download size={14} /> {t('calendar')}
        </a>
      </h2>
      <h3>{t('charges')}</h3>
      <ChargeClasses
        doc={doc}
        origin={origin}
        charges={charges}
        readOnly={readOnly}
        author={author}
        lang={lang}
      />
      <h3>{t('deadlines')}</h3>
      {!known && <p className="notice">{t('classUnknown')}</p>}
      {deadlines.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <DeadlineList deadlines={deadlines} people={names} lang={lang} />
      )}
      <h3>{t('events')}</h3>
      {!readOnly && editing === null && (
        <button type="button" onClick={() => setEditing('new')} data-testid="event-add">
          <Plus size={14} /> {t('add')}
        </button>
      )}
      {editing === 'new' && (
        <EventForm
          people={data.people}
          onCancel={() => setEditing(null)}
          onSubmit={(fields) => {
            addProcedureEvent(doc, { ...fields, by: author }, origin);
            setEditing(null);
          }}
        />
      )}
      {data.procedure.events.length === 0 && <p className="muted">{t('noEvents')}</p>}
      <ul className="procedure-events" data-testid="procedure-events">
        {[...data.procedure.events].reverse().map((event) =>
          editing === event.id ? (
            <li key={event.id}>
              <EventForm
                initial={event}
                people={data.people}
                onCancel={() => setEditing(null)}
                onSubmit={(fields) => {
                  updateProcedureEvent(doc, { ...fields, id: event.id, by: author }, origin);
                  setEditing(null);
                }}
              />
            </li>
          ) : (
            <li
              key={event.id}
              className="procedure-event"
              data-testid="procedure-event"
              data-kind={event.kind}
            >
              <span className="procedure-event__date">
                {formatDate(event.date, lang)}
                {event.time && ` ${event.time}`}
              </span>
              <span className="procedure-event__text">
                {t(`kind.${event.kind}`)}
                {event.person && ` — ${names[event.person] ?? '?'}`}
                {(event.months || event.days) &&
                  ` (+${event.months ? t('months', { count: event.months }) : t('days', { count: event.days })})`}
                {event.decision && <span className="muted"> · {event.decision}</span>}
                {event.pages && <span className="muted"> · {event.pages}</span>}
              </span>
              {!readOnly && (
                <span className="procedure-event__actions">
                  <button
                    type="button"
                    title={t('edit')}
                    aria-label={t('edit')}
                    onClick={() => setEditing(event.id)}
                  >
                    <Pencil size={13} />
                  </button>
                  <button
                    type="button"
                    title={t('delete')}
                    aria-label={t('delete')}
                    data-testid="event-delete"
                    onClick={() => {
                      if (window.confirm(t('deleteConfirm', { name: t(`kind.${event.kind}`) })))
                        deleteProcedureEvent(doc, { id: event.id }, origin);
                    }}
                  >
                    <Trash2 size={13} />
                  </button>
                </span>
              )}
            </li>
          ),
        )}
      </ul>
    </aside>
  );
}
