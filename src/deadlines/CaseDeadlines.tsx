import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarClock, Download } from 'lucide-react';
import type { CalendarDeadline } from '../core/procedure/index.ts';
import { api } from '../sync/api.ts';
import { formatDate } from '../ui/dates.ts';
import { daysLeftText, dueText } from './format.ts';
import './deadlines.css';

/** How many of the nearest deadlines the case list shows. */
const SHOWN = 8;

/**
 * The nearest running deadlines of all one's cases, on the case list: computed by the server from
 * the stored documents (GET /api/deadlines), each opening its case; with the calendar of them all.
 */
export function CaseDeadlines({ onOpen, lang }: { onOpen(caseId: string): void; lang: string }) {
  const { t } = useTranslation('deadlines');
  const [list, setList] = useState<CalendarDeadline[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api<{ deadlines: CalendarDeadline[] }>('GET', '/api/deadlines').then(
      (res) => setList(res.deadlines),
      () => setFailed(true),
    );
  }, []);
  if (failed) return <p className="muted">{t('listLoadFailed')}</p>;
  if (!list) return null;
  return (
    <section className="case-deadlines" data-testid="case-deadlines">
      <div className="case-deadlines__head">
        <h2>
          <CalendarClock size={16} /> {t('list')}
        </h2>
        <a className="button" href="/api/deadlines.ics" download data-testid="deadlines-ics-all">
          <Download size={14} /> {t('calendarAll')}
        </a>
      </div>
      {list.length === 0 ? (
        <p className="muted">{t('listNone')}</p>
      ) : (
        <ul className="deadline-list">
          {list.slice(0, SHOWN).map((d) => (
            <li
              key={`${d.caseId}/${d.id}`}
              className={`deadline deadline--${d.status}`}
              data-testid="case-deadline"
              data-status={d.status}
              data-due={d.due}
              data-case={d.caseId}
            >
              <div className="deadline__head">
                <a
                  href={`/cases/${d.caseId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(d.caseId);
                  }}
                >
                  <strong>
                    {t(`stage.${d.stage}`)}
                    {d.personName && ` — ${d.personName}`}
                  </strong>
                </a>
                <span className="deadline__status">{t(`status.${d.status}`)}</span>
              </div>
              <div className="deadline__due">
                {dueText(t, d, lang)} · {daysLeftText(t, d)}
              </div>
              <div className="deadline__detail deadline__case">
                {d.caseTitle} · {t('from', { date: formatDate(d.start, lang) })} · {d.source}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
