import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  addEntity,
  addLink,
  addNode,
  addStatementPassage,
  analyseProof,
  CommandError,
  comparisonRows,
  deleteStatementPassage,
  getEntity,
  listStatements,
  readProofGraph,
  readStatement,
  setComparisonMark,
  statementContradictions,
  updateEntity,
  updateStatementPassage,
  validateCaseDoc,
} from '../../src/core/index.ts';
import { DocumentGuard } from '../../server/sync/DocumentGuard.ts';
import {
  readCaseSnapshot,
  runChecklist,
  statementContradiction,
} from '../../src/core/checklist/index.ts';

const FILE = 'a'.repeat(64);

/** A case with a suspect, a witness, two issues, and one statement from each. */
function statementCase() {
  const doc = new Y.Doc();
  const suspect = addEntity(
    doc,
    { kind: 'person', fields: { name: 'Nguyễn Văn Ấn', role: 'suspect' } },
    'me',
  );
  const witness = addEntity(
    doc,
    { kind: 'person', fields: { name: 'ĐỖ THỊ LẬP', role: 'witness' } },
    'me',
  );
  const time = addEntity(
    doc,
    { kind: 'fact', fields: { name: 'Thời gian xảy ra vụ việc', factType: 'issue-crime' } },
    'me',
  );
  const who = addEntity(
    doc,
    { kind: 'fact', fields: { name: 'Người thực hiện hành vi', factType: 'issue-offender' } },
    'me',
  );
  const statement = (name: string, givenBy: string, givenAt: string) =>
    addEntity(
      doc,
      {
        kind: 'evidence',
        fields: { name, evidenceType: 'statement', givenBy, givenAt, pages: 'BL 40–42' },
      },
      'me',
    );
  // Added out of time order: the comparison sorts by when they were given.
  const later = statement('Lời khai của người làm chứng', witness, '9h ngày 20/3/2025');
  const first = statement('Bản tự khai của bị can', suspect, '14/3/2025');
  return { doc, suspect, witness, time, who, first, later };
}

describe('statements: model and commands', () => {
  it('keeps who, when, the record and the document of a statement, and lists statements by time', () => {
    const { doc, first, later, suspect } = statementCase();
    updateEntity(
      doc,
      { id: first, fields: { recordName: 'Biên bản ghi lời khai số 12', document: FILE } },
      'me',
    );
    const statements = listStatements(doc);
    expect(statements.map((s) => s.id)).toEqual([first, later]);
    expect(statements[0]).toMatchObject({
      givenBy: suspect,
      givenByName: 'Nguyễn Văn Ấn',
      givenAt: '14/3/2025',
      recordName: 'Biên bản ghi lời khai số 12',
      document: FILE,
      pages: 'BL 40–42',
    });
    expect(() =>
      updateEntity(doc, { id: first, fields: { document: 'not a hash' } }, 'me'),
    ).toThrow(CommandError);
  });

  it('adds a passage with its quote in NFC, its row, aspect and page region, then edits and removes it', () => {
    const { doc, first, time } = statementCase();
    const decomposed = 'Khoảng 21 giờ tôi ở nhà người quen'.normalize('NFD');
    const id = addStatementPassage(doc, first, {
      quote: `  ${decomposed} `,
      target: time,
      aspect: 'time',
      file: FILE,
      page: 3,
      region: { x: 0.1, y: 0.4, w: 0.8, h: 0.1 },
    });
    const [passage] = readStatement(doc, first)!.passages;
    expect(passage).toMatchObject({
      id,
      quote: 'Khoảng 21 giờ tôi ở nhà người quen',
      target: time,
      aspect: 'time',
      file: FILE,
      page: 3,
      region: { x: 0.1, y: 0.4, w: 0.8, h: 0.1 },
    });
    expect(passage!.quote).toBe(passage!.quote.normalize('NFC'));

    updateStatementPassage(
      doc,
      { statementId: first, passageId: id, patch: { aspect: 'place', page: '' } },
      'me',
    );
    // Clearing the page clears its region too: a region belongs to a page.
    const edited = readStatement(doc, first)!.passages[0]!;
    expect(edited.aspect).toBe('place');
    expect(edited.page).toBeUndefined();
    expect(edited.region).toBeUndefined();

    deleteStatementPassage(doc, { statementId: first, passageId: id }, 'me');
    expect(readStatement(doc, first)!.passages).toEqual([]);
  });

  it('refuses bad passages and leaves the document as it was', () => {
    const { doc, first, time, suspect } = statementCase();
    const existing = addStatementPassage(doc, first, { quote: 'Tôi về nhà' });
    const before = Y.encodeStateVector(doc);
    const refused = (fn: () => unknown, code: string) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(CommandError);
        expect((error as CommandError).code).toBe(code);
        return;
      }
      throw new Error(`not refused: ${code}`);
    };
    refused(() => addStatementPassage(doc, first, { quote: '   ' }), 'statement.emptyQuote');
    refused(
      () =>
        addStatementPassage(doc, first, {
          quote: 'Tôi không có mặt',
          page: 1,
          region: { x: 0.5, y: 0.5, w: 1.5, h: 0.1 },
        }),
      'statement.badPassage',
    );
    refused(
      () =>
        addStatementPassage(doc, first, {
          quote: 'Tôi không có mặt',
          region: { x: 0.1, y: 0.1, w: 0.2, h: 0.1 },
        }),
      'statement.regionWithoutPage',
    );
    refused(
      () => addStatementPassage(doc, first, { quote: 'x', aspect: 'colour' }),
      'statement.badPassage',
    );
    refused(() => addStatementPassage(doc, suspect, { quote: 'x' }), 'statement.notStatement');
    refused(
      () =>
        updateStatementPassage(
          doc,
          {
            statementId: first,
            passageId: existing,
            patch: { page: 'ba' },
          },
          'me',
        ),
      'statement.badPage',
    );
    refused(
      () =>
        setComparisonMark(doc, { statementId: first, target: suspect, mark: 'consistent' }, 'me'),
      'statement.badRow',
    );
    refused(
      () =>
        setComparisonMark(
          doc,
          { statementId: first, target: time, mark: 'maybe' as 'silent' },
          'me',
        ),
      'statement.badMark',
    );
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('groups the rows by the issue of Article 85, with events a passage speaks to', () => {
    const { doc, first, time, who } = statementCase();
    const event = addEntity(doc, { kind: 'event', fields: { name: 'Gặp nhau ở quán' } }, 'me');
    addEntity(doc, { kind: 'event', fields: { name: 'Không ai nhắc tới' } }, 'me');
    addStatementPassage(doc, first, { quote: 'Chúng tôi gặp nhau ở quán', target: event });
    const groups = comparisonRows(doc, listStatements(doc));
    expect(groups.map((g) => g.group)).toEqual(['issue-crime', 'issue-offender', 'event']);
    expect(groups.map((g) => g.rows.map((r) => r.id))).toEqual([[time], [who], [event]]);
  });
});

describe('statements: validation', () => {
  it('accepts what the commands write and refuses malformed points and marks', () => {
    const { doc, first, time } = statementCase();
    addStatementPassage(doc, first, {
      quote: 'Tôi thấy',
      target: time,
      page: 2,
      region: { x: 0, y: 0, w: 1, h: 1 },
    });
    setComparisonMark(doc, { statementId: first, target: time, mark: 'silent' }, 'me');
    expect(validateCaseDoc(doc)).toEqual([]);

    const record = doc.getMap('register').get(first) as Y.Map<unknown>;
    const write = (key: string, value: unknown) => {
      record.set(key, value);
      const problems = validateCaseDoc(doc, [['register', first]]);
      record.delete(key);
      return problems.map((p) => p.path);
    };
    const point = { id: 'p1', order: 'a0', quote: 'Tôi thấy' };
    expect(write('passage:p1', point)).toEqual([]);
    expect(write('passage:p1', { ...point, region: { x: 0.2, y: 0.2, w: 2, h: 0.1 } })).toEqual([
      `register/${first}.passage:p1`,
    ]);
    expect(write('passage:p1', { ...point, quote: '' })).toHaveLength(1);
    expect(write('passage:p1', { ...point, aspect: 'colour' })).toHaveLength(1);
    expect(write('passage:p1', { ...point, page: 1.5 })).toHaveLength(1);
    expect(write('passage:p2', point)).toHaveLength(1); // stored under another id
    expect(write('passage:p1', new Y.Map())).toContain(`register/${first}.passage:p1`);
    expect(write('passage:p1', 'Tôi thấy')).toHaveLength(1);
    expect(write(`mark:${time}`, 'maybe')).toHaveLength(1);
    expect(write(`mark:${time}`, 'contradicting')).toEqual([]);
  });
});

describe('statements: the server’s update check', () => {
  /** A change made on a copy of the room's document, as a client would send it. */
  const changeOf = (room: Y.Doc, change: (doc: Y.Doc) => void) => {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
    const before = Y.encodeStateVector(client);
    change(client);
    return Y.encodeStateAsUpdate(client, before);
  };

  it('accepts passages and marks the commands write, and refuses a stock client’s malformed ones', () => {
    const { doc: room, first, time } = statementCase();
    const guard = new DocumentGuard(room, 1000);
    const good = changeOf(room, (d) => {
      addStatementPassage(d, first, { quote: 'Tôi ở nhà', target: time, page: 1 });
      setComparisonMark(d, { statementId: first, target: time, mark: 'contradicting' }, 'me');
    });
    expect(guard.check(good)).toEqual([]);
    Y.applyUpdate(room, good);
    const record = (d: Y.Doc) => d.getMap('register').get(first) as Y.Map<unknown>;
    const badPoint = changeOf(room, (d) =>
      record(d).set('passage:x', { id: 'x', order: 'a0', quote: 'Tôi', region: { x: 0, y: 0 } }),
    );
    expect(guard.check(badPoint).map((p) => p.path)).toEqual([`register/${first}.passage:x`]);
    const badMark = changeOf(room, (d) => record(d).set(`mark:${time}`, 'có lẽ'));
    expect(guard.check(badMark)).toHaveLength(1);
  });
});

describe('statements: contradictions in the proof analysis and the checklist', () => {
  it('disputes a proven fact when a statement is marked contradicting on it, and lists the statement', () => {
    const { doc, first, later, time } = statementCase();
    const chart = addBoard(doc, { kind: 'evidence', title: 'Chứng cứ' }, 'me');
    const camera = addEntity(
      doc,
      { kind: 'evidence', fields: { name: 'Dữ liệu camera', evidenceType: 'electronic' } },
      'me',
    );
    const factNode = addNode(doc, { boardId: chart, x: 0, y: 0, entity: time }, 'me');
    const cameraNode = addNode(doc, { boardId: chart, x: 0, y: 0, entity: camera }, 'me');
    addLink(doc, { boardId: chart, source: cameraNode, target: factNode, type: 'supports' }, 'me');
    const statusOf = () =>
      analyseProof(readProofGraph(doc, chart)).facts.find((f) => f.id === time)!;
    expect(statusOf().status).toBe('proven');

    setComparisonMark(doc, { statementId: first, target: time, mark: 'consistent' }, 'me');
    expect(statusOf().status).toBe('proven');
    setComparisonMark(doc, { statementId: later, target: time, mark: 'contradicting' }, 'me');
    expect(statusOf()).toMatchObject({ status: 'disputed', contradictingStatements: [later] });

    // The checklist lists the row, with the statement, and points at the comparison.
    const findings = statementContradiction(readCaseSnapshot(doc, { charges: [], deadlines: [] }));
    expect(findings).toEqual([
      {
        rule: 'statement-contradiction',
        subject: { kind: 'comparison', target: time },
        name: 'Thời gian xảy ra vụ việc',
        reason: 'contradicting',
        values: { count: 1, statements: 'Lời khai của người làm chứng' },
      },
    ]);
    const rule = runChecklist(readCaseSnapshot(doc, { charges: [], deadlines: [] })).find(
      (r) => r.rule.id === 'statement-contradiction',
    )!;
    expect(rule.rule.source.vi).toBe('Điều 98, Điều 108 BLTTHS 2015');

    // Marked consistent again: the fact is proven and the checklist is clear.
    setComparisonMark(doc, { statementId: later, target: time, mark: null }, 'me');
    expect(statusOf()).toMatchObject({ status: 'proven', contradictingStatements: [] });
    expect(statementContradictions(doc)).toEqual([]);
  });

  it('leaves an unproven fact unproven, listing the contradicting statement', () => {
    const { doc, first, who } = statementCase();
    const chart = addBoard(doc, { kind: 'evidence', title: 'Chứng cứ' }, 'me');
    addNode(doc, { boardId: chart, x: 0, y: 0, entity: who }, 'me');
    setComparisonMark(doc, { statementId: first, target: who, mark: 'contradicting' }, 'me');
    const fact = analyseProof(readProofGraph(doc, chart)).facts[0]!;
    expect(fact).toMatchObject({ status: 'unproven', contradictingStatements: [first] });
  });
});

describe('statements: two people at once', () => {
  it('converge when two people mark cells and add passages of one statement concurrently', () => {
    const { doc: a, first, later, time, who } = statementCase();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Offline, each marks cells and adds a passage; one cell both mark differently.
    setComparisonMark(a, { statementId: first, target: time, mark: 'consistent' }, 'a');
    setComparisonMark(a, { statementId: later, target: who, mark: 'contradicting' }, 'a');
    addStatementPassage(a, first, { quote: 'Tôi ở nhà', target: time }, 'a');
    setComparisonMark(b, { statementId: first, target: time, mark: 'contradicting' }, 'b');
    setComparisonMark(b, { statementId: first, target: who, mark: 'silent' }, 'b');
    addStatementPassage(b, first, { quote: 'Tôi không biết anh Hùng', target: who }, 'b');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    expect(listStatements(a)).toEqual(listStatements(b));
    const merged = readStatement(a, first)!;
    // Both passages survive; the cell both marked holds one of the two marks on both peers.
    expect(merged.passages.map((p) => p.quote).sort()).toEqual([
      'Tôi không biết anh Hùng',
      'Tôi ở nhà',
    ]);
    expect(['consistent', 'contradicting']).toContain(merged.marks[time]);
    expect(merged.marks[who]).toBe('silent');
    expect(readStatement(a, later)!.marks[who]).toBe('contradicting');
    expect(validateCaseDoc(a)).toEqual([]);
    expect(getEntity(a, first)?.name).toBe('Bản tự khai của bị can');
  });
});
