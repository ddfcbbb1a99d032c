import type * as Y from 'yjs';
import { boardsOf, eachRecord, recordAt, registerOf, textField } from './doc.ts';
import { listLinks } from './commands/links.ts';
import { listNodes } from './commands/nodes.ts';
import { listEntities } from './commands/register.ts';
import { compareVietnamese } from './text.ts';
import { parseCaseTime, type CaseTime } from './time.ts';

/**
 * The case timeline: the register's events on a time axis, one lane per person involved. Pure
 * reading of the document; the timeline board draws it.
 */

export interface TimelineItem {
  id: string;
  name: string;
  start: CaseTime;
  /** Present when the event has an end: it is drawn as a bar up to `end.until`. */
  end?: CaseTime;
  place?: string;
  /** Person ids; empty for an event nobody is linked to. */
  people: string[];
  /** Evidence items linked to it: its own list and links on evidence charts. */
  evidence: Array<{ id: string; name: string }>;
}

export interface TimelineLane {
  /** A person id, or '' for events that name nobody. */
  id: string;
  name: string;
}

export interface Timeline {
  items: TimelineItem[];
  lanes: TimelineLane[];
  /** Events whose start cannot be read as a time, by name. */
  untimed: Array<{ id: string; name: string; start?: string }>;
  /** The span of every item, or null when nothing has a time. */
  span: { from: number; to: number } | null;
}

/** Evidence linked to each event on the case's evidence charts, by any link. */
function chartEvidence(doc: Y.Doc): Map<string, Set<string>> {
  const register = registerOf(doc);
  const found = new Map<string, Set<string>>();
  eachRecord(boardsOf(doc), (board, boardId) => {
    if (board.get('kind') !== 'evidence') return;
    const entity = new Map<string, string>();
    for (const node of listNodes(doc, boardId)) if (node.entity) entity.set(node.id, node.entity);
    for (const link of listLinks(doc, boardId)) {
      const a = entity.get(link.source);
      const b = entity.get(link.target);
      if (!a || !b) continue;
      for (const [event, evidence] of [
        [a, b],
        [b, a],
      ] as const) {
        if (recordAt(register, event)?.get('kind') !== 'event') continue;
        if (recordAt(register, evidence)?.get('kind') !== 'evidence') continue;
        let set = found.get(event);
        if (!set) found.set(event, (set = new Set()));
        set.add(evidence);
      }
    }
  });
  return found;
}

/**
 * Reads the timeline of a case: events in time order (then by name), lanes in the order of each
 * person's first event, the lane of events without people last.
 */
export function readTimeline(doc: Y.Doc): Timeline {
  const register = registerOf(doc);
  const linked = chartEvidence(doc);
  const items: TimelineItem[] = [];
  const untimed: Timeline['untimed'] = [];
  for (const event of listEntities(doc, 'event')) {
    const fields = event as { start?: string; end?: string; place?: string; people?: string[] };
    const start = parseCaseTime(fields.start);
    if (!start) {
      untimed.push({
        id: event.id,
        name: event.name,
        ...(fields.start ? { start: fields.start } : {}),
      });
      continue;
    }
    const end = parseCaseTime(fields.end);
    const evidenceIds = new Set([
      ...((event as { evidence?: string[] }).evidence ?? []),
      ...(linked.get(event.id) ?? []),
    ]);
    const evidence = [...evidenceIds]
      .map((id) => ({ id, name: textField(recordAt(register, id), 'name') }))
      .filter((e) => recordAt(register, e.id)?.get('kind') === 'evidence')
      .sort((a, b) => compareVietnamese(a.name, b.name));
    items.push({
      id: event.id,
      name: event.name,
      start,
      ...(end && end.until > start.at ? { end } : {}),
      ...(fields.place ? { place: fields.place } : {}),
      people: (fields.people ?? []).filter(
        (id) => recordAt(register, id)?.get('kind') === 'person',
      ),
      evidence,
    });
  }
  items.sort(
    (a, b) =>
      a.start.at - b.start.at || compareVietnamese(a.name, b.name) || (a.id < b.id ? -1 : 1),
  );
  const lanes: TimelineLane[] = [];
  const seen = new Set<string>();
  let nobody = false;
  for (const item of items) {
    if (item.people.length === 0) nobody = true;
    for (const person of item.people) {
      if (seen.has(person)) continue;
      seen.add(person);
      lanes.push({ id: person, name: textField(recordAt(register, person), 'name') });
    }
  }
  if (nobody) lanes.push({ id: '', name: '' });
  const span =
    items.length === 0
      ? null
      : {
          from: Math.min(...items.map((i) => i.start.at)),
          to: Math.max(...items.map((i) => (i.end ? i.end.until : i.start.until))),
        };
  return { items, lanes, untimed, span };
}

/** A tick step on the time axis, from minutes to years, for a scale in milliseconds per pixel. */
export interface TickStep {
  unit: 'minute' | 'hour' | 'day' | 'month' | 'year';
  count: number;
}

const STEPS: TickStep[] = [
  { unit: 'minute', count: 1 },
  { unit: 'minute', count: 5 },
  { unit: 'minute', count: 15 },
  { unit: 'minute', count: 30 },
  { unit: 'hour', count: 1 },
  { unit: 'hour', count: 3 },
  { unit: 'hour', count: 6 },
  { unit: 'hour', count: 12 },
  { unit: 'day', count: 1 },
  { unit: 'day', count: 7 },
  { unit: 'month', count: 1 },
  { unit: 'month', count: 3 },
  { unit: 'year', count: 1 },
  { unit: 'year', count: 5 },
  { unit: 'year', count: 10 },
];
const UNIT_MS = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  month: 2_629_800_000,
  year: 31_557_600_000,
};

/** The smallest step whose ticks are at least `minPx` apart. */
export function tickStep(msPerPx: number, minPx = 90): TickStep {
  for (const step of STEPS) if ((UNIT_MS[step.unit] * step.count) / msPerPx >= minPx) return step;
  return STEPS[STEPS.length - 1]!;
}

/** Tick instants (UTC-coded local time) from `from` to `to`, aligned to calendar units. */
export function ticks(from: number, to: number, step: TickStep): number[] {
  const d = new Date(from);
  const out: number[] = [];
  let t: number;
  switch (step.unit) {
    case 'year': {
      const y = Math.floor(d.getUTCFullYear() / step.count) * step.count;
      for (let year = y; (t = Date.UTC(year, 0, 1)) <= to; year += step.count)
        if (t >= from) out.push(t);
      return out;
    }
    case 'month': {
      const m = Math.floor(d.getUTCMonth() / step.count) * step.count;
      for (let i = 0; (t = Date.UTC(d.getUTCFullYear(), m + i * step.count, 1)) <= to; i++)
        if (t >= from) out.push(t);
      return out;
    }
    default: {
      const size = UNIT_MS[step.unit] * step.count;
      for (t = Math.ceil(from / size) * size; t <= to; t += size) out.push(t);
      return out;
    }
  }
}
