import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  addEntity,
  addFileRecord,
  addMark,
  attachFile,
  boardsOf,
  CommandError,
  deleteEntity,
  deleteMark,
  detachFile,
  entityUsages,
  formatPageRef,
  getEntity,
  listEntities,
  listFiles,
  listMarks,
  parsePageRef,
  updateEntity,
  updateMark,
} from '../../src/core/index.ts';

const HASH = 'a'.repeat(64);

describe('page references (bút lục)', () => {
  it('parses the ways prosecutors write them', () => {
    expect(parsePageRef('BL 12')).toEqual([{ from: 12, to: 12 }]);
    expect(parsePageRef('BL 12–15')).toEqual([{ from: 12, to: 15 }]);
    expect(parsePageRef('bl.12-15')).toEqual([{ from: 12, to: 15 }]);
    expect(parsePageRef('bút lục 12, 14')).toEqual([
      { from: 12, to: 12 },
      { from: 14, to: 14 },
    ]);
    expect(parsePageRef('Bút lục: 45 đến 47 và 50')).toEqual([
      { from: 45, to: 47 },
      { from: 50, to: 50 },
    ]);
    expect(parsePageRef('but luc 3')).toEqual([{ from: 3, to: 3 }]);
  });

  it('merges overlaps and shows every reference one way', () => {
    expect(formatPageRef(parsePageRef('BL 14, 12-13, 20, 13')!)).toBe('BL 12–14, 20');
  });

  it('refuses what is not a page reference', () => {
    for (const bad of ['', 'BL', 'BL 15-12', 'trang mười', 'BL 0', 'BL 12, x'])
      expect(parsePageRef(bad)).toBeNull();
  });
});

describe('register commands', () => {
  it('adds, edits and lists entities in Vietnamese order, with NFC names and canonical pages', () => {
    const doc = new Y.Doc();
    addEntity(doc, { kind: 'person', fields: { name: 'Nguyễn Văn Ấn', role: 'suspect' } }, 'me');
    const lap = addEntity(
      doc,
      { kind: 'person', fields: { name: 'ĐỖ THỊ LẬP', role: 'victim' } },
      'me',
    );
    addEntity(doc, { kind: 'person', fields: { name: 'Bu\u0300i Va\u0306n Ba' } }, 'me');
    const knife = addEntity(
      doc,
      {
        kind: 'evidence',
        fields: { name: 'Con dao', evidenceType: 'physical', pages: 'bút lục 45-47' },
      },
      'me',
    );
    expect(listEntities(doc, 'person').map((p) => p.name)).toEqual([
      'Bùi Văn Ba',
      'ĐỖ THỊ LẬP',
      'Nguyễn Văn Ấn',
    ]);
    expect(getEntity(doc, knife)).toMatchObject({ kind: 'evidence', pages: 'BL 45–47', files: [] });
    updateEntity(doc, { id: lap, fields: { name: 'Đỗ Thị Lập', address: 'Hà Nội' } }, 'me');
    updateEntity(doc, { id: lap, fields: { address: '', role: '', birthDate: '' } }, 'me');
    expect(getEntity(doc, lap)).not.toHaveProperty('role');
    updateEntity(doc, { id: lap, fields: { role: 'victim' } }, 'me');
    expect(getEntity(doc, lap)).toMatchObject({ name: 'Đỗ Thị Lập', role: 'victim' });
    expect(getEntity(doc, lap)).not.toHaveProperty('address');
  });

  it('refuses bad fields without changing anything', () => {
    const doc = new Y.Doc();
    const id = addEntity(
      doc,
      { kind: 'fact', fields: { name: 'Có hành vi trộm cắp', factType: 'issue-crime' } },
      'me',
    );
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => addEntity(doc, { kind: 'person', fields: { name: '' } }, 'me')).toThrow(
      CommandError,
    );
    expect(() => updateEntity(doc, { id, fields: { factType: 'nonsense' } }, 'me')).toThrow(
      CommandError,
    );
    expect(() => updateEntity(doc, { id, fields: { pages: 'trang 5' } }, 'me')).toThrowError(
      expect.objectContaining({ code: 'register.badPages' }),
    );
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('says where an entity is used, and deleting it leaves its nodes with its last name', () => {
    const doc = new Y.Doc();
    const boardId = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'me');
    const person = addEntity(doc, { kind: 'person', fields: { name: 'Nguyễn Văn Ấn' } }, 'me');
    const event = addEntity(
      doc,
      { kind: 'event', fields: { name: 'Đột nhập', people: [person] } },
      'me',
    );
    const nodes = (boardsOf(doc).get(boardId) as Y.Map<unknown>).get('nodes') as Y.Map<
      Y.Map<unknown>
    >;
    const node = new Y.Map<unknown>();
    doc.transact(() => {
      nodes.set('n1', node);
      node.set('id', 'n1');
      node.set('entity', person);
    });
    expect(entityUsages(doc, person)).toEqual([{ boardId, boardTitle: 'Sơ đồ', nodeId: 'n1' }]);
    deleteEntity(doc, { id: person }, 'me');
    expect(getEntity(doc, person)).toBeNull();
    expect(node.get('entity')).toBeUndefined();
    expect(node.get('label')).toBe('Nguyễn Văn Ấn');
    expect(getEntity(doc, event)).toMatchObject({ people: [] });
  });

  it('lists files on evidence items once, even when two people attach at once', () => {
    const a = new Y.Doc();
    const id = addEntity(a, { kind: 'evidence', fields: { name: 'Biên bản khám nghiệm' } }, 'a');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    attachFile(a, { entityId: id, hash: HASH }, 'a');
    attachFile(b, { entityId: id, hash: HASH }, 'b');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(getEntity(a, id)?.files).toEqual([HASH, HASH]);
    detachFile(a, { entityId: id, hash: HASH }, 'a');
    expect(getEntity(a, id)?.files).toEqual([]);
  });
});

describe('case file records and marks', () => {
  it('records files by hash and keeps marks per page', () => {
    const doc = new Y.Doc();
    addFileRecord(
      doc,
      { hash: HASH, name: 'Bie\u0302n ba\u0309n.pdf', mime: 'application/pdf', size: 1234 },
      'me',
    );
    addFileRecord(
      doc,
      { hash: HASH, name: 'again.pdf', mime: 'application/pdf', size: 1234, pages: 3 },
      'me',
    );
    expect(listFiles(doc)).toEqual([
      { hash: HASH, name: 'Biên bản.pdf', mime: 'application/pdf', size: 1234, pages: 3 },
    ]);
    const callout = addMark(
      doc,
      {
        hash: HASH,
        mark: { kind: 'callout', page: 2, x: 0.1, y: 0.2, w: 0.2, h: 0.1, x2: 0.6, y2: 0.5 },
      },
      'me',
    );
    addMark(
      doc,
      { hash: HASH, mark: { kind: 'note', page: 1, x: 0.5, y: 0.5, text: 'Chữ ký không khớp' } },
      'me',
    );
    expect(listMarks(doc, HASH, 2).map((m) => m.kind)).toEqual(['callout']);
    updateMark(doc, { hash: HASH, id: callout, mark: { x2: 0.7 } }, 'me');
    expect(listMarks(doc, HASH, 2)[0]).toMatchObject({ x2: 0.7, w: 0.2 });
    expect(() =>
      addMark(doc, { hash: HASH, mark: { kind: 'note', page: 0, x: 0, y: 0 } }, 'me'),
    ).toThrow(CommandError);
    deleteMark(doc, { hash: HASH, id: callout }, 'me');
    expect(listMarks(doc, HASH)).toHaveLength(1);
    expect(() =>
      addFileRecord(doc, { hash: 'nope', name: 'x', mime: 'image/png', size: 1 }, 'me'),
    ).toThrow(CommandError);
  });
});
