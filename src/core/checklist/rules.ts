import { parseCaseTime } from '../time.ts';
import type { OffenceClass } from '../procedure/classes.ts';
import type { CaseSnapshot } from './snapshot.ts';

/**
 * The case checklist: what is missing in a case before a leader or a court finds it. Each rule is
 * a pure function of a `CaseSnapshot` (plain data read from the document, see snapshot.ts) and
 * names its legal source, which the panel shows beside its findings.
 */

/** What a finding points at, so the panel can take the user there. */
export type FindingSubject =
  | { kind: 'entity'; id: string }
  | { kind: 'node'; boardId: string; nodeId: string }
  | { kind: 'file'; hash: string }
  | { kind: 'deadline'; id: string }
  /** A row of the statements' comparison (a fact or an event). */
  | { kind: 'comparison'; target: string };

export interface Finding {
  rule: RuleId;
  subject: FindingSubject;
  /** What the panel shows for the item: a name, a marker number, a file name. */
  name: string;
  /** Which case of the rule applies, for its message (e.g. `unproven` or `disputed`). */
  reason: string;
  /** Values the message uses (an age, days left, a due date …). */
  values?: Record<string, string | number>;
}

export const RULE_IDS = [
  'evidence-uncited',
  'issue-unproven',
  'confession-alone',
  'statement-contradiction',
  'evidence-no-source',
  'accused-age',
  'deadline-near',
  'marker-unlinked',
  'file-uncited',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface ChecklistRule {
  id: RuleId;
  /** The provision it rests on, as prosecutors cite it, and in English. */
  source: { vi: string; en: string };
  check(snapshot: CaseSnapshot): Finding[];
}

/** Evidence items without a case-file citation ("BL"): a court asks where each item is. */
export function evidenceUncited(s: CaseSnapshot): Finding[] {
  return s.evidence
    .filter((e) => !e.pages)
    .map((e) => ({
      rule: 'evidence-uncited',
      subject: { kind: 'entity', id: e.id },
      name: e.name,
      reason: 'noPages',
    }));
}

/**
 * Issues to prove (Article 85) that no evidence establishes, or that contradicting evidence
 * disputes. An issue that is on no evidence chart has no evidence either.
 */
export function issueUnproven(s: CaseSnapshot): Finding[] {
  return s.issues
    .filter((i) => i.status !== 'proven')
    .map((i) => ({
      rule: 'issue-unproven',
      subject: { kind: 'entity', id: i.id },
      name: i.name,
      reason: i.status,
    }));
}

/**
 * Facts that rest on statements alone that nothing else corroborates. A confession is evidence
 * only where it matches the other evidence (Article 98 of the Criminal Procedure Code); a fact
 * whose only statement comes from an accused rests on a confession.
 */
export function confessionAlone(s: CaseSnapshot): Finding[] {
  return s.facts
    .filter((f) => f.singleStatement)
    .map((f) => ({
      rule: 'confession-alone',
      subject: { kind: 'entity', id: f.id },
      name: f.name,
      reason: f.confession ? 'confession' : 'statement',
    }));
}

/** Evidence with no source among those of Article 87. */
export function evidenceNoSource(s: CaseSnapshot): Finding[] {
  return s.evidence
    .filter((e) => !e.evidenceType)
    .map((e) => ({
      rule: 'evidence-no-source',
      subject: { kind: 'entity', id: e.id },
      name: e.name,
      reason: 'noType',
    }));
}

/**
 * Articles for which a person aged 14 to under 16 is liable, when the offence is very serious or
 * especially serious (Article 12(2) of the Penal Code 2015, as amended in 2017).
 */
export const YOUTH_ARTICLES: ReadonlySet<string> = new Set(
  [
    123, 134, 141, 142, 143, 144, 150, 151, 168, 169, 170, 171, 173, 178, 248, 249, 250, 251, 252,
    265, 266, 286, 287, 289, 290, 299, 303, 304,
  ].map(String),
);

const GRAVE: ReadonlySet<OffenceClass> = new Set<OffenceClass>([
  'very-serious',
  'especially-serious',
]);

/** Whole years from a birth instant to an instant (both UTC-coded local times). */
function yearsBetween(birth: number, at: number): number {
  const b = new Date(birth);
  const d = new Date(at);
  let years = d.getUTCFullYear() - b.getUTCFullYear();
  const before =
    d.getUTCMonth() < b.getUTCMonth() ||
    (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate());
  if (before) years -= 1;
  return years;
}

/**
 * The least and the greatest age a person can have had on the offence date, from a birth date
 * that may be known only to the month or the year (so a youth is not missed, nor flagged wrongly).
 */
export function ageRange(birthDate: string, offenceDate: string): [number, number] | null {
  const birth = parseCaseTime(birthDate);
  const offence = parseCaseTime(offenceDate);
  if (!birth || !offence) return null;
  const latestBirth = birth.until - 1;
  return [yearsBetween(latestBirth, offence.at), yearsBetween(birth.at, offence.until - 1)];
}

/**
 * Accused whose age on the offence date bars liability for the charged offence (Article 12 of the
 * Penal Code): under 14 never; 14 to under 16 only for very serious or especially serious
 * offences of the articles Article 12(2) lists. A birth date too vague to tell is reported too.
 */
export function accusedAge(s: CaseSnapshot): Finding[] {
  if (!s.offenceDate) return [];
  const findings: Finding[] = [];
  for (const person of s.accused) {
    if (!person.birthDate) continue;
    const range = ageRange(person.birthDate, s.offenceDate);
    if (!range) continue;
    const [least, most] = range;
    const finding = (reason: string): Finding => ({
      rule: 'accused-age',
      subject: { kind: 'entity', id: person.id },
      name: person.name,
      reason,
      values: least === most ? { age: least } : { age: `${least}–${most}` },
    });
    if (most < 14) {
      findings.push(finding('under14'));
      continue;
    }
    if (least >= 16) continue;
    if (least < 14) {
      findings.push(finding('uncertain14'));
      continue;
    }
    const liable =
      s.charges.length > 0 &&
      s.charges.every(
        (c) => c.class !== null && GRAVE.has(c.class) && YOUTH_ARTICLES.has(c.article),
      );
    if (!liable) findings.push(finding(most >= 16 ? 'uncertain16' : 'under16'));
  }
  return findings;
}

/** Procedural deadlines within seven days or passed. */
export function deadlineNear(s: CaseSnapshot): Finding[] {
  return s.deadlines
    .filter((d) => d.status === 'soon7' || d.status === 'soon3' || d.status === 'overdue')
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
    .map((d) => ({
      rule: 'deadline-near',
      subject: { kind: 'deadline', id: d.id },
      name: d.name,
      reason: d.status === 'overdue' ? 'overdue' : 'soon',
      values: { due: d.due, days: d.daysLeft, source: d.source },
    }));
}

/** Numbered scene markers that stand for no evidence item of the register. */
export function markerUnlinked(s: CaseSnapshot): Finding[] {
  return s.markers
    .filter((m) => !m.entity)
    .map((m) => ({
      rule: 'marker-unlinked',
      subject: { kind: 'node', boardId: m.boardId, nodeId: m.id },
      name: m.name,
      reason: 'noEntity',
      values: { board: m.boardTitle, ...(m.number !== undefined ? { number: m.number } : {}) },
    }));
}

/** Documents of the case file that no evidence item, topic, scene or slide cites. */
export function fileUncited(s: CaseSnapshot): Finding[] {
  return s.files
    .filter((f) => !s.citedFiles.has(f.hash))
    .map((f) => ({
      rule: 'file-uncited',
      subject: { kind: 'file', hash: f.hash },
      name: f.name,
      reason: 'uncited',
    }));
}

/**
 * Issues and facts on which statements were marked contradicting in the statements' comparison:
 * contradictions between statements must be checked and resolved before they are evaluated as
 * evidence (Article 108 of the CPC; a confession counts only where it matches the other evidence,
 * Article 98). A finding opens the comparison on its row.
 */
export function statementContradiction(s: CaseSnapshot): Finding[] {
  return s.statementContradictions.map((c) => ({
    rule: 'statement-contradiction',
    subject: { kind: 'comparison', target: c.target },
    name: c.targetName,
    reason: 'contradicting',
    values: { count: c.statements.length, statements: c.statements.map((x) => x.name).join('; ') },
  }));
}

/** Every rule, in the order the panel shows them. */
export const CHECKLIST_RULES: readonly ChecklistRule[] = [
  {
    id: 'deadline-near',
    source: {
      vi: 'Điều 118, 172, 173, 240 BLTTHS 2015',
      en: 'Articles 118, 172, 173 and 240, Criminal Procedure Code 2015',
    },
    check: deadlineNear,
  },
  {
    id: 'issue-unproven',
    source: { vi: 'Điều 85 BLTTHS 2015', en: 'Article 85, Criminal Procedure Code 2015' },
    check: issueUnproven,
  },
  {
    id: 'confession-alone',
    source: {
      vi: 'Điều 98 khoản 2 BLTTHS 2015',
      en: 'Article 98(2), Criminal Procedure Code 2015',
    },
    check: confessionAlone,
  },
  {
    id: 'statement-contradiction',
    source: {
      vi: 'Điều 98, Điều 108 BLTTHS 2015',
      en: 'Articles 98 and 108, Criminal Procedure Code 2015',
    },
    check: statementContradiction,
  },
  {
    id: 'accused-age',
    source: {
      vi: 'Điều 12 BLHS 2015 (sửa đổi 2017)',
      en: 'Article 12, Penal Code 2015 (as amended in 2017)',
    },
    check: accusedAge,
  },
  {
    id: 'evidence-no-source',
    source: { vi: 'Điều 87 BLTTHS 2015', en: 'Article 87, Criminal Procedure Code 2015' },
    check: evidenceNoSource,
  },
  {
    id: 'evidence-uncited',
    source: { vi: 'Điều 131 BLTTHS 2015', en: 'Article 131, Criminal Procedure Code 2015' },
    check: evidenceUncited,
  },
  {
    id: 'marker-unlinked',
    source: { vi: 'Điều 201 BLTTHS 2015', en: 'Article 201, Criminal Procedure Code 2015' },
    check: markerUnlinked,
  },
  {
    id: 'file-uncited',
    source: { vi: 'Điều 131 BLTTHS 2015', en: 'Article 131, Criminal Procedure Code 2015' },
    check: fileUncited,
  },
];

export interface ChecklistResult {
  rule: ChecklistRule;
  findings: Finding[];
}

/** Runs every rule on a snapshot. */
export function runChecklist(snapshot: CaseSnapshot): ChecklistResult[] {
  return CHECKLIST_RULES.map((rule) => ({ rule, findings: rule.check(snapshot) }));
}
