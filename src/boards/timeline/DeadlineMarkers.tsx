import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { listEntities } from '../../core/commands/register.ts';
import { metaOf, readMeta, registerOf } from '../../core/doc.ts';
import {
  computeDeadlines,
  procedureOf,
  readProcedure,
  todayIn,
  type Deadline,
} from '../../core/procedure/index.ts';
import { formatDate } from '../../ui/dates.ts';
import { useDoc } from '../../sync/useDoc.ts';

const watch = (d: Y.Doc) => [procedureOf(d), metaOf(d), registerOf(d)];

/** The case's running deadlines, with the names of their people, for the timeline. */
function readMarkers(doc: Y.Doc) {
  const deadlines = computeDeadlines(
    { offences: readMeta(doc).offences, procedure: readProcedure(doc) },
    todayIn(),
  ).filter((d) => d.status !== 'done');
  const names = Object.fromEntries(listEntities(doc, 'person').map((p) => [p.id, p.name]));
  return deadlines.map((d) => ({ ...d, personName: d.personId ? names[d.personId] : undefined }));
}

export type DeadlineMarker = Deadline & { personName?: string };

/** The deadlines the timeline marks on their days. */
export function useDeadlineMarkers(doc: Y.Doc): DeadlineMarker[] {
  return useDoc(doc, watch, readMarkers);
}

/** Where a due day is on the time axis (its start, in UTC as case times are). */
export const markerTime = (d: Deadline) => Date.parse(`${d.due}T00:00:00Z`);

/**
 * Deadlines on the time axis: a line on the due day and a flag naming the period, the person, the
 * day and how close it is (in words as well as colour).
 */
export function DeadlineMarkers({
  markers,
  from,
  msPerPx,
  lang,
}: {
  markers: readonly DeadlineMarker[];
  from: number;
  msPerPx: number;
  lang: string;
}) {
  const { t } = useTranslation('deadlines');
  return (
    <div className="timeline__deadlines" aria-label={t('deadlines')}>
      {markers.map((d, i) => {
        const label = `${t(`stage.${d.stage}`)}${d.personName ? ` — ${d.personName}` : ''}: ${formatDate(d.due, lang)}`;
        return (
          <div
            key={d.id}
            className={`timeline-deadline deadline--${d.status}`}
            style={{ left: (markerTime(d) - from) / msPerPx, top: 0 }}
            data-testid="timeline-deadline"
            data-due={d.due}
            data-status={d.status}
            title={`${label} · ${t(`status.${d.status}`)} · ${d.source}`}
          >
            <span className="timeline-deadline__flag" style={{ top: 30 + (i % 4) * 24 }}>
              {label} · {t(`status.${d.status}`)}
            </span>
          </div>
        );
      })}
    </div>
  );
}
