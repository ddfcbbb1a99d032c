import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  addEntity,
  addFileRecord,
  addLink,
  addNode,
  addSceneObject,
  addSlide,
  addTopic,
  attachFile,
  setCaseMeta,
  setTopic,
} from '../../src/core/index.ts';
import { addProcedureEvent } from '../../src/core/procedure/index.ts';
import { procedureFacts } from '../../src/checklist/procedureFacts.ts';
import {
  accusedAge,
  ageRange,
  CHECKLIST_RULES,
  confessionAlone,
  deadlineNear,
  evidenceNoSource,
  evidenceUncited,
  fileUncited,
  issueUnproven,
  markerUnlinked,
  readCaseSnapshot,
  runChecklist,
  type CaseSnapshot,
  type ProcedureFacts,
} from '../../src/core/checklist/index.ts';

const NO_PROCEDURE: ProcedureFacts = { charges: [], deadlines: [] };
const hash = (c: string) => c.repeat(64);

/** A case with one evidence chart; returns helpers to put entities on it. */
function evidenceCase() {
  const doc = new Y.Doc();
  const chart = addBoard(doc, { kind: 'evidence', title: 'Chứng cứ' }, 'me');
  const place = (
    kind: Parameters<typeof addEntity>[1]['kind'],
    fields: Record<string, unknown>,
  ) => {
    const id = addEntity(doc, { kind, fields }, 'me');
    const node = addNode(doc, { boardId: chart, x: 0, y: 0, entity: id }, 'me');
    return { id, node };
  };
  const link = (
    a: { node: string },
    type: 'supports' | 'contradicts' | 'corroborates' | 'relation',
    b: { node: string },
  ) => addLink(doc, { boardId: chart, source: a.node, target: b.node, type }, 'me');
  return { doc, chart, place, link };
}

const snapshot = (doc: Y.Doc, procedure = NO_PROCEDURE): CaseSnapshot =>
  readCaseSnapshot(doc, procedure);

describe('case checklist rules', () => {
  it('lists evidence without a case-file citation, and stops once it has one', () => {
    const { doc, place } = evidenceCase();
    const knife = place('evidence', { name: 'Con dao', evidenceType: 'physical' });
    place('evidence', { name: 'Biên bản khám nghiệm', evidenceType: 'record', pages: 'BL 12–15' });
    expect(evidenceUncited(snapshot(doc)).map((f) => f.name)).toEqual(['Con dao']);
    expect(evidenceUncited(snapshot(doc))[0]!.subject).toEqual({ kind: 'entity', id: knife.id });
  });

  it('lists evidence with no source of Article 87', () => {
    const { doc, place } = evidenceCase();
    place('evidence', { name: 'Vật không rõ nguồn' });
    place('evidence', { name: 'Lời khai bị hại', evidenceType: 'statement' });
    expect(evidenceNoSource(snapshot(doc)).map((f) => f.name)).toEqual(['Vật không rõ nguồn']);
  });

  it('lists issues to prove that nothing establishes or that evidence disputes, not proven ones', () => {
    const { doc, place, link } = evidenceCase();
    const proven = place('fact', { name: 'Có hành vi trộm cắp', factType: 'issue-crime' });
    const disputed = place('fact', { name: 'Người thực hiện', factType: 'issue-offender' });
    place('fact', { name: 'Thiệt hại', factType: 'issue-damage' });
    // An element of the offence is not an issue of Article 85.
    place('fact', { name: 'Khách thể', factType: 'element-object' });
    // An issue that is on no chart has no evidence either.
    addEntity(
      doc,
      { kind: 'fact', fields: { name: 'Nguyên nhân', factType: 'issue-causes' } },
      'me',
    );
    const camera = place('evidence', { name: 'Camera', evidenceType: 'electronic' });
    const alibi = place('evidence', { name: 'Lời khai ngoại phạm', evidenceType: 'statement' });
    link(camera, 'supports', proven);
    link(camera, 'supports', disputed);
    link(alibi, 'contradicts', disputed);
    const found = issueUnproven(snapshot(doc));
    expect(found.map((f) => [f.name, f.reason]).sort()).toEqual([
      ['Nguyên nhân', 'unproven'],
      ['Người thực hiện', 'disputed'],
      ['Thiệt hại', 'unproven'],
    ]);
  });

  it('tells a fact resting on the accused’s confession alone from one resting on a witness alone', () => {
    const { doc, place, link } = evidenceCase();
    const accused = place('person', { name: 'Nguyễn Văn Ấn', role: 'suspect' });
    const witness = place('person', { name: 'Đỗ Thị Lập', role: 'witness' });
    const confession = place('evidence', { name: 'Lời khai nhận tội', evidenceType: 'statement' });
    const seen = place('evidence', { name: 'Lời khai nhân chứng', evidenceType: 'statement' });
    const act = place('fact', { name: 'Lấy xe máy', factType: 'issue-crime' });
    const place2 = place('fact', { name: 'Có mặt tại chợ', factType: 'issue-crime' });
    link(confession, 'relation', accused);
    link(seen, 'relation', witness);
    link(confession, 'supports', act);
    link(seen, 'supports', place2);
    const found = confessionAlone(snapshot(doc));
    expect(found.map((f) => [f.name, f.reason]).sort()).toEqual([
      ['Có mặt tại chợ', 'statement'],
      ['Lấy xe máy', 'confession'],
    ]);
    // Physical evidence that agrees with the confession: the fact no longer rests on it alone.
    const bike = place('evidence', { name: 'Xe máy thu giữ', evidenceType: 'physical' });
    link(bike, 'corroborates', confession);
    expect(confessionAlone(snapshot(doc)).map((f) => f.name)).toEqual(['Có mặt tại chợ']);
  });

  it('finds a confession through an event that lists the accused and the statement', () => {
    const { doc, place, link } = evidenceCase();
    const accused = addEntity(
      doc,
      { kind: 'person', fields: { name: 'Ấn', role: 'defendant' } },
      'me',
    );
    const statement = place('evidence', { name: 'Bản tự khai', evidenceType: 'statement' });
    addEntity(
      doc,
      {
        kind: 'event',
        fields: { name: 'Lấy lời khai', people: [accused], evidence: [statement.id] },
      },
      'me',
    );
    link(statement, 'supports', place('fact', { name: 'Hành vi', factType: 'issue-crime' }));
    expect(confessionAlone(snapshot(doc))[0]!.reason).toBe('confession');
  });

  it('reads an age that a birth date known only to the year cannot settle as a range', () => {
    expect(ageRange('2010-06-15', '2024-06-14')).toEqual([13, 13]);
    expect(ageRange('2010-06-15', '2024-06-15')).toEqual([14, 14]);
    expect(ageRange('15/06/2010', '15/6/2024')).toEqual([14, 14]);
    expect(ageRange('2010', '2024-06-15')).toEqual([13, 14]);
    expect(ageRange('không rõ', '2024-06-15')).toBeNull();
  });

  it('flags an accused under 14, and one under 16 unless the offence is grave and listed in Article 12(2)', () => {
    const base = (birthDate: string, charges: ProcedureFacts['charges']): CaseSnapshot => ({
      ...snapshot(new Y.Doc(), { charges, deadlines: [], offenceDate: '2025-03-14' }),
      accused: [{ id: 'p1', name: 'Nguyễn Văn Ấn', birthDate }],
    });
    const theftLess = [{ article: '173', class: 'less-serious' as const }];
    const theftGrave = [{ article: '173', class: 'especially-serious' as const }];
    const fraudGrave = [{ article: '174', class: 'very-serious' as const }];
    expect(accusedAge(base('2012-01-01', theftGrave))[0]).toMatchObject({
      reason: 'under14',
      values: { age: 13 },
    });
    expect(accusedAge(base('2010-01-01', theftLess))[0]!.reason).toBe('under16');
    expect(accusedAge(base('2010-01-01', theftGrave))).toEqual([]);
    // Fraud (Article 174) is not among the articles of Article 12(2), however grave.
    expect(accusedAge(base('2010-01-01', fraudGrave))[0]!.reason).toBe('under16');
    expect(accusedAge(base('1990-05-12', theftLess))).toEqual([]);
    // Known only to the year: 2009 may be 15 or 16 on 14 March 2025.
    expect(accusedAge(base('2009', theftLess))[0]!.reason).toBe('uncertain16');
    expect(accusedAge(base('2011', theftGrave))[0]!.reason).toBe('uncertain14');
    // No offence date recorded: nothing to compare with.
    expect(
      accusedAge({ ...base('2012-01-01', theftGrave), offenceDate: undefined } as CaseSnapshot),
    ).toEqual([]);
  });

  it('lists deadlines within seven days or passed, nearest first', () => {
    const s: CaseSnapshot = {
      ...snapshot(new Y.Doc()),
      deadlines: [
        {
          id: 'a',
          name: 'Tạm giam',
          due: '2026-12-20',
          daysLeft: 17,
          status: 'ok',
          source: 'Điều 173',
        },
        {
          id: 'b',
          name: 'Điều tra',
          due: '2026-12-08',
          daysLeft: 5,
          status: 'soon7',
          source: 'Điều 172',
        },
        {
          id: 'c',
          name: 'Tạm giữ',
          due: '2026-12-01',
          daysLeft: -2,
          status: 'overdue',
          source: 'Điều 118',
        },
        {
          id: 'd',
          name: 'Truy tố',
          due: '2026-12-01',
          daysLeft: -2,
          status: 'done',
          source: 'Điều 240',
        },
      ],
    };
    expect(deadlineNear(s).map((f) => [f.subject, f.reason])).toEqual([
      [{ kind: 'deadline', id: 'c' }, 'overdue'],
      [{ kind: 'deadline', id: 'b' }, 'soon'],
    ]);
  });

  it('lists scene markers that stand for no evidence item', () => {
    const doc = new Y.Doc();
    const scene = addBoard(doc, { kind: 'scene', title: 'Hiện trường' }, 'me');
    const knife = addEntity(doc, { kind: 'evidence', fields: { name: 'Con dao' } }, 'me');
    addSceneObject(
      doc,
      { boardId: scene, object: { shape: 'marker', x: 1, y: 1, entity: knife } },
      'me',
    );
    const loose = addSceneObject(
      doc,
      { boardId: scene, object: { shape: 'marker', x: 2, y: 2 } },
      'me',
    );
    addSceneObject(
      doc,
      { boardId: scene, object: { shape: 'rect', x: 0, y: 0, w: 3, h: 3 } },
      'me',
    );
    const found = markerUnlinked(snapshot(doc));
    expect(found.map((f) => f.subject)).toEqual([{ kind: 'node', boardId: scene, nodeId: loose }]);
    expect(found[0]!.values).toMatchObject({ board: 'Hiện trường', number: 2 });
  });

  it('lists case-file documents cited nowhere: not by evidence, topics, scenes or slides', () => {
    const doc = new Y.Doc();
    const files = ['a', 'b', 'c', 'd', 'e'].map((c, i) => ({
      hash: hash(c),
      name: `Tài liệu ${i + 1}.pdf`,
      mime: 'application/pdf' as const,
      size: 10,
    }));
    for (const f of files) addFileRecord(doc, f, 'me');
    const evidence = addEntity(doc, { kind: 'evidence', fields: { name: 'Biên bản' } }, 'me');
    attachFile(doc, { entityId: evidence, hash: hash('a') }, 'me');
    const map = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'me');
    const topic = addTopic(doc, { boardId: map, parent: null, label: 'Vụ án' }, 'me');
    setTopic(doc, { boardId: map, id: topic, patch: { image: hash('b') } }, 'me');
    const scene = addBoard(doc, { kind: 'scene', title: 'Hiện trường' }, 'me');
    addSceneObject(
      doc,
      { boardId: scene, object: { shape: 'image', x: 0, y: 0, w: 1, h: 1, file: hash('c') } },
      'me',
    );
    addSlide(doc, { kind: 'document', file: hash('d'), page: 1 }, 'me');
    expect(fileUncited(snapshot(doc)).map((f) => f.name)).toEqual(['Tài liệu 5.pdf']);
  });

  it('runs every rule, each with its legal source', () => {
    const { doc, place } = evidenceCase();
    place('evidence', { name: 'Con dao' });
    const results = runChecklist(snapshot(doc));
    expect(results.map((r) => r.rule.id)).toEqual(CHECKLIST_RULES.map((r) => r.id));
    for (const r of results) {
      expect(r.rule.source.vi).toMatch(/^Điều \d+/);
      expect(r.rule.source.en).toMatch(/^Articles? \d+/);
    }
    const byRule = Object.fromEntries(results.map((r) => [r.rule.id, r.findings.length]));
    expect(byRule).toMatchObject({
      'evidence-uncited': 1,
      'evidence-no-source': 1,
      'file-uncited': 0,
    });
  });
});

describe('the checklist reads the procedure part of the case', () => {
  it('finds a detention about to end and an accused too young for a less serious theft', () => {
    const doc = new Y.Doc();
    setCaseMeta(doc, { offences: ['BLHS-173.1'] }, 'me');
    const accused = addEntity(
      doc,
      {
        kind: 'person',
        fields: { name: 'Nguyễn Văn Ấn', role: 'suspect', birthDate: '2010-01-01' },
      },
      'me',
    );
    addProcedureEvent(doc, { kind: 'offence', date: '2025-03-14' }, 'me');
    addProcedureEvent(doc, { kind: 'case-initiated', date: '2026-10-01' }, 'me');
    addProcedureEvent(doc, { kind: 'detention', date: '2026-10-05', person: accused }, 'me');
    const facts = procedureFacts(doc, '2026-12-01', 'vi');
    expect(facts.charges).toEqual([{ article: '173', class: 'less-serious' }]);
    expect(facts.offenceDate).toBe('2025-03-14');
    const results = Object.fromEntries(
      runChecklist(readCaseSnapshot(doc, facts)).map((r) => [r.rule.id, r.findings]),
    );
    // Investigation (2 months from 1 October) ends today; the detention two days later.
    expect(results['deadline-near']!.map((f) => f.name)).toEqual([
      'Hết hạn điều tra',
      'Hết hạn tạm giam — Nguyễn Văn Ấn',
    ]);
    expect(results['accused-age']).toMatchObject([{ name: 'Nguyễn Văn Ấn', reason: 'under16' }]);
    // In English the deadline is named in English.
    expect(procedureFacts(doc, '2026-12-01', 'en').deadlines.map((d) => d.name)).toContain(
      'Detention ends — Nguyễn Văn Ấn',
    );
  });
});
