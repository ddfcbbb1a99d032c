import { useTranslation } from 'react-i18next';
import type { Deadline } from '../core/procedure/index.ts';
import { formatDate } from '../ui/dates.ts';
import { daysLeftText, dueText, durationText } from './format.ts';

/**
 * Deadlines with their due day, days left, rule and source and the extension still possible,
 * coloured by how close they are, always with the words too (`status`), never by colour alone.
 */
export function DeadlineList({
  deadlines,
  people,
  lang,
}: {
  deadlines: readonly Deadline[];
  people: Readonly<Record<string, string>>;
  lang: string;
}) {
  const { t } = useTranslation('deadlines');
  return (
    <ul className="deadline-list" data-testid="deadline-list">
      {deadlines.map((d) => {
        const next = durationText(t, d.extension.upTo);
        const limit = d.extension.limitDue ? formatDate(d.extension.limitDue, lang) : '';
        return (
          <li
            key={d.id}
            className={`deadline deadline--${d.status}`}
            data-testid="deadline"
            data-stage={d.stage}
            data-status={d.status}
            data-due={d.due}
            data-person={d.personId ?? ''}
          >
            <div className="deadline__head">
              <strong>
                {t(`stage.${d.stage}`)}
                {d.personId && ` — ${people[d.personId] ?? '?'}`}
              </strong>
              <span className="deadline__status" data-testid="deadline-status">
                {t(`status.${d.status}`)}
              </span>
            </div>
            <div className="deadline__due">
              <span data-testid="deadline-due">{dueText(t, d, lang)}</span>
              {d.status !== 'done' && <span> · {daysLeftText(t, d)}</span>}
            </div>
            <div className="deadline__detail">
              {t('from', { date: formatDate(d.start, lang) })} · {t('rule', { source: d.source })}
            </div>
            {d.status !== 'done' && (
              <div className="deadline__detail" data-testid="deadline-extension">
                {d.extensions > 0 && `${t('extensionsGranted', { count: d.extensions })} `}
                {d.extension.possible
                  ? t(
                      d.extension.byProsecutorGeneral
                        ? 'extensionProsecutorGeneral'
                        : 'extensionUpTo',
                      {
                        duration: next,
                        date: limit,
                      },
                    )
                  : t('extensionNone')}
                {d.extensionSource && d.extension.possible && ` (${d.extensionSource})`}
              </div>
            )}
            {d.overLimit && <div className="deadline__warning">{t('overLimit')}</div>}
          </li>
        );
      })}
    </ul>
  );
}
