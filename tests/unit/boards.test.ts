import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  CommandError,
  deleteBoard,
  listBoards,
  migrateCaseDoc,
  moveBoard,
  NewerSchemaError,
  readMeta,
  renameBoard,
  SCHEMA_VERSION,
  setCaseMeta,
} from '../../src/core/index.ts';
import { random } from '../helpers/random.ts';

const titles = (doc: Y.Doc) => listBoards(doc).map((b) => b.title);

/** Exchanges every update between the docs, as a server would. */
function syncAll(docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs)
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
  }
}

describe('board commands', () => {
  it('adds, renames, reorders and deletes boards', () => {
    const doc = new Y.Doc();
    const a = addBoard(doc, { kind: 'mindmap', title: 'Nội dung vụ án' }, 'me');
    const b = addBoard(doc, { kind: 'scene', title: 'Hiện trường' }, 'me');
    const c = addBoard(doc, { kind: 'evidence', title: 'Chứng cứ' }, 'me');
    expect(titles(doc)).toEqual(['Nội dung vụ án', 'Hiện trường', 'Chứng cứ']);
    renameBoard(doc, { id: b, title: ' Sơ đồ hiện trường ' }, 'me');
    moveBoard(doc, { id: c, index: 0 }, 'me');
    expect(titles(doc)).toEqual(['Chứng cứ', 'Nội dung vụ án', 'Sơ đồ hiện trường']);
    moveBoard(doc, { id: c, index: 2 }, 'me');
    expect(titles(doc)).toEqual(['Nội dung vụ án', 'Sơ đồ hiện trường', 'Chứng cứ']);
    deleteBoard(doc, { id: a }, 'me');
    expect(titles(doc)).toEqual(['Sơ đồ hiện trường', 'Chứng cứ']);
  });

  it('refuses bad arguments without changing the document', () => {
    const doc = new Y.Doc();
    const id = addBoard(doc, { kind: 'timeline', title: 'Diễn biến' }, 'me');
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => renameBoard(doc, { id, title: '   ' }, 'me')).toThrow(CommandError);
    expect(() => renameBoard(doc, { id: 'nope', title: 'x' }, 'me')).toThrow(CommandError);
    // @ts-expect-error: a kind that does not exist
    expect(() => addBoard(doc, { kind: 'spreadsheet', title: 'x' }, 'me')).toThrow(CommandError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('is undone per person: an UndoManager on one origin leaves the other peer alone', () => {
    const mine = {};
    const doc = new Y.Doc();
    const undo = new Y.UndoManager([doc.getMap('boards')], { trackedOrigins: new Set([mine]) });
    const other = new Y.Doc();
    addBoard(doc, { kind: 'mindmap', title: 'Của tôi' }, mine);
    addBoard(other, { kind: 'scene', title: 'Của đồng nghiệp' }, 'remote');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), 'remote');
    undo.undo();
    expect(titles(doc)).toEqual(['Của đồng nghiệp']);
    undo.redo();
    expect(titles(doc).sort()).toEqual(['Của tôi', 'Của đồng nghiệp'].sort());
  });

  it('converges for many peers making random concurrent changes', () => {
    for (const seed of [1, 2, 3, 42, 2026]) {
      const { next } = random(seed);
      const peers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
      for (let round = 0; round < 30; round++) {
        for (const doc of peers) {
          const boards = listBoards(doc);
          const pick = boards[Math.floor(next() * boards.length)];
          const action = next();
          if (!pick || action < 0.35) addBoard(doc, { kind: 'mindmap', title: `B${round}` }, 'p');
          else if (action < 0.6) renameBoard(doc, { id: pick.id, title: `R${round}` }, 'p');
          else if (action < 0.85)
            moveBoard(doc, { id: pick.id, index: Math.floor(next() * boards.length) }, 'p');
          else deleteBoard(doc, { id: pick.id }, 'p');
        }
        if (next() < 0.3) syncAll(peers);
      }
      syncAll(peers);
      const [first, ...rest] = peers.map((d) => listBoards(d));
      for (const other of rest) expect(other).toEqual(first);
    }
  });

  it('keeps both boards when two people add at the same place at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addBoard(a, { kind: 'mindmap', title: 'A' }, 'a');
    addBoard(b, { kind: 'scene', title: 'B' }, 'b');
    syncAll([a, b]);
    expect(titles(a)).toHaveLength(2);
    expect(titles(a)).toEqual(titles(b));
  });
});

describe('schema and migrations', () => {
  it('brings an empty document to the current schema once', () => {
    const doc = new Y.Doc();
    expect(migrateCaseDoc(doc, 'me')).toEqual(
      Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
    );
    expect(readMeta(doc).schema).toBe(SCHEMA_VERSION);
    expect(migrateCaseDoc(doc, 'me')).toEqual([]);
  });

  it('migrates a schema 1 document to schema 2, keeping its boards', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schema', 1);
    addBoard(doc, { kind: 'mindmap', title: 'Cũ' }, 'me');
    expect(migrateCaseDoc(doc, 'me')).toEqual([2]);
    expect(readMeta(doc).schema).toBe(2);
    expect(titles(doc)).toEqual(['Cũ']);
  });

  it('refuses to touch a document from a newer version', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schema', SCHEMA_VERSION + 1);
    expect(() => migrateCaseDoc(doc, 'me')).toThrow(NewerSchemaError);
  });

  it('writes only the metadata fields it is given', () => {
    const doc = new Y.Doc();
    setCaseMeta(
      doc,
      { title: 'Vụ án', caseNumber: '01/2026', offences: ['BLHS-173'], classification: 'mat' },
      's',
    );
    setCaseMeta(doc, { title: 'Vụ án (sửa)' }, 's');
    expect(readMeta(doc)).toEqual({
      schema: SCHEMA_VERSION,
      title: 'Vụ án (sửa)',
      caseNumber: '01/2026',
      offences: ['BLHS-173'],
      classification: 'mat',
    });
  });
});
