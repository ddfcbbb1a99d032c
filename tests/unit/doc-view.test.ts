import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  addEntity,
  addEntityNode,
  addLink,
  addTopic,
  deleteBoard,
  renameBoard,
  setTopic,
  updateLink,
} from '../../src/core/index.ts';
import { boardsOf } from '../../src/core/doc.ts';
import { analyseProof } from '../../src/core/proof.ts';
import type * as ProofModule from '../../src/core/proof.ts';
import { proofQuery } from '../../src/boards/graph/queries.ts';
import { timelineQuery } from '../../src/boards/timeline/query.ts';
import {
  DocView,
  boardFieldsWatch,
  recordWatch,
  shareEqual,
  type DocQuery,
} from '../../src/sync/docView.ts';

// Every run of the proof analysis, whoever calls it, is counted.
vi.mock('../../src/core/proof.ts', async (original) => {
  const proof = await original<typeof ProofModule>();
  return { ...proof, analyseProof: vi.fn(proof.analyseProof) };
});
const proofRuns = () => vi.mocked(analyseProof).mock.calls.length;

/** A case with an evidence chart (a fact, a knife, an event) and a mind map, and a colleague. */
function caseWithColleague() {
  const doc = new Y.Doc();
  const chart = addBoard(doc, { kind: 'evidence', title: 'Chứng cứ' }, 'me');
  const fact = addEntityNode(
    doc,
    { boardId: chart, kind: 'fact', name: 'Có mặt', x: 600, y: 0 },
    'me',
  );
  const knife = addEntityNode(
    doc,
    { boardId: chart, kind: 'evidence', name: 'Con dao', x: 0, y: 0 },
    'me',
  );
  addEntity(doc, { kind: 'event', fields: { name: 'Xô xát', start: '2025-03-15 21:00' } }, 'me');
  const map = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ tư duy' }, 'me');
  const topic = addTopic(doc, { boardId: map, parent: null, label: 'Vụ án' }, 'me');
  // The colleague's copy: their edits reach `doc` as remote updates, as through the server.
  const colleague = new Y.Doc();
  Y.applyUpdate(colleague, Y.encodeStateAsUpdate(doc));
  colleague.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update, 'remote'));
  return { doc, colleague, chart, fact, knife, map, topic };
}

/** `query` with its reads counted. */
function counted<T>(query: DocQuery<T>): DocQuery<T> & { runs: number } {
  const out = {
    runs: 0,
    watch: query.watch,
    read: (doc: Y.Doc) => {
      out.runs++;
      return query.read(doc);
    },
  };
  return out;
}

describe('reading the document incrementally', () => {
  it('does not rerun the proof analysis while a colleague types in the mind map; a link reruns it once', () => {
    const { doc, colleague, chart, fact, knife, map, topic } = caseWithColleague();
    const query = counted(proofQuery(chart));
    const view = new DocView(doc, query);
    let notified = 0;
    const stop = view.subscribe(() => notified++);
    expect(view.get().coverage.proven).toBe(0);
    const before = query.runs;
    const analysed = proofRuns();

    let label = '';
    for (const letter of 'Bị can Nguyễn Văn A') {
      label += letter;
      setTopic(colleague, { boardId: map, id: topic, patch: { label } }, 'colleague');
    }
    addTopic(colleague, { boardId: map, parent: topic, label: 'Nhân chứng' }, 'colleague');
    expect(query.runs - before).toBe(0);
    expect(proofRuns() - analysed).toBe(0);
    expect(notified).toBe(0);

    const link = addLink(
      colleague,
      { boardId: chart, source: knife, target: fact, type: 'supports' },
      'colleague',
    );
    expect(query.runs - before).toBe(1);
    expect(proofRuns() - analysed).toBe(1);
    expect(notified).toBe(1);
    expect(view.get().coverage.proven).toBe(1);

    // A change that leaves the analysis as it was reruns it, but keeps the same value: no render.
    const shown = view.get();
    updateLink(doc, { boardId: chart, id: link, patch: { note: 'Có dấu vân tay' } }, 'me');
    expect(query.runs - before).toBe(2);
    expect(notified).toBe(1);
    expect(view.get()).toBe(shown);

    stop();
    addLink(doc, { boardId: chart, source: fact, target: knife, type: 'contradicts' }, 'me');
    expect(query.runs - before).toBe(2);
  });

  it('does not recompute the timeline for mind-map typing, and does for a new evidence chart', () => {
    const { doc, colleague, map, topic } = caseWithColleague();
    const query = counted(timelineQuery);
    const view = new DocView(doc, query);
    const stop = view.subscribe(() => undefined);
    expect(view.get().items.map((i) => i.name)).toEqual(['Xô xát']);
    const before = query.runs;
    setTopic(colleague, { boardId: map, id: topic, patch: { label: 'Diễn biến' } }, 'colleague');
    expect(query.runs - before).toBe(0);
    const second = addBoard(colleague, { kind: 'evidence', title: 'Chứng cứ 2' }, 'colleague');
    expect(query.runs - before).toBe(1);
    // The new chart is watched from then on.
    addEntityNode(
      colleague,
      { boardId: second, kind: 'evidence', name: 'Áo', x: 0, y: 0 },
      'colleague',
    );
    expect(query.runs - before).toBe(2); // one command, one transaction, one read
    stop();
  });

  it('follows a record that is deleted and comes back', () => {
    const { doc, map } = caseWithColleague();
    const view = new DocView(doc, {
      watch: (d) => recordWatch(boardsOf(d), map),
      read: (d) => boardsOf(d).has(map),
    });
    const seen: boolean[] = [];
    view.subscribe(() => seen.push(view.get()));
    const undo = new Y.UndoManager(boardsOf(doc), { trackedOrigins: new Set(['me']) });
    deleteBoard(doc, { id: map }, 'me');
    undo.undo();
    expect(seen).toEqual([false, true]);
  });

  it('watches only the fields a board list shows', () => {
    const { doc, chart, map, topic } = caseWithColleague();
    const titles = counted<string[]>({
      watch: (d) => boardFieldsWatch(d),
      read: (d) => [...boardsOf(d).keys()].sort(),
    });
    const view = new DocView(doc, titles);
    view.subscribe(() => undefined);
    view.get();
    const before = titles.runs;
    setTopic(doc, { boardId: map, id: topic, patch: { label: 'Khác' } }, 'me');
    addEntityNode(doc, { boardId: chart, kind: 'fact', name: 'Dùng dao', x: 0, y: 200 }, 'me');
    expect(titles.runs - before).toBe(0);
    renameBoard(doc, { id: chart, title: 'Chứng cứ chính' }, 'me');
    expect(titles.runs - before).toBe(1);
  });

  it('keeps unchanged parts of a value, matching records by id', () => {
    const a = { id: 'a', x: 1 };
    const b = { id: 'b', x: 2 };
    const previous = { objects: [a, b], settings: { scale: 1 } };
    const same = shareEqual(previous, {
      objects: [
        { id: 'a', x: 1 },
        { id: 'b', x: 2 },
      ],
      settings: { scale: 1 },
    });
    expect(same).toBe(previous);
    const inserted = shareEqual(previous, {
      objects: [
        { id: 'c', x: 0 },
        { id: 'a', x: 1 },
        { id: 'b', x: 3 },
      ],
      settings: { scale: 1 },
    });
    expect(inserted).not.toBe(previous);
    expect(inserted.objects[1]).toBe(a);
    expect(inserted.objects[2]).not.toBe(b);
    expect(inserted.objects[2]).toEqual({ id: 'b', x: 3 });
    expect(inserted.settings).toBe(previous.settings);
  });
});
