import type { TFunction } from 'i18next';
import type { AuditEntry } from '../sync/api.ts';
import { formatDateTime } from '../ui/dates.ts';

/** Display names by username, as the server sends them with the trail. */
export type PeopleNames = Readonly<Record<string, string>>;

/** i18next reads dots as nesting: `case.created` is looked up as `case_created`. */
const keyOf = (action: string) => action.replace(/\./g, '_');

const str = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** Bytes as people read them: 12 KB, 3.4 MB. */
function size(bytes: unknown, lang: string): string {
  const n = typeof bytes === 'number' ? bytes : 0;
  const [value, unit] =
    n >= 1024 * 1024 ? [n / (1024 * 1024), 'MB'] : n >= 1024 ? [n / 1024, 'KB'] : [n, 'B'];
  return `${value.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 })} ${unit}`;
}

/** "1 giờ 5 phút", "3 minutes"… from seconds. */
function duration(seconds: unknown, t: TFunction): string {
  const s = typeof seconds === 'number' ? seconds : 0;
  if (s < 60) return t('audit.seconds', { count: s });
  const minutes = Math.round(s / 60);
  if (minutes < 60) return t('audit.minutes', { count: minutes });
  return t('audit.hours', { count: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * One trail entry as a sentence in the reader's language: "Trần Thị Lan đã đăng nhập từ 10.0.0.5".
 * Every known action has its sentence in the `history` texts (`audit.says.*`); an unknown one
 * (from a newer server) still reads as "person: action".
 *
 * @example auditSentence({ action: 'login', actor: 'ksv.lan', detail: { address: '10.0.0.5' }, … },
 *   { 'ksv.lan': 'Trần Thị Lan' }, t, 'vi') // 'Trần Thị Lan đã đăng nhập từ 10.0.0.5'
 */
export function auditSentence(
  entry: AuditEntry,
  names: PeopleNames,
  t: TFunction,
  lang: string,
): string {
  const d = entry.detail ?? {};
  const person = (username: unknown) => {
    const u = str(username);
    return names[u] ?? u;
  };
  const role = (value: unknown) =>
    str(value) ? t(`roles.${str(value)}`, { ns: 'translation' }) : '';
  const who = entry.actor.startsWith('link:')
    ? t('audit.linkActor', { label: str(d.label) || entry.actor.slice(5) })
    : person(entry.actor);
  const values: Record<string, unknown> = { who };
  switch (entry.action) {
    case 'login':
    case 'logout':
    case 'password.changed':
      values.address = str(d.address);
      break;
    case 'login.failed':
      values.address = str(d.address);
      values.username = entry.actor;
      break;
    case 'case.created':
      values.title = str(d.title);
      break;
    case 'case.renamed':
      values.from = str(d.from);
      values.to = str(d.to);
      break;
    case 'case.updated': {
      const changed = Object.keys((d.changed as Record<string, unknown> | undefined) ?? {});
      values.fields = changed
        .map((key) => t(`audit.fields.${key}`, { defaultValue: key }))
        .join(', ');
      break;
    }
    case 'member.added':
    case 'member.role':
    case 'member.removed':
      values.member = person(d.member);
      values.role = role(d.role);
      values.from = role(d.from);
      break;
    case 'connection':
      values.duration = duration(d.seconds, t);
      values.role = role(d.role);
      break;
    case 'edit': {
      const boards = Array.isArray(d.boards)
        ? d.boards.map((b) => `“${str((b as { title?: unknown }).title)}”`)
        : [];
      const areas = Array.isArray(d.areas)
        ? d.areas
            .filter((a) => a !== 'boards')
            .map((a) => t(`audit.areas.${str(a)}`, { defaultValue: str(a) }))
        : [];
      values.count = typeof d.changes === 'number' ? d.changes : 0;
      values.where = [...boards, ...areas].join(', ') || t('audit.areas.case');
      break;
    }
    case 'file.uploaded':
      values.name = str(d.name);
      values.size = size(d.size, lang);
      break;
    case 'file.read':
      values.name = str(d.name);
      break;
    case 'export':
      values.what = t(`audit.exports.${str(d.what)}`, { defaultValue: str(d.what) });
      values.format = str(d.format).toUpperCase();
      values.title = str(d.title);
      return t(d.title ? 'audit.says.exportTitled' : 'audit.says.export', values);
    case 'version.created':
      values.name = str(d.name).startsWith('auto:')
        ? t(`auto.${str(d.name).slice(5)}`)
        : str(d.name);
      if (str(d.kind) === 'auto' || entry.actor === 'server')
        return t('audit.says.versionAuto', values);
      break;
    case 'version.restored':
      values.name = str(d.name).startsWith('auto:')
        ? t(`auto.${str(d.name).slice(5)}`)
        : str(d.name);
      values.madeAt = str(d.madeAt) ? formatDateTime(str(d.madeAt), lang) : '';
      break;
    case 'link.create':
      values.label = str(d.label);
      values.expires = str(d.expiresAt) ? formatDateTime(str(d.expiresAt), lang) : '';
      break;
    case 'link.used':
      values.what = t(`audit.linkUse.${str(d.what)}`, { defaultValue: str(d.what) });
      values.address = str(d.address);
      break;
    case 'case.archived':
    case 'case.unarchived':
    case 'link.revoke':
      break;
    case 'edit.refused':
      values.count = typeof d.count === 'number' ? d.count : 0;
      break;
    case 'present.started':
      values.from = str(d.tookOverFrom);
      if (values.from) return t('audit.says.presentTookOver', values);
      break;
    case 'present.shown':
    case 'present.image':
      values.slide = typeof d.slide === 'number' ? d.slide + 1 : '?';
      values.title = str(d.title);
      if (d.black === true) return t('audit.says.presentBlack', values);
      if (entry.action === 'present.shown' && values.title)
        return t('audit.says.presentShownTitled', values);
      break;
    case 'present.ended':
      values.presenter = str(d.presenter);
      break;
    case 'case.backup':
      values.files = typeof d.files === 'number' ? d.files : 0;
      values.size = size(d.bytes, lang);
      break;
    case 'case.restore':
      values.files = typeof d.files === 'number' ? d.files : 0;
      values.from = str(d.from) ? formatDateTime(str(d.from), lang) : '';
      break;
    case 'note.created':
    case 'note.replied':
      values.text = str(d.text);
      break;
    case 'note.resolved':
    case 'note.reopened':
      break;
    case 'settings.changed':
      values.days = typeof d.autoVersionDays === 'number' ? d.autoVersionDays : 0;
      if (values.days === 0) return t('audit.says.settingsForever', values);
      break;
    default:
      return t('audit.says.unknown', { who, action: entry.action });
  }
  return t(`audit.says.${keyOf(entry.action)}`, values);
}

/** The name of an action kind, for the filter (the raw code when this page does not know it). */
export function actionName(action: string, t: TFunction): string {
  return t(`audit.kinds.${keyOf(action)}`, { defaultValue: action });
}
