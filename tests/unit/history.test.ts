import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  addEntity,
  addTopic,
  deleteTopics,
  diffVersions,
  docFromState,
  listTopics,
  migrateCaseDoc,
  moveTopic,
  restoreVersion,
  RESTORED_ROOTS,
  setTopic,
  updateEntity,
  addSceneObject,
  deleteSceneObjects,
} from '../../src/core/index.ts';
import { addProcedureEvent, readProcedure } from '../../src/core/procedure/index.ts';
import { changeName } from '../../src/history/changeName.ts';
import { installHistoryTexts } from '../../src/history/locales.ts';
import { sceneBoard } from '../../src/boards/scene/index.ts';

const content = (doc: Y.Doc) =>
  JSON.stringify(
    Object.fromEntries(RESTORED_ROOTS.map((r) => [r, doc.getMap(r).toJSON()])),
    (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
        : v,
  );

function caseWithMap() {
  const doc = new Y.Doc();
  migrateCaseDoc(doc, 'test');
  const boardId = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, 'test');
  const root = addTopic(doc, { boardId, parent: null, label: 'Vụ án Nguyễn Văn A' }, 'test');
  const a = addTopic(doc, { boardId, parent: root, label: 'Bị can' }, 'test');
  const b = addTopic(doc, { boardId, parent: root, label: 'Người bị hại' }, 'test');
  const c = addTopic(doc, { boardId, parent: a, label: 'Lời khai' }, 'test');
  const person = addEntity(doc, { kind: 'person', fields: { name: 'Trần Văn B' } }, 'test');
  return { doc, boardId, root, a, b, c, person };
}

describe('versions', () => {
  it('names what was added, removed, moved and relabelled on each board', () => {
    const { doc, boardId, root, a, b, c } = caseWithMap();
    const version = docFromState(Y.encodeStateAsUpdate(doc));
    const added = addTopic(doc, { boardId, parent: root, label: 'Vật chứng' }, 'u');
    deleteTopics(doc, { boardId, ids: [b] }, 'u');
    moveTopic(doc, { boardId, id: c, parent: root, index: 0 }, 'u');
    setTopic(doc, { boardId, id: a, patch: { label: 'Bị can Trần Văn B' } }, 'u');
    const scene = addBoard(doc, { kind: 'scene', title: 'Hiện trường' }, 'u');

    const diff = diffVersions(version, doc);
    const map = diff.find((d) => d.boardId === boardId)!;
    expect(map).toMatchObject({ status: 'changed', added: [added], removed: [b], relabelled: [a] });
    expect(map.moved).toContain(c);
    expect(map.labels[b]).toBe('Người bị hại');
    expect(map.labels[a]).toBe('Bị can Trần Văn B');
    expect(diff.find((d) => d.boardId === scene)).toMatchObject({ status: 'added' });
    // Nothing changed: nothing listed.
    expect(diffVersions(doc, docFromState(Y.encodeStateAsUpdate(doc)))).toEqual([]);
  });

  it('names the events a timeline draws that were added, moved in time or changed', () => {
    const doc = new Y.Doc();
    migrateCaseDoc(doc, 'test');
    const timeline = addBoard(doc, { kind: 'timeline', title: 'Diễn biến' }, 'test');
    const ev = (name: string, start: string) =>
      addEntity(doc, { kind: 'event', fields: { name, start } }, 'test');
    const kept = ev('Gặp nhau tại quán', '12/3/2024 19:00');
    const shifted = ev('Chuyển tiền', '13/3/2024 9:00');
    const renamed = ev('Bỏ trốn', '14/3/2024');
    const version = docFromState(Y.encodeStateAsUpdate(doc));
    const added = ev('Bị bắt', '20/3/2024');
    updateEntity(doc, { id: shifted, fields: { start: '13/3/2024 10:00' } }, 'u');
    updateEntity(doc, { id: renamed, fields: { name: 'Bỏ trốn khỏi địa phương' } }, 'u');
    addEntity(doc, { kind: 'person', fields: { name: 'Trần Văn B' } }, 'u');
    const drawn = (kind: string) =>
      kind === 'timeline' ? { kinds: ['event'], positionFields: ['start', 'end'] } : null;

    const diff = diffVersions(version, doc, undefined, drawn).find((d) => d.boardId === timeline);
    expect(diff).toMatchObject({
      status: 'changed',
      added: [added],
      removed: [],
      moved: [shifted],
      relabelled: [renamed],
    });
    expect(diff!.labels[renamed]).toBe('Bỏ trốn khỏi địa phương');
    expect(diff!.labels[kept]).toBe('Gặp nhau tại quán');
    // Without the timeline's entities, its board has no nodes and nothing to list.
    expect(diffVersions(version, doc).find((d) => d.boardId === timeline)).toBeUndefined();
  });

  it('restores a version as one change that others receive and one undo takes back', () => {
    const { doc, boardId, root, b, person } = caseWithMap();
    const state = Y.encodeStateAsUpdate(doc);
    const before = content(doc);
    // A colleague's copy, synced both ways.
    const other = new Y.Doc();
    Y.applyUpdate(other, state);
    doc.on(
      'update',
      (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(other, u, 'remote'),
    );

    addTopic(doc, { boardId, parent: root, label: 'Thêm sau' }, 'u');
    deleteTopics(doc, { boardId, ids: [b] }, 'u');
    updateEntity(doc, { id: person, fields: { name: 'Trần Văn Bê' } }, 'u');
    addBoard(doc, { kind: 'evidence', title: 'Chứng cứ' }, 'u');
    // Procedural events are the case's too: a version brings back the ones it had.
    addProcedureEvent(doc, { kind: 'case-initiated', date: '2026-03-02' }, 'u');
    const changed = content(doc);
    expect(changed).not.toBe(before);

    const me = { person: 'restorer' };
    const undo = new Y.UndoManager(
      RESTORED_ROOTS.map((r) => doc.getMap(r)),
      {
        trackedOrigins: new Set([me]),
        captureTimeout: 0,
      },
    );
    let updates = 0;
    doc.on('update', () => updates++);
    restoreVersion(doc, docFromState(state), me);
    expect(updates).toBe(1);
    expect(content(doc)).toBe(before);
    expect(content(other)).toBe(before);
    expect(listTopics(doc, boardId).map((t) => t.label)).toContain('Người bị hại');
    expect(readProcedure(doc).events).toEqual([]);

    undo.undo();
    expect(content(doc)).toBe(changed);
    expect(content(other)).toBe(changed);
  });

  it('writes nothing when the case already equals the version', () => {
    const { doc } = caseWithMap();
    let updates = 0;
    doc.on('update', () => updates++);
    restoreVersion(doc, docFromState(Y.encodeStateAsUpdate(doc)), 'u');
    expect(updates).toBe(0);
  });
});

describe('the names of changed scene objects', () => {
  async function translator(lang: 'vi' | 'en') {
    const i18n = createInstance();
    await i18n.init({ lng: lang, resources: {}, showSupportNotice: false });
    installHistoryTexts(i18n);
    return i18n.getFixedT(lang, 'history');
  }

  it('names a marker by its number, a symbol by its name, a shape by its kind, a text by itself', async () => {
    const doc = new Y.Doc();
    migrateCaseDoc(doc, 'test');
    const boardId = addBoard(doc, { kind: 'scene', title: 'Hiện trường' }, 'test');
    const wall = addSceneObject(
      doc,
      {
        boardId,
        object: {
          shape: 'wall',
          points: [
            { x: 0, y: 0 },
            { x: 4, y: 0 },
          ],
        },
      },
      't',
    );
    const version = docFromState(Y.encodeStateAsUpdate(doc));
    addSceneObject(doc, { boardId, object: { shape: 'marker', x: 1, y: 1 } }, 't');
    const marker = addSceneObject(doc, { boardId, object: { shape: 'marker', x: 2, y: 1 } }, 't');
    const car = addSceneObject(
      doc,
      { boardId, object: { shape: 'symbol', symbol: 'car', x: 1, y: 2 } },
      't',
    );
    const text = addSceneObject(
      doc,
      { boardId, object: { shape: 'text', label: 'Cửa sổ', x: 3, y: 3 } },
      't',
    );
    deleteSceneObjects(doc, { boardId, ids: [wall] }, 't');

    const diff = diffVersions(version, doc).find((d) => d.boardId === boardId)!;
    expect(diff.added).toEqual(expect.arrayContaining([marker, car, text]));
    const symbols = await sceneBoard.symbolNames!();
    const names = async (lang: 'vi' | 'en') => {
      const t = await translator(lang);
      return [marker, car, text, wall].map((id) => changeName(t, lang, diff, id, symbols));
    };
    expect(await names('vi')).toEqual(['Dấu vết số 2', 'Xe ô tô con', 'Cửa sổ', 'Tường']);
    expect(await names('en')).toEqual(['Evidence marker 2', 'Car', 'Cửa sổ', 'Wall']);
  });
});
