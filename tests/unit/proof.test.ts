import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommandError } from '../../src/core/index.ts';
import {
  addBoard,
  addEntity,
  addEntityNode,
  addLink,
  analyseProof,
  deleteNodes,
  listLinks,
  readProofGraph,
  reverseLink,
  seedFacts,
  updateEntity,
  updateLink,
  type ProofGraph,
  type ProofLink,
} from '../../src/core/index.ts';
import { OFFENCE_TEMPLATES, offenceFacts } from '../../src/core/offenceTemplates.ts';

/** A hand-made case: f* are facts, e* evidence (s* statements), v* events. */
function graph(
  links: Array<[string, ProofLink['type'], string, ProofLink['strength']?]>,
): ProofGraph {
  const ids = new Set(links.flatMap(([a, , b]) => [a, b]));
  for (const id of ['f1', 'f2', 'f3']) ids.add(id);
  return {
    items: [...ids].map((id) => ({
      id,
      kind: id.startsWith('f') ? 'fact' : id.startsWith('v') ? 'event' : 'evidence',
      name: id,
      ...(id.startsWith('s')
        ? { evidenceType: 'statement' }
        : id.startsWith('e')
          ? { evidenceType: 'physical' }
          : {}),
      nodes: [id],
    })),
    links: links.map(([source, type, target, strength], i) => ({
      id: `l${i}`,
      source,
      target,
      type,
      ...(strength ? { strength } : {}),
    })),
  };
}
const status = (g: ProofGraph) =>
  Object.fromEntries(analyseProof(g).facts.map((f) => [f.id, f.status]));

describe('proof analysis', () => {
  it('calls a fact proven, disputed or unproven from what supports and contradicts it', () => {
    const g = graph([
      ['e1', 'supports', 'f1'],
      ['e2', 'supports', 'f2'],
      ['e3', 'contradicts', 'f2'],
      ['e4', 'contradicts', 'f3'],
    ]);
    expect(status(g)).toEqual({ f1: 'proven', f2: 'disputed', f3: 'unproven' });
    const a = analyseProof(g);
    expect(a.coverage).toEqual({ proven: 1, total: 3, ratio: 1 / 3 });
    expect(a.facts.find((f) => f.id === 'f2')).toMatchObject({
      supportedBy: ['e2'],
      contradictedBy: ['e3'],
    });
    // e3 and e4 only contradict: they support nothing.
    expect(a.unused).toEqual(['e3', 'e4']);
  });

  it('reads a supports link either way between evidence and a fact', () => {
    expect(status(graph([['f1', 'supports', 'e1']]))).toMatchObject({ f1: 'proven' });
  });

  it('proves through established facts and events, but a cycle of facts alone proves nothing', () => {
    const chained = graph([
      ['e1', 'supports', 'v1'],
      ['v1', 'supports', 'f1'],
      ['f1', 'supports', 'f2'],
    ]);
    expect(status(chained)).toMatchObject({ f1: 'proven', f2: 'proven', f3: 'unproven' });
    expect(analyseProof(chained).facts.find((f) => f.id === 'f2')).toMatchObject({
      via: ['f1'],
      grounds: ['e1'],
    });
    const cycle = graph([
      ['f1', 'supports', 'f2'],
      ['f2', 'supports', 'f3'],
      ['f3', 'supports', 'f1'],
    ]);
    expect(status(cycle)).toEqual({ f1: 'unproven', f2: 'unproven', f3: 'unproven' });
    // The same cycle with evidence under one of them: all established, and it terminates.
    const grounded = graph([
      ['f1', 'supports', 'f2'],
      ['f2', 'supports', 'f3'],
      ['f3', 'supports', 'f1'],
      ['e1', 'supports', 'f2'],
    ]);
    expect(status(grounded)).toEqual({ f1: 'proven', f2: 'proven', f3: 'proven' });
    expect(analyseProof(grounded).facts.every((f) => f.grounds.join() === 'e1')).toBe(true);
  });

  it('disputes a fact whose evidence is contradicted by other evidence, and lists the conflict', () => {
    const g = graph([
      ['s1', 'supports', 'f1'],
      ['s2', 'contradicts', 's1'],
      ['e1', 'supports', 'f2'],
    ]);
    const a = analyseProof(g);
    expect(status(g)).toMatchObject({ f1: 'disputed', f2: 'proven' });
    expect(a.facts.find((f) => f.id === 'f1')!.contradictedBy).toEqual(['s2']);
    expect(a.conflicts).toEqual([['s1', 's2']]);
    // A contradiction between two items that both support the fact is not held against it.
    const both = graph([
      ['s1', 'supports', 'f1'],
      ['s2', 'supports', 'f1'],
      ['s2', 'contradicts', 's1'],
    ]);
    expect(status(both)).toMatchObject({ f1: 'proven' });
  });

  it('flags a fact resting on one uncorroborated statement (Article 98)', () => {
    const lone = graph([['s1', 'supports', 'f1']]);
    expect(analyseProof(lone).singleStatement).toEqual(['f1']);
    const corroborated = graph([
      ['s1', 'supports', 'f1'],
      ['e1', 'corroborates', 's1'],
    ]);
    const a = analyseProof(corroborated);
    expect(a.singleStatement).toEqual([]);
    expect(a.facts.find((f) => f.id === 'f1')!.grounds).toEqual(['e1', 's1']);
    // e1 corroborates a statement that grounds a fact, so it is not "supporting nothing".
    expect(a.unused).toEqual([]);
    // One physical item alone is not a single statement.
    expect(analyseProof(graph([['e1', 'supports', 'f1']])).singleStatement).toEqual([]);
  });

  it('keeps the strongest support and ignores links to missing items and self-links', () => {
    const g = graph([
      ['e1', 'supports', 'f1', 'weak'],
      ['e2', 'supports', 'f1', 'strong'],
      ['e1', 'supports', 'gone'],
      ['f2', 'supports', 'f2'],
    ]);
    g.items = g.items.filter((i) => i.id !== 'gone');
    const a = analyseProof(g);
    expect(a.facts.find((f) => f.id === 'f1')!.strength).toBe('strong');
    expect(status(g)).toMatchObject({ f2: 'unproven' });
  });
});

describe('evidence chart in the document', () => {
  function chart() {
    const doc = new Y.Doc();
    const boardId = addBoard(doc, { kind: 'evidence', title: 'Chứng cứ' }, 'me');
    const fact = addEntityNode(
      doc,
      { boardId, kind: 'fact', name: 'Bị can có mặt', x: 600, y: 0 },
      'me',
    );
    const knife = addEntityNode(
      doc,
      { boardId, kind: 'evidence', name: 'Con dao', x: 0, y: 0 },
      'me',
    );
    return { doc, boardId, fact, knife };
  }

  it('analyses the links drawn on a board, and follows the register', () => {
    const { doc, boardId, fact, knife } = chart();
    expect(analyseProof(readProofGraph(doc, boardId)).coverage.proven).toBe(0);
    const link = addLink(doc, { boardId, source: knife, target: fact, type: 'supports' }, 'me');
    const a = analyseProof(readProofGraph(doc, boardId));
    expect(a.facts.map((f) => [f.name, f.status])).toEqual([['Bị can có mặt', 'proven']]);
    updateLink(
      doc,
      { boardId, id: link, patch: { type: 'contradicts', note: 'Dấu vân tay không khớp' } },
      'me',
    );
    expect(analyseProof(readProofGraph(doc, boardId)).facts[0]!.status).toBe('unproven');
    expect(listLinks(doc, boardId)[0]).toMatchObject({
      type: 'contradicts',
      note: 'Dấu vân tay không khớp',
    });
    // A whole case: every evidence chart together.
    expect(analyseProof(readProofGraph(doc)).facts).toHaveLength(1);
  });

  it('refuses bad links with a clear code and leaves the board unchanged', () => {
    const { doc, boardId, fact, knife } = chart();
    addLink(doc, { boardId, source: knife, target: fact, type: 'supports' }, 'me');
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as CommandError).code;
      }
      return null;
    };
    expect(
      refused(() => addLink(doc, { boardId, source: fact, target: knife, type: 'supports' }, 'me')),
    ).toBe('link.duplicate');
    expect(
      refused(() => addLink(doc, { boardId, source: fact, target: fact, type: 'supports' }, 'me')),
    ).toBe('link.self');
    expect(
      refused(() =>
        addLink(doc, { boardId, source: fact, target: 'nope', type: 'supports' }, 'me'),
      ),
    ).toBe('link.noNode');
    expect(
      refused(() => addLink(doc, { boardId, source: fact, target: knife, type: 'loves' }, 'me')),
    ).toBe('link.badFields');
    expect(
      refused(() =>
        addLink(
          doc,
          { boardId, source: fact, target: knife, type: 'relation', strength: 'huge' },
          'me',
        ),
      ),
    ).toBe('link.badFields');
    expect(listLinks(doc, boardId)).toHaveLength(1);
  });

  it('reverses a link, clears its strength, and loses it with its node', () => {
    const { doc, boardId, fact, knife } = chart();
    const id = addLink(
      doc,
      { boardId, source: knife, target: fact, type: 'supports', strength: 'strong' },
      'me',
    );
    reverseLink(doc, { boardId, id }, 'me');
    updateLink(doc, { boardId, id, patch: { strength: '' } }, 'me');
    expect(listLinks(doc, boardId)[0]).toEqual({
      id,
      source: fact,
      target: knife,
      type: 'supports',
    });
    deleteNodes(doc, { boardId, ids: [knife] }, 'me');
    expect(listLinks(doc, boardId)).toEqual([]);
  });

  it('starts a chart from the charged offence, reusing facts the register has', () => {
    const doc = new Y.Doc();
    const boardId = addBoard(doc, { kind: 'evidence', title: 'Chứng cứ' }, 'me');
    const theft = OFFENCE_TEMPLATES.find((o) => o.article === 173)!;
    const facts = offenceFacts(theft);
    // One of them is already in the register, typed without diacritics.
    const known = addEntity(
      doc,
      { kind: 'fact', fields: { name: 'TINH CHAT, MUC DO THIET HAI' } },
      'me',
    );
    const nodes = seedFacts(doc, { boardId, facts, x: 600, y: 0 }, 'me');
    expect(nodes).toHaveLength(facts.length);
    const graphNow = readProofGraph(doc, boardId);
    expect(graphNow.items).toHaveLength(facts.length);
    expect(graphNow.items.some((i) => i.id === known)).toBe(true);
    expect(graphNow.items.map((i) => i.name)).toContain(
      'Mặt khách quan: Hành vi lén lút chiếm đoạt tài sản',
    );
    // Seeding again adds nothing.
    expect(seedFacts(doc, { boardId, facts, x: 600, y: 0 }, 'me')).toEqual([]);
    updateEntity(doc, { id: known, fields: { name: 'Thiệt hại' } }, 'me');
    expect(analyseProof(readProofGraph(doc, boardId)).facts.map((f) => f.name)).toContain(
      'Thiệt hại',
    );
  });
});
