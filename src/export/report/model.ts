import type * as Y from 'yjs';
import { boardSetting, listBoards } from '../../core/commands/boards.ts';
import { listFiles } from '../../core/commands/files.ts';
import { getEntity, listEntities, type Entity } from '../../core/commands/register.ts';
import { listSceneObjects } from '../../core/commands/scene.ts';
import { readMeta } from '../../core/doc.ts';
import { findOffence, formatOffence } from '../../core/offences.ts';
import { OFFENCE_TEMPLATES, offenceFacts } from '../../core/offenceTemplates.ts';
import {
  caseClass,
  chargeClasses,
  computeDeadlines,
  readProcedure,
} from '../../core/procedure/index.ts';
import { analyseProof, readProofGraph, type FactAnalysis } from '../../core/proof.ts';
import { readReportSettings, type ReportSectionId } from '../../core/report/settings.ts';
import { evidenceTable, formatDecimal, referencePoints } from '../../core/scene.ts';
import { compareVietnamese, foldForSearch } from '../../core/text.ts';
import { formatCaseTime } from '../../core/time.ts';
import { readTimeline } from '../../core/timeline.ts';
import { markingWord, exportTexts } from '../documents/texts.ts';
import { reportTexts, type ReportTexts } from './texts.ts';

/**
 * The case report ("Báo cáo án") as a model: the cover and, in the user's order, the sections
 * that are on, each a heading, the free text before it, its content (paragraphs, tables,
 * figures) and the free text after it. Pure: a case document in, a model out; docx.ts and pdf.ts
 * draw it. Figures name their board: the renderers draw the board with its kind's renderer.
 */

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2; text: string; section?: ReportSectionId }
  | { kind: 'paragraph'; text: string; tone?: 'free' | 'note' }
  | { kind: 'table'; columns: Array<{ title: string; width: number }>; rows: string[][] }
  | { kind: 'figure'; boardId: string; caption: string };

export interface ReportCoverModel {
  procuracy: string;
  /** The classification marking ("MẬT"), or null for an unclassified case. */
  marking: string | null;
  title: string;
  /** Label and value lines under the title. */
  lines: Array<{ label: string; value: string }>;
}

export interface ReportModel {
  language: 'vi' | 'en';
  /** The document's title (file properties): "Báo cáo án — 12/2026/HS". */
  title: string;
  cover: ReportCoverModel;
  blocks: ReportBlock[];
}

/** Today as YYYY-MM-DD in `timeZone` (deadlines count from it). */
function isoDay(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** '2026-03-14' → '14/03/2026' (vi) or '14 Mar 2026' (en), as the other exports write days. */
function formatDay(day: string, language: 'vi' | 'en'): string {
  const month = /^(\d{4})-(\d{2})$/.exec(day);
  if (month) return language === 'vi' ? `${month[2]}/${month[1]}` : day;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  return exportTexts(language).formatDate(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)), 'UTC');
}

const withPages = (name: string, pages: string | undefined) =>
  pages?.trim() ? `${name} (${pages.trim()})` : name;

/**
 * Builds the report of a case.
 * @example buildReport(doc, { language: 'vi', date: new Date() }).blocks[0] // { kind: 'heading', level: 1, text: 'I. Tóm tắt nội dung vụ án', … }
 */
export function buildReport(
  doc: Y.Doc,
  options: { language: string; date: Date; timeZone?: string },
): ReportModel {
  const language = options.language.startsWith('en') ? 'en' : 'vi';
  const t = reportTexts(language);
  const meta = readMeta(doc);
  const settings = readReportSettings(doc);
  const today = isoDay(options.date, options.timeZone);
  const entities = new Map(listEntities(doc).map((e) => [e.id, e]));
  const cite = (id: string) => {
    const e = entities.get(id);
    return e ? withPages(e.name, e.pages) : '';
  };
  const proof = analyseProof(readProofGraph(doc));
  const charges = chargeClasses(meta.offences, readProcedure(doc).charges, today);
  const klass = caseClass(charges);

  const cover: ReportCoverModel = {
    procuracy: settings.cover.procuracy,
    marking: markingWord(exportTexts(language), meta.classification),
    title: t.title,
    lines: [
      { label: t.cover.caseNumber, value: meta.caseNumber },
      { label: t.cover.caseTitle, value: meta.title },
      { label: t.cover.offences, value: meta.offences.map(formatOffence).join('; ') },
      ...(klass ? [{ label: t.cover.offenceClass, value: CLASS_WORDS[language][klass] }] : []),
      {
        label: t.cover.classification,
        value: markingWord(exportTexts(language), meta.classification) ?? t.cover.unclassified,
      },
      { label: t.cover.prosecutor, value: settings.cover.prosecutor },
      { label: t.cover.date, value: formatDay(settings.cover.date || today, language) },
    ].filter((line) => line.value.trim()),
  };

  const context: SectionContext = { doc, t, language, entities, cite, proof, today, settings };
  const blocks: ReportBlock[] = [];
  let number = 0;
  for (const section of settings.sections) {
    if (!section.enabled) continue;
    number++;
    blocks.push({
      kind: 'heading',
      level: 1,
      text: `${ROMAN[number - 1] ?? number}. ${t.sections[section.id]}`,
      section: section.id,
    });
    for (const text of paragraphs(section.before))
      blocks.push({ kind: 'paragraph', text, tone: 'free' });
    const content = SECTION_BUILDERS[section.id](context);
    blocks.push(
      ...(content.length ? content : [{ kind: 'paragraph', text: t.none, tone: 'note' } as const]),
    );
    for (const text of paragraphs(section.after))
      blocks.push({ kind: 'paragraph', text, tone: 'free' });
  }
  return {
    language,
    title: [t.title.charAt(0) + t.title.slice(1).toLowerCase(), meta.caseNumber]
      .filter(Boolean)
      .join(' — ')
      .normalize('NFC'),
    cover: nfcCover(cover),
    blocks: blocks.map(nfcBlock),
  };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

const CLASS_WORDS = {
  vi: {
    'less-serious': 'Tội phạm ít nghiêm trọng',
    serious: 'Tội phạm nghiêm trọng',
    'very-serious': 'Tội phạm rất nghiêm trọng',
    'especially-serious': 'Tội phạm đặc biệt nghiêm trọng',
  },
  en: {
    'less-serious': 'Less serious',
    serious: 'Serious',
    'very-serious': 'Very serious',
    'especially-serious': 'Especially serious',
  },
} as const;

/** Free text split into paragraphs at blank lines or line breaks; empty lines dropped. */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

const nfc = (s: string) => s.normalize('NFC');
function nfcBlock(block: ReportBlock): ReportBlock {
  switch (block.kind) {
    case 'table':
      return {
        ...block,
        columns: block.columns.map((c) => ({ ...c, title: nfc(c.title) })),
        rows: block.rows.map((r) => r.map(nfc)),
      };
    case 'figure':
      return { ...block, caption: nfc(block.caption) };
    default:
      return { ...block, text: nfc(block.text) };
  }
}
function nfcCover(cover: ReportCoverModel): ReportCoverModel {
  return {
    ...cover,
    procuracy: nfc(cover.procuracy),
    lines: cover.lines.map((l) => ({ label: nfc(l.label), value: nfc(l.value) })),
  };
}

interface SectionContext {
  doc: Y.Doc;
  t: ReportTexts;
  language: 'vi' | 'en';
  entities: Map<string, Entity>;
  cite: (id: string) => string;
  proof: ReturnType<typeof analyseProof>;
  today: string;
  settings: ReturnType<typeof readReportSettings>;
}

type Fields = Record<string, unknown>;
const field = (e: Entity | undefined, key: string): string => {
  const value = (e as Fields | undefined)?.[key];
  return typeof value === 'string' ? value : '';
};

const FACT_ORDER = [
  'issue-crime',
  'issue-offender',
  'issue-circumstances',
  'issue-damage',
  'issue-causes',
  'issue-exemption',
  'element-object',
  'element-objective',
  'element-subject',
  'element-subjective',
];

/** Summary: the facts of the register in the order of Article 85, each with its text and pages. */
function summary({ entities, t }: SectionContext): ReportBlock[] {
  const facts = [...entities.values()]
    .filter((e) => e.kind === 'fact')
    .sort(
      (a, b) => rank(FACT_ORDER, field(a, 'factType')) - rank(FACT_ORDER, field(b, 'factType')),
    );
  return facts.map((fact) => {
    const text = field(fact, 'text');
    const head = withPages(fact.name, fact.pages);
    const type = t.factTypes[field(fact, 'factType')];
    const prefix = type && !head.startsWith(type) ? `${type} — ` : '';
    return {
      kind: 'paragraph',
      text: `${prefix}${head}${text ? `: ${text}` : '.'}`,
    };
  });
}

const rank = (order: readonly string[], value: string) => {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
};

const ROLE_ORDER = [
  'suspect',
  'defendant',
  'arrested',
  'victim',
  'civil-plaintiff',
  'civil-defendant',
  'related',
  'witness',
  'other',
];

/** People: each person with their role, birth date, ID number, address and pages. */
function people({ entities, t, language }: SectionContext): ReportBlock[] {
  const list = [...entities.values()]
    .filter((e) => e.kind === 'person')
    .sort((a, b) => rank(ROLE_ORDER, field(a, 'role')) - rank(ROLE_ORDER, field(b, 'role')));
  if (!list.length) return [];
  return [
    {
      kind: 'table',
      columns: [
        { title: t.columns.number, width: 7 },
        { title: t.columns.name, width: 19 },
        { title: t.columns.role, width: 16 },
        { title: t.columns.birthDate, width: 14 },
        { title: t.columns.idNumber, width: 15 },
        { title: t.columns.address, width: 17 },
        { title: t.columns.pages, width: 12 },
      ],
      rows: list.map((p, i) => [
        String(i + 1),
        p.name,
        t.roles[field(p, 'role')] ?? '',
        formatDay(field(p, 'birthDate'), language),
        field(p, 'idNumber'),
        field(p, 'address'),
        p.pages ?? '',
      ]),
    },
  ];
}

/** Chronology: the register's events as the timeline reads them, then those without a time. */
function chronology({ doc, t, language, entities }: SectionContext): ReportBlock[] {
  const timeline = readTimeline(doc);
  const rows = timeline.items.map((item) => {
    const event = entities.get(item.id);
    const when = item.end
      ? `${formatCaseTime(item.start, language)} – ${formatCaseTime(item.end, language)}`
      : formatCaseTime(item.start, language);
    const description = field(event, 'description');
    return [
      when,
      description ? `${item.name}: ${description}` : item.name,
      item.place ?? '',
      item.people
        .map((id) => entities.get(id)?.name ?? '')
        .filter(Boolean)
        .join(', '),
      [
        event?.pages ?? '',
        ...item.evidence.map((e) => withPages(e.name, entities.get(e.id)?.pages)),
      ]
        .filter(Boolean)
        .join('; '),
    ];
  });
  for (const item of timeline.untimed) {
    const event = entities.get(item.id);
    rows.push([
      item.start?.trim() || t.untimed,
      item.name,
      field(event, 'place'),
      '',
      event?.pages ?? '',
    ]);
  }
  if (!rows.length) return [];
  return [
    {
      kind: 'table',
      columns: [
        { title: t.columns.time, width: 16 },
        { title: t.columns.event, width: 38 },
        { title: t.columns.place, width: 16 },
        { title: t.columns.people, width: 15 },
        { title: t.columns.pages, width: 15 },
      ],
      rows,
    },
  ];
}

/** The analysis of the fact named `name` (folded), if the case's charts analyse one. */
function factByName(proof: SectionContext['proof'], name: string): FactAnalysis | undefined {
  const folded = foldForSearch(name);
  return proof.facts.find((f) => foldForSearch(f.name) === folded);
}

/**
 * Elements: per charged offence with a template, the elements and issues its template seeds
 * (offenceTemplates.ts: Article 173's objective side is not Article 134's), each with the
 * status the proof analysis gives the fact of that name; charges without one get Article 85's six
 * issues.
 */
function elements({ doc, t, proof }: SectionContext): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  const seen = new Set<string>();
  for (const ref of readMeta(doc).offences) {
    const offence = findOffence(ref);
    const template =
      offence && OFFENCE_TEMPLATES.find((o) => o.article === Number(offence.article));
    if (!template || seen.has(template.id)) continue;
    seen.add(template.id);
    blocks.push({ kind: 'heading', level: 2, text: t.elementsOf(formatOffence(ref)) });
    blocks.push({
      kind: 'table',
      columns: [
        { title: t.columns.element, width: 60 },
        { title: t.columns.status, width: 40 },
      ],
      rows: offenceFacts(template).map((seed) => {
        const fact = factByName(proof, seed.name);
        return [seed.name, t.proofStatus[fact?.status ?? 'unproven']];
      }),
    });
  }
  if (blocks.length) return blocks;
  const facts = [...proof.facts];
  const issues = FACT_ORDER.slice(0, 6).map((type) => {
    const matching = facts.filter((f) => field(getEntityOf(doc, f.id), 'factType') === type);
    const status = matching.length
      ? matching.some((f) => f.status === 'disputed')
        ? 'disputed'
        : matching.every((f) => f.status === 'proven')
          ? 'proven'
          : 'unproven'
      : 'unproven';
    return [t.factTypes[type] ?? type, t.proofStatus[status]];
  });
  return [
    { kind: 'heading', level: 2, text: t.generalIssues },
    {
      kind: 'table',
      columns: [
        { title: t.columns.issue, width: 60 },
        { title: t.columns.status, width: 40 },
      ],
      rows: issues,
    },
  ];
}

const getEntityOf = (doc: Y.Doc, id: string) => getEntity(doc, id) ?? undefined;

/** Proof: each issue's status with the evidence for and against it, cited by BL pages. */
function proofSection({ t, proof, cite, entities }: SectionContext): ReportBlock[] {
  if (!proof.facts.length) return [];
  // In Vietnamese order of names, so the same case always reads the same.
  const citeAll = (ids: readonly string[]) =>
    ids.map(cite).filter(Boolean).sort(compareVietnamese).join('; ');
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: t.coverage(proof.coverage.proven, proof.coverage.total) },
    {
      kind: 'table',
      columns: [
        { title: t.columns.issue, width: 30 },
        { title: t.columns.status, width: 14 },
        { title: t.columns.evidenceFor, width: 30 },
        { title: t.columns.evidenceAgainst, width: 26 },
      ],
      rows: proof.facts.map((fact) => {
        const grounds = [...new Set([...fact.supportedBy, ...fact.grounds, ...fact.via])];
        return [
          withPages(fact.name, entities.get(fact.id)?.pages),
          t.proofStatus[fact.status],
          citeAll(grounds),
          citeAll(fact.contradictedBy),
        ];
      }),
    },
  ];
  for (const [a, b] of proof.conflicts)
    blocks.push({ kind: 'paragraph', text: t.conflict(cite(a), cite(b)), tone: 'note' });
  if (proof.singleStatement.length)
    blocks.push({
      kind: 'paragraph',
      text: t.singleStatement(
        proof.singleStatement.map((id) => entities.get(id)?.name ?? '').join('; '),
      ),
      tone: 'note',
    });
  return blocks;
}

/** Evidence: each item with its source under Article 87, where found, pages and files' SHA-256. */
function evidence({ doc, t, entities }: SectionContext): ReportBlock[] {
  const files = new Map(listFiles(doc).map((f) => [f.hash, f]));
  const list = [...entities.values()].filter((e) => e.kind === 'evidence');
  if (!list.length) return [];
  return [
    {
      kind: 'table',
      columns: [
        { title: t.columns.number, width: 7 },
        { title: t.columns.description, width: 25 },
        { title: t.columns.source, width: 14 },
        { title: t.columns.foundAt, width: 13 },
        { title: t.columns.pages, width: 12 },
        { title: t.columns.files, width: 29 },
      ],
      rows: list.map((e, i) => {
        const description = field(e, 'description');
        return [
          String(i + 1),
          description ? `${e.name}: ${description}` : e.name,
          t.evidenceTypes[field(e, 'evidenceType')] ?? '',
          field(e, 'collectedPlace'),
          e.pages ?? '',
          e.files.map((hash) => `${files.get(hash)?.name ?? ''} ${hash}`.trim()).join('\n'),
        ];
      }),
    },
  ];
}

/** Scene: each scene board as a figure, then its evidence table (number, item, position, distances). */
function scene({ doc, t, language, entities }: SectionContext): ReportBlock[] {
  const boards = listBoards(doc).filter((b) => b.kind === 'scene');
  if (!boards.length) return [{ kind: 'paragraph', text: t.noScene, tone: 'note' }];
  const blocks: ReportBlock[] = [];
  const metres = (n: number) => formatDecimal(Math.round(n * 100) / 100, language);
  for (const board of boards) {
    const objects = listSceneObjects(doc, board.id);
    const stored = boardSetting(doc, board.id, 'references');
    const chosen = typeof stored === 'string' ? stored.split(',').filter(Boolean) : [];
    const refs = referencePoints(objects, chosen);
    const refLabels = refs.map((id) => objects.find((o) => o.id === id)?.label || '?');
    blocks.push({ kind: 'heading', level: 2, text: t.sceneOf(board.title) });
    blocks.push({ kind: 'figure', boardId: board.id, caption: board.title });
    const rows = evidenceTable(objects, refs).map((row) => [
      String(row.number),
      row.entity
        ? withPages(entities.get(row.entity)?.name ?? '', entities.get(row.entity)?.pages)
        : '',
      `${metres(row.x)}; ${metres(row.y)}`,
      row.distances.map((d, i) => `${refLabels[i]}: ${metres(d)}`).join('; '),
    ]);
    if (rows.length)
      blocks.push({
        kind: 'table',
        columns: [
          { title: t.columns.marker, width: 8 },
          { title: t.columns.evidence, width: 42 },
          { title: t.columns.position, width: 20 },
          { title: t.columns.distances, width: 30 },
        ],
        rows,
      });
  }
  return blocks;
}

/** Figures: the boards chosen, in order, each drawn as a vector figure with a numbered caption. */
function figures({ doc, t, settings }: SectionContext): ReportBlock[] {
  const boards = new Map(listBoards(doc).map((b) => [b.id, b]));
  const chosen = settings.figures.filter((id) => boards.has(id));
  if (!chosen.length) return [{ kind: 'paragraph', text: t.noFigures, tone: 'note' }];
  return chosen.map((id, i) => ({
    kind: 'figure',
    boardId: id,
    caption: t.figure(i + 1, boards.get(id)!.title),
  }));
}

/** Deadlines: each period with its start, due day, days left, status and legal basis. */
function deadlines({ doc, t, language, today, entities }: SectionContext): ReportBlock[] {
  const list = computeDeadlines(doc, today);
  if (!list.length) return [];
  return [
    {
      kind: 'table',
      columns: [
        { title: t.columns.stage, width: 24 },
        { title: t.columns.start, width: 13 },
        { title: t.columns.due, width: 18 },
        { title: t.columns.status, width: 20 },
        { title: t.columns.legalBasis, width: 25 },
      ],
      rows: list.map((d) => {
        const person = d.personId ? entities.get(d.personId)?.name : undefined;
        return [
          person ? `${t.stages[d.stage]}: ${person}` : t.stages[d.stage],
          formatDay(d.start, language),
          `${d.dueTime ? `${d.dueTime} ` : ''}${formatDay(d.due, language)}`,
          d.status === 'done'
            ? t.deadlineStatus.done
            : `${t.deadlineStatus[d.status]} (${t.daysLeft(d.daysLeft)})`,
          d.source,
        ];
      }),
    },
  ];
}

const SECTION_BUILDERS: Record<ReportSectionId, (c: SectionContext) => ReportBlock[]> = {
  summary,
  people,
  chronology,
  elements,
  proof: proofSection,
  evidence,
  scene,
  figures,
  deadlines,
};
