import type { TFunction } from 'i18next';
import type { Deadline, Duration } from '../core/procedure/index.ts';
import { formatDate } from '../ui/dates.ts';

/** '1 tháng', '10 ngày', '3 months 10 days'. */
export function durationText(t: TFunction, duration: Duration | undefined): string {
  if (!duration) return '';
  const parts: string[] = [];
  if (duration.months) parts.push(t('deadlines:months', { count: duration.months }));
  if (duration.days) parts.push(t('deadlines:days', { count: duration.days }));
  if (duration.hours) parts.push(t('deadlines:days', { count: duration.hours / 24 }));
  return parts.join(' ');
}

/** 'còn 5 ngày', 'hết hạn hôm nay', 'quá hạn 2 ngày'. */
export function daysLeftText(t: TFunction, deadline: Deadline): string {
  if (deadline.daysLeft > 0) return t('deadlines:left', { count: deadline.daysLeft });
  if (deadline.daysLeft === 0) return t('deadlines:today');
  return t('deadlines:late', { count: -deadline.daysLeft });
}

/** 'Hết hạn 08/03/2026', 'Due 8 March 2026', with the time of day for custody. */
export function dueText(t: TFunction, deadline: Deadline, lang: string): string {
  const date = formatDate(deadline.due, lang);
  return deadline.dueTime
    ? t('deadlines:dueAt', { date, time: deadline.dueTime })
    : t('deadlines:due', { date });
}
