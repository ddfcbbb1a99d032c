import type * as Y from 'yjs';
import { boardsOf, eachRecord, recordAt, registerOf, textField } from './doc.ts';
import { listLinks } from './commands/links.ts';
import { listNodes } from './commands/nodes.ts';
import type { LinkStrength, LinkType } from './links.ts';
import type { EntityKind } from './register.ts';
import { listStatements } from './statements.ts';
import { compareVietnamese } from './text.ts';

/**
 * Proof analysis of evidence charts ("sơ đồ hóa chứng cứ"): which issues to prove are proven,
 * disputed or unproven, from the typed links between evidence and facts. Pure: a graph in, an
 * analysis out; `readProofGraph` builds the graph from one board or from every evidence chart of a
 * case. The rules are in docs/evidence.md.
 */

export interface ProofItem {
  /** The register entity. */
  id: string;
  kind: EntityKind;
  name: string;
  /** For evidence: its source under Article 87 (`statement`, `physical` …). */
  evidenceType?: string;
  /** The nodes that show it on the board (one item may appear more than once). */
  nodes: string[];
}

export interface ProofLink {
  id: string;
  /** Entity ids. */
  source: string;
  target: string;
  type: LinkType;
  strength?: LinkStrength;
}

/** A statement marked contradicting on a fact in the statements' comparison. */
export interface StatementConflict {
  /** The statement (a register evidence item) and the fact (or event) it contradicts on. */
  statement: string;
  target: string;
}

export interface ProofGraph {
  items: ProofItem[];
  links: ProofLink[];
  /** Cells of the statements' comparison marked contradicting (absent: none). */
  statementConflicts?: StatementConflict[];
}

export type FactStatus = 'proven' | 'disputed' | 'unproven';

export interface FactAnalysis {
  id: string;
  name: string;
  status: FactStatus;
  /** Evidence linked to it by "supports", directly. */
  supportedBy: string[];
  /** Facts and events it rests on, each itself established by evidence. */
  via: string[];
  /** Evidence (or established facts) that contradict it, or contradict the evidence it rests on. */
  contradictedBy: string[];
  /** Every item of evidence it rests on, directly, through other facts, or by corroboration. */
  grounds: string[];
  /** The strongest direct support; null when unsupported. */
  strength: LinkStrength | null;
  /** It rests on one statement only, which nothing corroborates (Article 98(2) of the CPC). */
  singleStatement: boolean;
  /** Statements marked contradicting on it in the statements' comparison. */
  contradictingStatements: string[];
}

export interface ProofAnalysis {
  facts: FactAnalysis[];
  /** Evidence on the chart that grounds no fact. */
  unused: string[];
  /** Facts that rest on a single, uncorroborated statement. */
  singleStatement: string[];
  /** Pairs of evidence items that contradict each other. */
  conflicts: Array<[string, string]>;
  coverage: { proven: number; total: number; ratio: number };
}

const STRENGTH_RANK: Record<LinkStrength, number> = { weak: 1, medium: 2, strong: 3 };

/**
 * Analyses a proof graph.
 * @example analyseProof(readProofGraph(doc)).facts.filter((f) => f.status === 'disputed')
 *
 * - An item of evidence linked to a fact by "supports" (either direction) supports it.
 * - A fact or event is established when evidence supports it or an established fact or event
 *   supports it (source supports target); cycles without evidence establish nothing.
 * - A fact is contradicted by evidence (or an established fact) linked to it by "contradicts", and
 *   by evidence contradicting an item of evidence it rests on directly.
 * - Statements marked contradicting on a fact in the statements' comparison dispute it too.
 * - proven: established and not contradicted; disputed: established and contradicted; unproven:
 *   nothing establishes it.
 */
export function analyseProof(graph: ProofGraph): ProofAnalysis {
  const byId = new Map(graph.items.map((item) => [item.id, item]));
  const isEvidence = (id: string) => byId.get(id)?.kind === 'evidence';
  const isClaim = (id: string) => {
    const kind = byId.get(id)?.kind;
    return kind === 'fact' || kind === 'event';
  };

  // Direct evidence → claim supports, claim → claim supports, corroborations, contradictions.
  const direct = new Map<string, Map<string, LinkStrength>>(); // claim → evidence → strength
  const claimSupports = new Map<string, Set<string>>(); // claim → claims it supports
  const corroboratedBy = new Map<string, Set<string>>(); // evidence → evidence
  const contradictions: Array<[string, string]> = [];
  const add = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(value);
  };
  for (const link of graph.links) {
    const { source, target } = link;
    if (!byId.has(source) || !byId.has(target) || source === target) continue;
    if (link.type === 'supports') {
      const [evidence, claim] = isEvidence(source) ? [source, target] : [target, source];
      if (isEvidence(evidence) && isClaim(claim)) {
        let supporters = direct.get(claim);
        if (!supporters) direct.set(claim, (supporters = new Map()));
        const strength = link.strength ?? 'medium';
        const before = supporters.get(evidence);
        if (!before || STRENGTH_RANK[strength] > STRENGTH_RANK[before])
          supporters.set(evidence, strength);
      } else if (isClaim(source) && isClaim(target)) {
        add(claimSupports, source, target);
      }
    } else if (link.type === 'corroborates') {
      if (isEvidence(source) && isEvidence(target)) {
        add(corroboratedBy, target, source);
        add(corroboratedBy, source, target);
      }
    } else if (link.type === 'contradicts') {
      contradictions.push([source, target]);
    }
  }

  // Established claims: the least fixed point from evidence, so a cycle of facts alone is not proof.
  const via = new Map<string, Set<string>>();
  const established = new Set<string>(direct.keys());
  const queue = [...established];
  while (queue.length > 0) {
    const claim = queue.shift()!;
    for (const next of claimSupports.get(claim) ?? []) {
      add(via, next, claim);
      if (!established.has(next)) {
        established.add(next);
        queue.push(next);
      }
    }
  }

  // Grounds: the evidence each claim rests on, through claims it rests on, with corroboration.
  const groundsMemo = new Map<string, Set<string>>();
  const groundsOf = (claim: string): Set<string> => {
    const memo = groundsMemo.get(claim);
    if (memo) return memo;
    const grounds = new Set<string>();
    groundsMemo.set(claim, grounds); // a cycle sees the partial set, then the loop below fills it
    const seen = new Set<string>([claim]);
    const stack = [claim];
    while (stack.length > 0) {
      const current = stack.pop()!;
      for (const evidence of direct.get(current)?.keys() ?? []) grounds.add(evidence);
      for (const from of via.get(current) ?? [])
        if (!seen.has(from)) {
          seen.add(from);
          stack.push(from);
        }
    }
    for (const evidence of [...grounds])
      for (const other of corroboratedBy.get(evidence) ?? []) grounds.add(other);
    return grounds;
  };

  const conflicts: Array<[string, string]> = [];
  const contradictedBy = new Map<string, Set<string>>();
  for (const [a, b] of contradictions) {
    if (isEvidence(a) && isEvidence(b)) {
      conflicts.push(a < b ? [a, b] : [b, a]);
      // Evidence contradicting the evidence a fact rests on directly disputes the fact.
      for (const [claim, supporters] of direct) {
        if (supporters.has(b) && !supporters.has(a)) add(contradictedBy, claim, a);
        if (supporters.has(a) && !supporters.has(b)) add(contradictedBy, claim, b);
      }
    } else {
      for (const [against, claim] of [
        [a, b],
        [b, a],
      ] as const) {
        if (!isClaim(claim)) continue;
        if (isEvidence(against) || established.has(against)) add(contradictedBy, claim, against);
      }
    }
  }

  const conflictingStatements = new Map<string, Set<string>>(); // fact → statements
  for (const { statement, target } of graph.statementConflicts ?? [])
    add(conflictingStatements, target, statement);

  const facts: FactAnalysis[] = graph.items
    .filter((item) => item.kind === 'fact')
    .sort((a, b) => compareVietnamese(a.name, b.name) || (a.id < b.id ? -1 : 1))
    .map((item) => {
      const supporters = direct.get(item.id) ?? new Map<string, LinkStrength>();
      const isEstablished = established.has(item.id);
      const against = [...(contradictedBy.get(item.id) ?? [])];
      const statements = [...(conflictingStatements.get(item.id) ?? [])].sort();
      const grounds = isEstablished ? [...groundsOf(item.id)] : [];
      const only = grounds.length === 1 ? byId.get(grounds[0]!) : undefined;
      let strength: LinkStrength | null = null;
      for (const s of supporters.values())
        if (!strength || STRENGTH_RANK[s] > STRENGTH_RANK[strength]) strength = s;
      return {
        id: item.id,
        name: item.name,
        status: !isEstablished
          ? 'unproven'
          : against.length > 0 || statements.length > 0
            ? 'disputed'
            : 'proven',
        supportedBy: [...supporters.keys()].sort(),
        via: [...(via.get(item.id) ?? [])].sort(),
        contradictedBy: against.sort(),
        grounds: grounds.sort(),
        strength,
        singleStatement: only?.evidenceType === 'statement',
        contradictingStatements: statements,
      } satisfies FactAnalysis;
    });

  const used = new Set<string>();
  for (const claim of established) for (const evidence of groundsOf(claim)) used.add(evidence);
  const unused = graph.items
    .filter((item) => item.kind === 'evidence' && !used.has(item.id))
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map((item) => item.id);
  const proven = facts.filter((f) => f.status === 'proven').length;
  const unique = new Map(conflicts.map((pair) => [pair.join(' '), pair]));
  return {
    facts,
    unused,
    singleStatement: facts.filter((f) => f.singleStatement).map((f) => f.id),
    conflicts: [...unique.values()],
    coverage: { proven, total: facts.length, ratio: facts.length ? proven / facts.length : 0 },
  };
}

/**
 * The proof graph of one evidence chart, or of every evidence chart of the case (`boardId`
 * omitted). Nodes that show no register entity take no part; several nodes of one entity are one
 * item.
 */
export function readProofGraph(doc: Y.Doc, boardId?: string): ProofGraph {
  const boardIds: string[] = [];
  if (boardId) boardIds.push(boardId);
  else
    eachRecord(boardsOf(doc), (board, id) => {
      if (board.get('kind') === 'evidence') boardIds.push(id);
    });
  const register = registerOf(doc);
  const items = new Map<string, ProofItem>();
  const links: ProofLink[] = [];
  for (const id of boardIds) {
    const entityOfNode = new Map<string, string>();
    for (const node of listNodes(doc, id)) {
      const record = node.entity ? recordAt(register, node.entity) : undefined;
      if (!record || !node.entity) continue;
      entityOfNode.set(node.id, node.entity);
      const item = items.get(node.entity);
      if (item) {
        item.nodes.push(node.id);
        continue;
      }
      const evidenceType = record.get('evidenceType');
      items.set(node.entity, {
        id: node.entity,
        kind: record.get('kind') as EntityKind,
        name: textField(record, 'name'),
        ...(typeof evidenceType === 'string' ? { evidenceType } : {}),
        nodes: [node.id],
      });
    }
    for (const link of listLinks(doc, id)) {
      const source = entityOfNode.get(link.source);
      const target = entityOfNode.get(link.target);
      if (!source || !target) continue;
      links.push({
        id: link.id,
        source,
        target,
        type: link.type,
        ...(link.strength ? { strength: link.strength } : {}),
      });
    }
  }
  // The comparison's contradicting cells on facts of these charts: the statements need not be drawn.
  const statementConflicts: StatementConflict[] = [];
  for (const statement of listStatements(doc))
    for (const [target, mark] of Object.entries(statement.marks))
      if (mark === 'contradicting' && items.has(target))
        statementConflicts.push({ statement: statement.id, target });
  return {
    items: [...items.values()],
    links,
    ...(statementConflicts.length ? { statementConflicts } : {}),
  };
}
