import { normalizePageRef } from '../pages.ts';
import type { MapTopic } from './model.ts';

/**
 * How CaseBoard's topic features travel in other formats: each to its nearest equivalent there
 * (XMind markers, Freeplane icons), and what has none as a label (XMind) or an attribute
 * (Freeplane, OPML) named with the `caseboard:` prefix, so that a trip out and back keeps it.
 * docs/interop.md lists them per format.
 */

/** CaseBoard markers and the XMind marker ids nearest to them (one each, both ways). */
export const XMIND_MARKERS: Readonly<Record<string, string>> = {
  suspect: 'people-red',
  victim: 'people-blue',
  witness: 'people-green',
  expert: 'people-purple',
  'physical-evidence': 'flag-red',
  document: 'symbol-info',
  deadline: 'other-clock',
  warning: 'symbol-exclam',
  question: 'symbol-question',
  done: 'task-done',
};

/** CaseBoard markers and the Freeplane built-in icons nearest to them (one each, both ways). */
export const FREEPLANE_ICONS: Readonly<Record<string, string>> = {
  suspect: 'male1',
  victim: 'female1',
  witness: 'group',
  expert: 'wizard',
  'physical-evidence': 'password',
  document: 'list',
  deadline: 'clock',
  warning: 'messagebox_warning',
  question: 'help',
  done: 'button_ok',
};

const invert = (map: Readonly<Record<string, string>>) =>
  new Map(Object.entries(map).map(([k, v]) => [v, k]));
const FROM_XMIND = invert(XMIND_MARKERS);
const FROM_FREEPLANE = invert(FREEPLANE_ICONS);

/** The CaseBoard marker for an XMind marker id, if there is one. */
export const markerFromXMind = (id: string): string | undefined => FROM_XMIND.get(id);
/** The CaseBoard marker for a Freeplane icon, if there is one. */
export const markerFromFreeplane = (icon: string): string | undefined => FROM_FREEPLANE.get(icon);

/** The prefix of labels and attributes that carry what a format has no place for. */
export const PREFIX = 'caseboard:';

/** Features with no equivalent, written as `caseboard:<name>` (XMind labels `caseboard:<name>=…`). */
export const CARRIED = ['entity', 'image', 'pages', 'boundary'] as const;
export type Carried = (typeof CARRIED)[number];

/** The `caseboard:` fields of a topic as name/value pairs (what a format has no place for). */
export function carriedOf(
  topic: MapTopic,
  skip: readonly Carried[] = [],
): Array<[Carried, string]> {
  const out: Array<[Carried, string]> = [];
  for (const name of CARRIED) {
    if (skip.includes(name)) continue;
    const value = topic[name];
    if (typeof value === 'string' && (value !== '' || name === 'boundary')) out.push([name, value]);
  }
  return out;
}

/** Applies one `caseboard:` name/value read back from a file; false when the name is not ours. */
export function applyCarried(topic: MapTopic, name: string, value: string): boolean {
  if (!name.startsWith(PREFIX)) return false;
  const field = name.slice(PREFIX.length);
  if (!(CARRIED as readonly string[]).includes(field)) return false;
  topic[field as Carried] = value;
  return true;
}

/** A case-file page reference as an XMind label ("BL 12–15"), and back. */
export const pagesLabel = (pages: string) => (/^BL\s/.test(pages) ? pages : `BL ${pages}`);
export const pagesFromLabel = (label: string): string | undefined =>
  /^BL\s+\d/.test(label) ? (normalizePageRef(label) ?? undefined) || undefined : undefined;

/** `#rrggbb` in lower case, or undefined for anything else. */
export function hexColor(value: string | undefined): string | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(value?.trim() ?? '');
  return match ? `#${match[1]!.toLowerCase()}` : undefined;
}

/**
 * What other programs keep and a CaseBoard topic has no field for (a link, labels, attributes,
 * icons, the side of a main topic) is kept at the end of its note, one tagged line each:
 * `[link] …`, `[label] …`, `[attr] name: value`, `[icon] …`, `[side] left`. Exports read the lines
 * back into the fields, so a trip through CaseBoard keeps them.
 */
const TAG = /^\[(link|label|attr|icon|side)\] (.*)$/;

/** The tagged note lines for what a topic has beyond CaseBoard's fields. */
export function extraLines(topic: MapTopic): string[] {
  const one = (text: string) => text.replace(/\s*\n\s*/g, ' ');
  return [
    ...(topic.href ? [`[link] ${one(topic.href)}`] : []),
    ...(topic.labels ?? []).map((l) => `[label] ${one(l)}`),
    ...(topic.attributes ?? []).map((a) => `[attr] ${one(a.name)}: ${one(a.value)}`),
    ...(topic.icons ?? []).map((i) => `[icon] ${one(i)}`),
    ...(topic.side ? [`[side] ${topic.side}`] : []),
  ];
}

/** A note with the tagged lines of `extraLines` after it (a blank line between). */
export function noteWithExtras(topic: MapTopic): string | undefined {
  const lines = extraLines(topic);
  const note = [topic.note ?? '', lines.join('\n')].filter(Boolean).join('\n\n');
  return note || undefined;
}

/** Splits a stored note into the note proper and the fields its trailing tagged lines carry. */
export function readExtras(note: string, topic: MapTopic): string | undefined {
  const lines = note.split('\n');
  let start = lines.length;
  while (start > 0 && TAG.test(lines[start - 1]!)) start--;
  if (start === lines.length) return note;
  for (const line of lines.slice(start)) {
    const [, tag, value] = TAG.exec(line)!;
    if (tag === 'link') topic.href = value!;
    else if (tag === 'label') (topic.labels ??= []).push(value!);
    else if (tag === 'icon') (topic.icons ??= []).push(value!);
    else if (tag === 'side' && (value === 'left' || value === 'right')) topic.side = value;
    else if (tag === 'attr') {
      const colon = value!.indexOf(': ');
      const name = colon >= 0 ? value!.slice(0, colon) : value!;
      (topic.attributes ??= []).push({ name, value: colon >= 0 ? value!.slice(colon + 2) : '' });
    }
  }
  const rest = lines.slice(0, start).join('\n').trim();
  return rest || undefined;
}
