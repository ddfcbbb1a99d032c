import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  caseClass,
  chargeClasses,
  classOfPenalty,
  computeDeadlines,
  custodyEnd,
  DEADLINE_RULES,
  describeCharge,
  isDayOff,
  nextWorkingDay,
  offenceClass,
  PENALTY_CLAUSES,
  periodEnd,
  type DeadlineInput,
  type ProcedureEvent,
  type ProcedureEventFields,
} from '../../src/core/procedure/index.ts';
import { findOffence, formatOffence, isOffenceRef, withClause } from '../../src/core/offences.ts';

let n = 0;
const ev = (fields: ProcedureEventFields): ProcedureEvent => ({
  type: 'event',
  id: `e${String(++n).padStart(3, '0')}`,
  ...fields,
});
const input = (offences: string[], ...events: ProcedureEvent[]): DeadlineInput => ({
  offences,
  procedure: { events, charges: [] },
});
const byRule = (i: DeadlineInput, today: string, ruleId: string, person?: string) =>
  computeDeadlines(i, today).find((d) => d.ruleId === ruleId && d.personId === person);

describe('counting days as Điều 134 BLTTHS does', () => {
  it('ends a month period on the same-numbered day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29'); // leap year
    expect(addMonths('2025-08-31', 3)).toBe('2025-11-30');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15'); // across a year
    expect(periodEnd('2026-03-02', { days: 20 })).toBe('2026-03-22');
  });

  it('moves a day off to the next working day, across weekends and Tết', () => {
    expect(isDayOff('2026-02-17')).toBe(true); // mùng 1 Tết Bính Ngọ
    expect(nextWorkingDay('2026-02-14')).toBe('2026-02-23'); // Sat → Tết → Mon after
    expect(nextWorkingDay('2026-03-05')).toBe('2026-03-05');
    expect(nextWorkingDay('2025-04-30')).toBe('2025-05-05'); // 30/4, 1/5, 2/5, weekend
  });

  it('counts custody and detention in 30-day months, the first day counted, days off too', () => {
    expect(custodyEnd('2026-01-10', { months: 2 })).toBe('2026-03-10');
    expect(custodyEnd('2026-03-01', { days: 3 })).toBe('2026-03-03');
  });
});

describe('offence classes by clause (Điều 9 BLHS)', () => {
  it('follows the highest penalty of the clause', () => {
    expect(classOfPenalty(3)).toBe('less-serious');
    expect(classOfPenalty(7)).toBe('serious');
    expect(classOfPenalty(15)).toBe('very-serious');
    expect(classOfPenalty(20)).toBe('especially-serious');
    expect(classOfPenalty('death')).toBe('especially-serious');
    expect(offenceClass('173', 1)?.class).toBe('less-serious');
    expect(offenceClass('173', 2)?.class).toBe('serious');
    expect(offenceClass('173', 3)?.class).toBe('very-serious');
    expect(offenceClass('173', 4)?.class).toBe('especially-serious');
    expect(offenceClass('318', 1)?.class).toBe('less-serious');
    expect(offenceClass('173', undefined)).toBeNull();
    expect(offenceClass('199', 1)).toBeNull();
  });

  it('keeps amendments as rows with their days in force (Article 250 after Law 86/2025/QH15)', () => {
    expect(offenceClass('250', 4, '2025-06-30')?.maximum).toBe('death');
    expect(offenceClass('250', 4, '2025-07-01')?.maximum).toBe('life');
    expect(offenceClass('250', 4, '2025-07-01')?.class).toBe('especially-serious');
  });

  it('covers every clause of the common offences, each with its source', () => {
    const articles = new Set(PENALTY_CLAUSES.map((c) => c.article));
    for (const a of ['123', '134', '168', '171', '173', '174', '175', '178', '249', '250'])
      expect(articles.has(a)).toBe(true);
    for (const a of ['251', '260', '290', '318', '321', '322']) expect(articles.has(a)).toBe(true);
    for (const c of PENALTY_CLAUSES)
      expect(c.source).toContain(`Khoản ${c.clause} Điều ${c.article}`);
  });

  it('stores a clause in the reference, keeping references without one valid', () => {
    expect(findOffence('BLHS-173.4')).toMatchObject({ article: '173', clause: 4 });
    expect(isOffenceRef('BLHS-173')).toBe(true);
    expect(isOffenceRef('BLHS-173.0')).toBe(false);
    expect(formatOffence('BLHS-173.1')).toBe('Khoản 1 Điều 173 BLHS — Tội trộm cắp tài sản');
    expect(withClause('BLHS-173', 4)).toBe('BLHS-173.4');
    expect(withClause('BLHS-173.4', undefined)).toBe('BLHS-173');
  });

  it('derives, takes by hand, and overrides a charge class, the most serious counting', () => {
    const [derived] = chargeClasses(['BLHS-173.4'], []);
    expect(describeCharge(derived!)).toBe('Khoản 4 Điều 173 BLHS — tội phạm đặc biệt nghiêm trọng');
    const charges = chargeClasses(
      ['BLHS-173.1', 'BLHS-199'],
      [
        { type: 'charge', id: 'class:BLHS-199', ref: 'BLHS-199', maximum: 7 },
        {
          type: 'charge',
          id: 'class:BLHS-173.1',
          ref: 'BLHS-173.1',
          override: 'very-serious',
          reason: 'Tái phạm nguy hiểm',
          by: 'ksv1',
        },
      ],
    );
    expect(charges.map((c) => c.class)).toEqual(['very-serious', 'serious']);
    expect(charges[0]!.override).toMatchObject({ reason: 'Tái phạm nguy hiểm', by: 'ksv1' });
    expect(caseClass(charges)).toBe('very-serious');
  });
});

describe('deadlines per class and stage', () => {
  it('investigation (Điều 172): 2/3/4/4 months from initiation, extensions and limits', () => {
    const start = ev({ kind: 'case-initiated', date: '2026-01-05' });
    const cases: Array<[string, string, string]> = [
      ['BLHS-173.1', '2026-03-05', '2026-05-05'], // 2 + 2
      ['BLHS-173.2', '2026-04-06', '2026-09-07'], // 3 + 3 + 2 (5 Apr is a Sunday, 5 Sep a Saturday)
      ['BLHS-173.3', '2026-05-05', '2027-01-05'], // 4 + 4 + 4
      ['BLHS-173.4', '2026-05-05', '2027-09-06'], // 4 + 3×4 + 4 by the Prosecutor General
    ];
    for (const [ref, due, limit] of cases) {
      const d = byRule(input([ref], start), '2026-02-01', 'investigation-172')!;
      expect([ref, d.due, d.extension.limitDue]).toEqual([ref, due, limit]);
      expect(d.source).toBe('Điều 172 khoản 1 BLTTHS 2015');
    }
  });

  it('ends at a month end as the law counts (31 Dec + 2 months, a Saturday → Monday)', () => {
    const d = byRule(
      input(['BLHS-173.1'], ev({ kind: 'case-initiated', date: '2025-12-31' })),
      '2026-02-20',
      'investigation-172',
    )!;
    expect(d.due).toBe('2026-03-02');
    expect(d.daysLeft).toBe(10);
    expect(d.status).toBe('ok');
  });

  it('colours by days left: 7, 3, overdue, done', () => {
    const i = input(['BLHS-173.1'], ev({ kind: 'case-initiated', date: '2026-01-05' }));
    expect(byRule(i, '2026-02-26', 'investigation-172')!.status).toBe('soon7');
    expect(byRule(i, '2026-03-02', 'investigation-172')!.status).toBe('soon3');
    expect(byRule(i, '2026-03-05', 'investigation-172')!).toMatchObject({
      status: 'soon3',
      daysLeft: 0,
    });
    expect(byRule(i, '2026-03-06', 'investigation-172')!).toMatchObject({
      status: 'overdue',
      extension: { possible: false },
    });
    i.procedure.events.push(ev({ kind: 'investigation-ended', date: '2026-03-01' }));
    expect(byRule(i, '2026-03-06', 'investigation-172')!.status).toBe('done');
  });

  it('extends investigation by what was granted, up to the next allowed step', () => {
    const i = input(
      ['BLHS-173.2'],
      ev({ kind: 'case-initiated', date: '2026-01-05' }),
      ev({ kind: 'investigation-extension', date: '2026-03-25', months: 3 }),
    );
    const d = byRule(i, '2026-04-01', 'investigation-172')!;
    expect(d.due).toBe('2026-07-06'); // 5 Apr (raw end) + 3 months = 5 Jul, a Sunday
    expect(d.extensions).toBe(1);
    expect(d.extension).toMatchObject({ possible: true, upTo: { months: 2 } });
  });

  it('detention (Điều 173) per accused, not moved off days off; one extension when less serious', () => {
    const i = input(
      ['BLHS-173.1'],
      ev({ kind: 'detention', date: '2026-01-08', person: 'p1' }),
      ev({ kind: 'detention', date: '2026-01-10', person: 'p2' }),
    );
    const p1 = byRule(i, '2026-03-01', 'detention-173', 'p1')!;
    expect(p1.due).toBe('2026-03-08'); // a Sunday, kept
    expect(p1.extension).toMatchObject({
      possible: true,
      upTo: { months: 1 },
      limitDue: '2026-04-07',
    });
    expect(byRule(i, '2026-03-01', 'detention-173', 'p2')!.due).toBe('2026-03-10');
    i.procedure.events.push(
      ev({ kind: 'detention-extension', date: '2026-03-01', person: 'p1', months: 1 }),
    );
    const extended = byRule(i, '2026-03-01', 'detention-173', 'p1')!;
    expect(extended.due).toBe('2026-04-07');
    expect(extended.extension.possible).toBe(false);
    expect(extended.overLimit).toBeUndefined();
    // p2's deadline did not move.
    expect(byRule(i, '2026-03-01', 'detention-173', 'p2')!.due).toBe('2026-03-10');
  });

  it('flags an extension beyond what the law allows', () => {
    const i = input(
      ['BLHS-173.1'],
      ev({ kind: 'detention', date: '2026-01-08', person: 'p1' }),
      ev({ kind: 'detention-extension', date: '2026-03-01', person: 'p1', months: 2 }),
    );
    expect(byRule(i, '2026-03-01', 'detention-173', 'p1')!.overLimit).toBe(true);
  });

  it('detention of an especially serious case: two extensions, then the Prosecutor General', () => {
    const d = byRule(
      input(['BLHS-173.4'], ev({ kind: 'detention', date: '2026-01-01', person: 'p1' })),
      '2026-01-02',
      'detention-173',
      'p1',
    )!;
    expect(d.due).toBe('2026-04-30'); // 120 days, 1 Jan the first
    expect(d.extension.limitDue).toBe('2027-04-25'); // 480 days
  });

  it('prosecution (Điều 240): 20 days from receipt, moved past Tết', () => {
    const d = byRule(
      input(['BLHS-173.1'], ev({ kind: 'file-received', date: '2026-01-27' })),
      '2026-02-01',
      'prosecution-240',
    )!;
    expect(d.due).toBe('2026-02-23'); // 16 Feb is Tết; the first working day is 23 Feb
    expect(d.extension).toMatchObject({ possible: true, upTo: { days: 10 } });
    const serious = byRule(
      input(['BLHS-173.3'], ev({ kind: 'file-received', date: '2026-03-02' })),
      '2026-03-02',
      'prosecution-240',
    )!;
    expect(serious.due).toBe('2026-04-01');
    expect(serious.extension.upTo).toEqual({ days: 15 });
  });

  it('custody (Điều 118): 3 days from the time of receipt, two extensions of 3 days', () => {
    const i = input(
      [],
      ev({ kind: 'custody', date: '2026-03-01', time: '10:00', person: 'p1' }),
      ev({ kind: 'custody', date: '2026-03-01', person: 'p2' }),
    );
    const p1 = byRule(i, '2026-03-02', 'custody-118', 'p1')!;
    expect([p1.due, p1.dueTime]).toEqual(['2026-03-04', '10:00']);
    expect(byRule(i, '2026-03-02', 'custody-118', 'p2')!.due).toBe('2026-03-03');
    i.procedure.events.push(
      ev({ kind: 'custody-extension', date: '2026-03-04', person: 'p1', days: 3 }),
    );
    const extended = byRule(i, '2026-03-02', 'custody-118', 'p1')!;
    expect([extended.due, extended.dueTime]).toEqual(['2026-03-07', '10:00']);
    expect(extended.extension).toMatchObject({ possible: true, limitDue: '2026-03-10' });
    // Without a class, class-dependent periods wait; custody does not.
    expect(computeDeadlines(i, '2026-03-02').every((d) => d.stage === 'custody')).toBe(true);
    i.procedure.events.push(ev({ kind: 'detention', date: '2026-03-05', person: 'p1' }));
    expect(byRule(i, '2026-03-02', 'custody-118', 'p1')!.status).toBe('done');
  });

  it('restarts after the file is returned for additional investigation (Điều 174)', () => {
    const i = input(
      ['BLHS-173.1'],
      ev({ kind: 'file-received', date: '2026-03-02' }),
      ev({ kind: 'returned', date: '2026-03-10' }),
    );
    expect(byRule(i, '2026-03-11', 'prosecution-240')!.status).toBe('done');
    const extra = byRule(i, '2026-03-11', 'supplementary-174-1-vks')!;
    expect(extra.due).toBe('2026-05-11'); // 10 May is a Sunday
    expect(extra.source).toBe('Điều 174 khoản 1 BLTTHS 2015');
    i.procedure.events.push(ev({ kind: 'file-received', date: '2026-05-04' }));
    const again = byRule(i, '2026-05-05', 'prosecution-240')!;
    expect([again.start, again.due, again.status]).toEqual(['2026-05-04', '2026-05-25', 'ok']);
    expect(byRule(i, '2026-05-05', 'supplementary-174-1-vks')!.status).toBe('done');
  });

  it('reads a case document, and lists the nearest deadline first', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('offences', ['BLHS-173.1']);
    const procedure = doc.getMap('procedure');
    for (const e of [
      ev({ kind: 'case-initiated', date: '2026-01-05' }),
      ev({ kind: 'detention', date: '2026-01-06', person: 'p1' }),
    ])
      procedure.set(e.id, e);
    procedure.set('junk', { type: 'event', id: 'junk', kind: 'detention', date: 'soon' });
    const list = computeDeadlines(doc, '2026-02-01');
    expect(list.map((d) => [d.stage, d.due])).toEqual([
      ['investigation', '2026-03-05'],
      ['detention', '2026-03-06'],
    ]);
  });

  it('reads an older case (an article without a clause) as of unknown class until one is given', () => {
    const i = input(['BLHS-173'], ev({ kind: 'case-initiated', date: '2026-01-05' }));
    expect(chargeClasses(i.offences, [])[0]!.class).toBeNull();
    expect(computeDeadlines(i, '2026-02-01')).toEqual([]);
    i.procedure.charges.push({
      type: 'charge',
      id: 'class:BLHS-173',
      ref: 'BLHS-173',
      override: 'serious',
      reason: 'Khoản 2 theo kết luận điều tra',
    });
    expect(byRule(i, '2026-02-01', 'investigation-172')!).toMatchObject({
      due: '2026-04-06',
      offenceClass: 'serious',
    });
  });

  it('keeps every rule as data with a source and a day in force', () => {
    for (const rule of DEADLINE_RULES) {
      expect(rule.source).toMatch(/^Điều \d+/);
      expect(rule.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
