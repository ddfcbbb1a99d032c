import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  addTopic,
  deleteTopics,
  ImportInterrupted,
  importMapSteps,
  listBoards,
  listTopics,
} from '../../src/core/index.ts';
import type { MapTopic } from '../../src/core/interop/model.ts';
import { importFile } from '../../src/canvas/importFile.ts';
import { DocView, holdViews } from '../../src/sync/docView.ts';
import { keepUndoManager } from '../../src/sync/undoSteps.ts';
import { caseUndoManager } from '../helpers/test-editor.ts';

/** Issue 22: a big map is imported in steps, as one undo step, and never half. */

/** A FreeMind map of `1 + width + width²` topics with Vietnamese labels. */
function freeMind(width: number): string {
  const node = (text: string, inner = '') => `<node TEXT="${text}">${inner}</node>`;
  const branches = Array.from({ length: width }, (_, i) =>
    node(
      `Lời khai ${i + 1}`,
      Array.from({ length: width }, (_, j) => node(`Chi tiết ${i + 1}.${j + 1} tài khoản`)).join(
        '',
      ),
    ),
  );
  return `<map version="1.0.1">${node('Vụ án nhập', branches.join(''))}</map>`;
}

function setUp() {
  const doc = new Y.Doc();
  const origin = { person: 'ksv.nhap' };
  const boardId = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'setup');
  const root = addTopic(doc, { boardId, parent: null, label: 'Vụ án' }, 'setup');
  const undo = caseUndoManager(doc, origin);
  keepUndoManager(doc, undo);
  let steps = 0;
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.origin === origin) steps++;
  });
  return { doc, origin, boardId, root, undo, steps: () => steps };
}

describe('importFile', () => {
  it('writes a big map in several steps that one undo takes back whole', async () => {
    const { doc, origin, boardId, root, undo, steps } = setUp();
    addTopic(doc, { boardId, parent: root, label: 'Trước khi nhập' }, origin);
    const file = new File([freeMind(50)], 'lon.mm');
    const { count } = await importFile(doc, boardId, origin, file, root);
    expect(count).toBe(1 + 50 + 2500);
    expect(listTopics(doc, boardId)).toHaveLength(2 + count);
    expect(steps()).toBeGreaterThan(2);
    undo.undo();
    // The import is gone, the edit before it is not.
    expect(listTopics(doc, boardId).map((t) => t.label)).toEqual(['Vụ án', 'Trước khi nhập']);
    undo.redo();
    expect(listTopics(doc, boardId)).toHaveLength(2 + count);
    // The undo manager is back to one step per command.
    addTopic(doc, { boardId, parent: root, label: 'Sau khi nhập' }, origin);
    undo.undo();
    expect(listTopics(doc, boardId)).toHaveLength(2 + count);
  });

  it('refuses a malformed file before writing anything, with no undo step', async () => {
    const { doc, origin, boardId, root, undo, steps } = setUp();
    const file = new File(['<map><node TEXT="a">'], 'hong.mm');
    await expect(importFile(doc, boardId, origin, file, root)).rejects.toMatchObject({
      code: 'badXml',
    });
    expect(steps()).toBe(0);
    expect(undo.canUndo()).toBe(false);
    expect(listTopics(doc, boardId)).toHaveLength(1);
  });
});

describe('importMapSteps', () => {
  const model = (width: number) => ({
    roots: [
      {
        label: 'Gốc',
        children: Array.from({ length: width }, (_, i): MapTopic => ({
          label: `Nhánh ${i}`,
          children: [{ label: `Lá ${i}`, children: [] }],
        })),
      },
    ],
    relationships: [],
  });

  it('takes back the earlier steps when a later one fails', () => {
    const { doc, origin, boardId, root } = setUp();
    const steps = importMapSteps(doc, { boardId, parent: root, model: model(40) }, origin, 10);
    expect(steps.next().value).toBe(10);
    expect(steps.next(10).value).toBe(20);
    expect(listTopics(doc, boardId)).toHaveLength(21);
    // A colleague deletes a written branch whose leaf is still to come.
    const branch = listTopics(doc, boardId).find((t) => t.label === 'Nhánh 15')!;
    deleteTopics(doc, { boardId, ids: [branch.id] }, 'colleague');
    expect(() => {
      for (let step = steps.next(100); !step.done; step = steps.next(100));
    }).toThrow(ImportInterrupted);
    expect(listTopics(doc, boardId).map((t) => t.label)).toEqual(['Vụ án']);
  });

  it('takes back the new boards of a workbook too when told to stop', async () => {
    const { importWorkbookSteps } = await import('../../src/core/index.ts');
    const { doc, origin, boardId } = setUp();
    const workbook = { ...model(5), sheets: [{ ...model(5), title: 'Trang 2' }, model(5)] };
    const steps = importWorkbookSteps(doc, { boardId, parent: null, model: workbook }, origin, 4);
    for (let i = 0; i < 4; i++) steps.next(4);
    expect(listBoards(doc)).toHaveLength(2);
    expect(() => steps.throw(new Error('stop'))).toThrow('stop');
    expect(listBoards(doc).map((b) => b.id)).toEqual([boardId]);
    expect(listTopics(doc, boardId)).toHaveLength(1);
  });
});

describe('holdViews', () => {
  it('reads a held view once, after the release, and tells its listeners in a later task', async () => {
    const { doc, origin, boardId, root } = setUp();
    const view = new DocView(doc, {
      watch: (d) => [d.getMap('boards')],
      read: (d) => listTopics(d, boardId).length,
    });
    let told = 0;
    view.subscribe(() => told++);
    view.get();
    const reads = view.reads;
    const release = holdViews(doc);
    for (let i = 0; i < 5; i++) addTopic(doc, { boardId, parent: root, label: `Ý ${i}` }, origin);
    expect(view.reads).toBe(reads);
    release();
    expect(view.reads).toBe(reads + 1);
    expect(view.get()).toBe(6);
    expect(told).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(told).toBe(1);
  });
});
