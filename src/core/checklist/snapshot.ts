import type * as Y from 'yjs';
import { listBoards } from '../commands/boards.ts';
import { boardsOf, eachRecord, mapField, recordAt } from '../doc.ts';
import { listSlides } from '../commands/deck.ts';
import { listFiles } from '../commands/files.ts';
import { listLinks } from '../commands/links.ts';
import { listNodes } from '../commands/nodes.ts';
import { listEntities, type Entity } from '../commands/register.ts';
import { listSceneObjects } from '../commands/scene.ts';
import { analyseProof, readProofGraph, type FactStatus } from '../proof.ts';
import { statementContradictions, type StatementContradiction } from '../statements.ts';

import type { OffenceClass } from '../procedure/classes.ts';

/** A charged offence as the checklist needs it. */
export interface ChargeFacts {
  /** Penal Code article, e.g. `173`. */
  article: string;
  /** Its class, derived from the clause or overridden; null when neither is known. */
  class: OffenceClass | null;
}

/** A procedural deadline as the checklist needs it. */
export interface DeadlineFacts {
  id: string;
  /** What the panel calls it ("Thời hạn tạm giam — Nguyễn Văn Ấn"). */
  name: string;
  due: string;
  daysLeft: number;
  status: 'ok' | 'soon7' | 'soon3' | 'overdue' | 'done';
  source: string;
}

/** What the procedure part of a case adds to the checklist's reading. */
export interface ProcedureFacts {
  charges: ChargeFacts[];
  /** The day the offence was committed (as typed or ISO); absent when not recorded. */
  offenceDate?: string;
  deadlines: DeadlineFacts[];
}

/** Everything the checklist's rules read: plain data, so each rule is a pure function. */
export interface CaseSnapshot extends ProcedureFacts {
  evidence: Array<{ id: string; name: string; pages?: string; evidenceType?: string }>;
  /** Issues to prove (facts of Article 85's six kinds) with their status on the evidence charts. */
  issues: Array<{ id: string; name: string; status: FactStatus }>;
  /** Facts on the evidence charts that rest on one uncorroborated statement. */
  facts: Array<{ id: string; name: string; singleStatement: boolean; confession: boolean }>;
  /** Suspects and defendants. */
  accused: Array<{ id: string; name: string; birthDate?: string }>;
  markers: Array<{
    id: string;
    boardId: string;
    boardTitle: string;
    /** The marker's own label; empty for a bare number. */
    name: string;
    number?: number;
    entity?: string;
  }>;
  files: Array<{ hash: string; name: string }>;
  /** Rows of the statements' comparison with statements marked contradicting on them. */
  statementContradictions: StatementContradiction[];
  /** Files cited by evidence, topic pictures, image nodes, scene images or slides. */
  citedFiles: ReadonlySet<string>;
}

const ACCUSED_ROLES: ReadonlySet<string> = new Set(['suspect', 'defendant']);

/**
 * Statements made by an accused: statement evidence tied to a suspect or defendant by a link on
 * any chart, or by an event that lists both.
 */
function confessions(doc: Y.Doc, entities: Entity[]): Set<string> {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const isStatement = (id: string) => {
    const e = byId.get(id);
    return e?.kind === 'evidence' && 'evidenceType' in e && e.evidenceType === 'statement';
  };
  const isAccused = (id: string) => {
    const e = byId.get(id);
    return e?.kind === 'person' && 'role' in e && ACCUSED_ROLES.has(String(e.role));
  };
  const found = new Set<string>();
  for (const board of listBoards(doc)) {
    if (board.kind !== 'evidence' && board.kind !== 'relationship') continue;
    const entityOf = new Map(listNodes(doc, board.id).map((n) => [n.id, n.entity]));
    for (const link of listLinks(doc, board.id)) {
      const a = entityOf.get(link.source);
      const b = entityOf.get(link.target);
      if (!a || !b) continue;
      if (isStatement(a) && isAccused(b)) found.add(a);
      if (isStatement(b) && isAccused(a)) found.add(b);
    }
  }
  for (const e of entities) {
    if (e.kind !== 'event') continue;
    const people = ('people' in e && Array.isArray(e.people) ? e.people : []) as string[];
    const evidence = ('evidence' in e && Array.isArray(e.evidence) ? e.evidence : []) as string[];
    if (people.some(isAccused)) for (const id of evidence) if (isStatement(id)) found.add(id);
  }
  return found;
}

const field = (e: Entity, key: string): string | undefined => {
  const value = (e as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

/**
 * Reads what the checklist needs from a case document. `procedure` (charges with their classes,
 * the offence date, computed deadlines) comes from the procedure part of the case.
 */
export function readCaseSnapshot(doc: Y.Doc, procedure: ProcedureFacts): CaseSnapshot {
  const entities = listEntities(doc);
  const boards = listBoards(doc);
  const graph = readProofGraph(doc);
  const proof = analyseProof(graph);
  const statusOf = new Map(proof.facts.map((f) => [f.id, f.status]));
  const statementsOfAccused = confessions(doc, entities);
  const itemsById = new Map(graph.items.map((i) => [i.id, i]));

  const cited = new Set<string>();
  const evidence: CaseSnapshot['evidence'] = [];
  const issues: CaseSnapshot['issues'] = [];
  const accused: CaseSnapshot['accused'] = [];
  for (const e of entities) {
    if (e.kind === 'evidence') {
      for (const hash of e.files) cited.add(hash);
      const statementDocument = field(e, 'document');
      if (statementDocument) cited.add(statementDocument);
      const pages = field(e, 'pages');
      const evidenceType = field(e, 'evidenceType');
      evidence.push({
        id: e.id,
        name: e.name,
        ...(pages ? { pages } : {}),
        ...(evidenceType ? { evidenceType } : {}),
      });
    } else if (e.kind === 'fact' && field(e, 'factType')?.startsWith('issue-')) {
      issues.push({ id: e.id, name: e.name, status: statusOf.get(e.id) ?? 'unproven' });
    } else if (e.kind === 'person' && ACCUSED_ROLES.has(field(e, 'role') ?? '')) {
      const birthDate = field(e, 'birthDate');
      accused.push({ id: e.id, name: e.name, ...(birthDate ? { birthDate } : {}) });
    }
  }

  const facts = proof.facts.map((f) => ({
    id: f.id,
    name: f.name,
    singleStatement: f.singleStatement,
    confession:
      f.singleStatement &&
      f.grounds.some((g) => statementsOfAccused.has(g) && itemsById.get(g)?.kind === 'evidence'),
  }));

  const markers: CaseSnapshot['markers'] = [];
  for (const board of boards) {
    if (board.kind === 'scene') {
      for (const o of listSceneObjects(doc, board.id)) {
        if (o.file) cited.add(o.file);
        if (o.shape !== 'marker') continue;
        markers.push({
          id: o.id,
          boardId: board.id,
          boardTitle: board.title,
          name: o.label,
          ...(o.number !== undefined ? { number: o.number } : {}),
          ...(o.entity ? { entity: o.entity } : {}),
        });
      }
    } else if (board.kind === 'mindmap') {
      // The stored field, not the topics read whole: a 20,000-topic map costs a loop, not a read.
      eachRecord(mapField(recordAt(boardsOf(doc), board.id), 'nodes'), (topic) => {
        const image = topic.get('image');
        if (typeof image === 'string') cited.add(image);
      });
    } else {
      for (const n of listNodes(doc, board.id)) if (n.file) cited.add(n.file);
    }
  }
  for (const slide of listSlides(doc)) if (slide.file) cited.add(slide.file);

  return {
    ...procedure,
    evidence,
    issues,
    facts,
    accused,
    markers,
    files: listFiles(doc).map((f) => ({ hash: f.hash, name: f.name })),
    statementContradictions: statementContradictions(doc),
    citedFiles: cited,
  };
}
