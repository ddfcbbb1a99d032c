import * as Y from 'yjs';
import {
  addDays,
  custodyEnd,
  daysBetween,
  longerThan,
  nextWorkingDay,
  periodEnd,
  type Duration,
} from './calendar.ts';
import { caseClass, chargeClasses } from './charges.ts';
import type { OffenceClass } from './classes.ts';
import { PERSONAL_KINDS, type ProcedureEvent } from './events.ts';
import { readDeadlineInput, sortEvents, type DeadlineInput } from './model.ts';
import { DEADLINE_RULES, ruleInForce, type DeadlineRule, type DeadlineStage } from './rules.ts';

export type DeadlineStatus = 'ok' | 'soon7' | 'soon3' | 'overdue' | 'done';

/** One procedural deadline of a case, computed from its events (`computeDeadlines`). */
export interface Deadline {
  /** `<ruleId>:<personId or 'case'>`, stable while the period runs. */
  id: string;
  stage: DeadlineStage;
  /** The register person it runs for (custody, detention). */
  personId?: string;
  /** The day the period started (the event that started it). */
  start: string;
  /** The last day, after the extensions granted, moved off a day off where the law says so. */
  due: string;
  /** Custody counted in hours from the time of receipt: the time of day it ends. */
  dueTime?: string;
  /** Days from today to `due`; negative once it has passed. */
  daysLeft: number;
  ruleId: string;
  /** 'Điều 172 khoản 1 BLTTHS 2015'. */
  source: string;
  extensionSource?: string;
  /** Extensions granted so far. */
  extensions: number;
  extension: {
    possible: boolean;
    /** The next extension's maximum. */
    upTo?: Duration;
    /** The last day once every extension the law allows is granted in full. */
    limitDue?: string;
    /** The next extension is the Prosecutor General's further one (Điều 172, 173 khoản 4). */
    byProsecutorGeneral?: boolean;
  };
  /** The class it was computed for; absent where the class does not matter (custody). */
  offenceClass?: OffenceClass;
  /** An extension granted more than the law allows at that step. */
  overLimit?: boolean;
  status: DeadlineStatus;
}

/** How close a due day is: done, overdue, within 3 days, within 7, or further. */
export function deadlineStatus(daysLeft: number, done: boolean): DeadlineStatus {
  if (done) return 'done';
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 3) return 'soon3';
  if (daysLeft <= 7) return 'soon7';
  return 'ok';
}

const classMatters = (rule: DeadlineRule) =>
  new Set(Object.values(rule.base).map((d) => JSON.stringify(d))).size > 1 ||
  new Set(Object.values(rule.extensions).map((d) => JSON.stringify(d))).size > 1;

/** A period's end as its counting has it, with the time of day for hours from a known time. */
interface End {
  day: string;
  time?: string;
}

function extend(rule: DeadlineRule, end: End, by: Duration): End {
  if (rule.counting === 'calendar') return { day: periodEnd(end.day, by) };
  const days = (by.months ?? 0) * 30 + (by.days ?? 0) + Math.ceil((by.hours ?? 0) / 24);
  return { ...end, day: addDays(end.day, days) };
}

function firstEnd(rule: DeadlineRule, start: ProcedureEvent, base: Duration): End {
  if (rule.counting === 'calendar') return { day: periodEnd(start.date, base) };
  if (base.hours && start.time)
    return { day: addDays(start.date, Math.ceil(base.hours / 24)), time: start.time };
  return { day: custodyEnd(start.date, base) };
}

/** What an extension event granted: its duration, or in full when it gives none. */
function granted(event: ProcedureEvent, allowed: Duration | undefined): Duration {
  const given: Duration = {
    ...(event.months ? { months: event.months } : {}),
    ...(event.days ? { days: event.days } : {}),
    ...(event.hours ? { hours: event.hours } : {}),
  };
  return Object.keys(given).length > 0 ? given : (allowed ?? {});
}

/** Events of the start's day count as after it: a decision is often dated the day it starts. */
const isAfter = (event: ProcedureEvent, start: ProcedureEvent) =>
  event !== start && event.date >= start.date;

function deadlineOf(
  rule: DeadlineRule,
  start: ProcedureEvent,
  events: ProcedureEvent[],
  cls: OffenceClass,
  today: string,
): Deadline {
  const person = rule.perPerson ? start.person : undefined;
  const mine = (e: ProcedureEvent) => !PERSONAL_KINDS.has(e.kind) || e.person === person;
  const later = events.filter((e) => isAfter(e, start) && mine(e));
  const allowed = rule.extensions[cls];
  const special = rule.special?.[cls];
  const steps = special ? [...allowed, special] : [...allowed];
  let end = firstEnd(rule, start, rule.base[cls]);
  let count = 0;
  let overLimit = false;
  for (const event of later.filter((e) => e.kind === rule.extendedBy)) {
    const limit = steps[count];
    const grant = granted(event, limit);
    if (!limit || longerThan(grant, limit)) overLimit = true;
    end = extend(rule, end, grant);
    count++;
  }
  let limitEnd = firstEnd(rule, start, rule.base[cls]);
  for (const step of steps) limitEnd = extend(rule, limitEnd, step);
  const settle = (day: string) => (rule.counting === 'calendar' ? nextWorkingDay(day) : day);
  const due = settle(end.day);
  const done = later.some((e) => rule.endsOn.includes(e.kind));
  const daysLeft = daysBetween(today, due);
  const next = steps[count];
  return {
    id: `${rule.id}:${person ?? 'case'}`,
    stage: rule.stage,
    ...(person ? { personId: person } : {}),
    start: start.date,
    due,
    ...(end.time ? { dueTime: end.time } : {}),
    daysLeft,
    ruleId: rule.id,
    source: rule.source,
    ...(rule.extensionSource ? { extensionSource: rule.extensionSource } : {}),
    extensions: count,
    extension: {
      // An extension is decided before the period ends (e.g. Điều 173 khoản 2: 10 days before).
      possible: !done && next !== undefined && daysLeft >= 0,
      ...(next ? { upTo: next } : {}),
      ...(steps.length > 0 ? { limitDue: settle(limitEnd.day) } : {}),
      ...(next && special && count === allowed.length ? { byProsecutorGeneral: true } : {}),
    },
    ...(classMatters(rule) ? { offenceClass: cls } : {}),
    ...(overLimit ? { overLimit } : {}),
    status: deadlineStatus(daysLeft, done),
  };
}

/**
 * The procedural deadlines of a case on `today` ('YYYY-MM-DD'), nearest first: for each period of
 * DEADLINE_RULES (rules.ts), the latest event that starts it (per person for custody and
 * detention) with the extensions granted after it, for the case's class (the most serious of its
 * charges, charges.ts). Periods whose length depends on the class are left out while no charge
 * has one. Pure: the page, the server and the checklist call it alike.
 * @example computeDeadlines(doc, '2026-05-12')[0] // { stage: 'detention', due: '2026-06-08', status: 'ok', … }
 */
export function computeDeadlines(source: Y.Doc | DeadlineInput, today: string): Deadline[] {
  const input = source instanceof Y.Doc ? readDeadlineInput(source) : source;
  const events = sortEvents(input.procedure.events);
  const cls = caseClass(chargeClasses(input.offences, input.procedure.charges, today));
  const out: Deadline[] = [];
  const ruleIds = [...new Set(DEADLINE_RULES.map((r) => r.id))];
  for (const id of ruleIds) {
    const any = DEADLINE_RULES.find((r) => r.id === id)!;
    const starts = events.filter((e) => e.kind === any.startsOn);
    // The latest start per person (or for the case) starts the period again.
    const latest = new Map<string, ProcedureEvent>();
    for (const event of starts) latest.set(any.perPerson ? (event.person ?? '') : '', event);
    for (const start of latest.values()) {
      const rule = ruleInForce(id, start.date);
      if (!rule || (any.perPerson && !start.person)) continue;
      if (!cls && classMatters(rule)) continue;
      out.push(deadlineOf(rule, start, events, cls ?? 'less-serious', today));
    }
  }
  return out.sort(
    (a, b) =>
      Number(a.status === 'done') - Number(b.status === 'done') ||
      a.due.localeCompare(b.due) ||
      a.id.localeCompare(b.id),
  );
}
