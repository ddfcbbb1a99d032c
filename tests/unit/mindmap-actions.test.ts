import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import * as Y from 'yjs';
import {
  addBoard,
  childrenOf,
  insertOutline,
  listTopics,
  parseOutline,
  setTopic,
} from '../../src/core/index.ts';
import { MINDMAP_ACTIONS, type MindMapContext } from '../../src/boards/mindmap/actions.ts';
import { installMindMapTexts } from '../../src/boards/mindmap/locales.ts';
import { MindMapView } from '../../src/boards/mindmap/view.ts';
import type { MindMapLayoutKind } from '../../src/boards/mindmap/layout.ts';
import { CASE_ACTIONS } from '../../src/app/caseActions.ts';
import { addNodeActions } from '../../src/boards/graph/actions.ts';
import { TIMELINE_ACTIONS } from '../../src/boards/timeline/actions.ts';
import { installGraphTexts } from '../../src/boards/graph/locales.ts';
import { installUiTexts } from '../../src/ui/locales.ts';
import { actionForKey, runAction, type Action, type ActionContext } from '../../src/ui/actions.ts';

const tables = {
  mindmap: MINDMAP_ACTIONS,
  case: CASE_ACTIONS,
  timeline: TIMELINE_ACTIONS,
  graph: addNodeActions([
    'fact',
    'evidence',
    'event',
    'person',
    'place',
    'phone',
    'vehicle',
    'account',
    'organisation',
  ]),
} as Record<string, readonly Action<ActionContext>[]>;

/** The key event a binding describes, as the browser would send it. */
function eventFor(binding: string): KeyboardEvent {
  const parts = binding === '+' ? ['+'] : binding.replace(/\+\+$/, '+plus').split('+');
  const k = parts.pop()!.replace(/^plus$/, '+');
  return {
    key: k,
    ctrlKey: parts.includes('Mod'),
    metaKey: false,
    shiftKey: parts.includes('Shift') || k === '?',
    altKey: parts.includes('Alt'),
    isComposing: false,
    target: null,
  } as unknown as KeyboardEvent;
}

describe('action tables', () => {
  it('label every action in Vietnamese and English', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'vi', resources: {} });
    installMindMapTexts(i18n);
    installUiTexts(i18n);
    installGraphTexts(i18n);
    for (const table of Object.values(tables))
      for (const action of table)
        for (const lng of ['vi', 'en']) {
          const text = i18n.t(action.label, { lng });
          expect(text, `${action.id} in ${lng}`).not.toBe(action.label);
          expect(text.length, `${action.id} in ${lng}`).toBeGreaterThan(2);
        }
    // Different words, not an untranslated copy.
    expect(i18n.t('mindmap:keys.child', { lng: 'vi' })).toBe('Thêm nhánh con');
    expect(i18n.t('mindmap:keys.child', { lng: 'en' })).toBe('Add a child branch');
  });

  it('give each key to one action per table, and ids are unique', () => {
    for (const [name, table] of Object.entries(tables)) {
      const keys = table.flatMap((a) => a.keys ?? []);
      expect(new Set(keys).size, name).toBe(keys.length);
      expect(new Set(table.map((a) => a.id)).size, name).toBe(table.length);
    }
  });
});

/** A map with a central topic, two branches, and a grandchild under the first branch. */
function mapContext() {
  const doc = new Y.Doc();
  const origin = { person: true };
  const boardId = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, origin);
  insertOutline(
    doc,
    { boardId, parent: null, nodes: parseOutline('Vụ án\n  Bị can\n    Lời khai\n  Vật chứng') },
    origin,
  );
  const topics = listTopics(doc, boardId);
  const root = childrenOf(topics, null)[0]!;
  const [first, second] = childrenOf(topics, root.id);
  const calls: string[] = [];
  const context = (selection: string[], layout: MindMapLayoutKind = 'balanced'): MindMapContext => {
    const now = listTopics(doc, boardId);
    const { nodes } = new MindMapView().compute(now, layout, () => null);
    return {
      readOnly: false,
      transact: (fn) => doc.transact(fn, origin),
      doc,
      boardId,
      origin,
      topics: now,
      nodes,
      selection,
      newLabel: 'Chủ đề mới',
      summaryLabel: 'Tóm tắt',
      select: (ids) => calls.push(`select ${ids.join(',')}`),
      edit: (id) => calls.push(`edit ${id}`),
      openFind: () => calls.push('find'),
      closeFind: () => false,
      openHelp: () => calls.push('help'),
      toggleDetails: () => calls.push('details'),
      fit: () => calls.push('fit'),
      copy: () => calls.push('copy'),
    };
  };
  return { doc, boardId, root, first: first!, second: second!, calls, context };
}

describe('the mind map’s keys', () => {
  it('each key of the sheet runs its action, and the action does something', () => {
    for (const action of MINDMAP_ACTIONS) {
      for (const binding of action.keys ?? []) {
        const { doc, first, second, calls, context } = mapContext();
        expect(actionForKey(MINDMAP_ACTIONS, eventFor(binding))?.id, binding).toBe(action.id);
        let changed = false;
        doc.on('update', () => (changed = true));
        // Two siblings are selected, the first one last (it has a child): every action applies.
        // ↑ starts from the second, which has a sibling above it in a logic chart.
        const selection = ['mindmap.selectUp', 'mindmap.moveUp'].includes(action.id)
          ? [second.id]
          : [second.id, first.id];
        const done = runAction(action, context(selection, 'logic-right'));
        expect(done, `${action.id} on ${binding}`).toBe(true);
        expect(changed || calls.length > 0, `${action.id} on ${binding} had an effect`).toBe(true);
      }
    }
  });

  it('adds a child in one undo step and leaves viewers only the looking keys', () => {
    const { doc, boardId, first, context } = mapContext();
    const undo = new Y.UndoManager(doc.getMap('boards'), { captureTimeout: 0 });
    undo.addToScope([...doc.share.values()].filter((t) => t instanceof Y.AbstractType));
    undo.trackedOrigins.add(context([]).origin);
    const addChild = MINDMAP_ACTIONS.find((a) => a.id === 'mindmap.addChild')!;
    expect(runAction(addChild, context([first.id]))).toBe(true);
    expect(childrenOf(listTopics(doc, boardId), first.id)).toHaveLength(2);
    undo.undo();
    expect(childrenOf(listTopics(doc, boardId), first.id)).toHaveLength(1);

    const viewer = { ...context([first.id]), readOnly: true };
    expect(runAction(addChild, viewer)).toBe(false);
    const refused = MINDMAP_ACTIONS.filter((a) => !runAction(a, { ...viewer })).map((a) => a.id);
    expect(refused).toContain('mindmap.delete');
    expect(refused).not.toContain('mindmap.selectLeft');
    expect(refused).not.toContain('mindmap.copy');
    expect(listTopics(doc, boardId)).toHaveLength(4);
  });

  it('unfolds a folded topic when a child is added to it, so the new topic shows, in one undo step', () => {
    const { doc, boardId, first, context, calls } = mapContext();
    const undo = new Y.UndoManager(doc.getMap('boards'), { captureTimeout: 0 });
    undo.addToScope([...doc.share.values()].filter((t) => t instanceof Y.AbstractType));
    undo.trackedOrigins.add(context([]).origin);
    setTopic(doc, { boardId, id: first.id, patch: { collapsed: true } }, 'someone else');
    const addChild = MINDMAP_ACTIONS.find((a) => a.id === 'mindmap.addChild')!;
    expect(runAction(addChild, context([first.id]))).toBe(true);
    const now = listTopics(doc, boardId);
    expect(now.find((t) => t.id === first.id)!.collapsed).toBe(false);
    const added = childrenOf(now, first.id).at(-1)!;
    // The new topic is laid out (shown), and its editor is asked for.
    const { nodes } = new MindMapView().compute(now, 'balanced', () => null);
    expect(nodes.some((n) => n.id === added.id)).toBe(true);
    expect(calls).toContain(`edit ${added.id}`);
    undo.undo();
    const back = listTopics(doc, boardId);
    expect(childrenOf(back, first.id)).toHaveLength(1);
    expect(back.find((t) => t.id === first.id)!.collapsed).toBe(true);
  });

  it('moves with the arrows from a branch to its child and back to the centre', () => {
    const { root, first, calls, context } = mapContext();
    const { nodes } = context([]);
    const side = nodes.find((n) => n.id === first.id)!.data.side;
    const away = side === 'left' ? 'mindmap.selectLeft' : 'mindmap.selectRight';
    const back = side === 'left' ? 'mindmap.selectRight' : 'mindmap.selectLeft';
    const run = (id: string) =>
      runAction(
        MINDMAP_ACTIONS.find((a) => a.id === id)!,
        context([first.id]),
      );
    run(back);
    expect(calls.at(-1)).toBe(`select ${root.id}`);
    run(away);
    expect(calls.at(-1)).toMatch(/^select /);
    expect(calls.at(-1)).not.toBe(`select ${first.id}`);
  });
});
