import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBoard, addTopic, listTopics, setTopic } from '../../src/core/index.ts';
import {
  actionForKey,
  handleActionKey,
  keyLabel,
  matchesKey,
  runAction,
  searchActions,
  sheetRows,
  type Action,
  type ActionContext,
} from '../../src/ui/actions.ts';

/** A key event as the browser sends it; only what the matcher reads. */
function key(
  k: string,
  mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {},
  target: unknown = null,
): KeyboardEvent {
  let prevented = false;
  return {
    key: k,
    ctrlKey: !!mods.ctrl,
    metaKey: !!mods.meta,
    shiftKey: !!mods.shift,
    altKey: !!mods.alt,
    isComposing: false,
    target,
    preventDefault: () => (prevented = true),
    stopPropagation: () => undefined,
    get defaultPrevented() {
      return prevented;
    },
  } as unknown as KeyboardEvent;
}

describe('matchesKey', () => {
  it('tells modifiers apart: Tab is not Shift+Tab, Mod+Z is not Mod+Shift+Z', () => {
    expect(matchesKey('Tab', key('Tab'))).toBe(true);
    expect(matchesKey('Tab', key('Tab', { shift: true }))).toBe(false);
    expect(matchesKey('Shift+Tab', key('Tab', { shift: true }))).toBe(true);
    expect(matchesKey('Mod+Z', key('z', { ctrl: true }))).toBe(true);
    expect(matchesKey('Mod+Z', key('Z', { ctrl: true, shift: true }))).toBe(false);
    expect(matchesKey('Mod+Shift+Z', key('Z', { ctrl: true, shift: true }))).toBe(true);
    expect(matchesKey('Mod+Z', key('z', { meta: true }))).toBe(true);
    expect(matchesKey('Alt+ArrowUp', key('ArrowUp'))).toBe(false);
    expect(matchesKey('ArrowUp', key('ArrowUp', { alt: true }))).toBe(false);
  });

  it('matches keys typed with Shift (?, +) whether Shift is held or not', () => {
    expect(matchesKey('?', key('?', { shift: true }))).toBe(true);
    expect(matchesKey('?', key('?'))).toBe(true);
    expect(matchesKey('Mod++', key('+', { ctrl: true, shift: true }))).toBe(true);
    expect(matchesKey('?', key('/', { shift: false }))).toBe(false);
  });

  it('reads the binding for people', () => {
    expect(keyLabel('Mod+Shift+Z')).toBe('Ctrl+Shift+Z');
    expect(keyLabel('ArrowLeft')).toBe('←');
    expect(keyLabel(' ')).toBe('Space');
  });
});

interface Ctx extends ActionContext {
  doc: Y.Doc;
  boardId: string;
}

function setup(readOnly = false) {
  const doc = new Y.Doc();
  const origin = { person: true };
  const boardId = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, origin);
  const root = addTopic(doc, { boardId, parent: null, label: 'Vụ án' }, origin);
  const undo = new Y.UndoManager(doc.getMap('boards'), {
    trackedOrigins: new Set([origin]),
    captureTimeout: 0,
  });
  // Everything the document holds, so the manager sees whatever a command writes.
  undo.addToScope([...doc.share.values()].filter((t) => t instanceof Y.AbstractType));
  const c: Ctx = { readOnly, doc, boardId, transact: (fn) => doc.transact(fn, origin) };
  /** Two commands, each its own transaction when called alone. */
  const addLinked: Action<Ctx> = {
    id: 'test.addLinked',
    label: 'test:addLinked',
    keys: ['Tab'],
    perform: (ctx) => {
      const id = addTopic(ctx.doc, { boardId, parent: root, label: 'Nguyễn Văn A' }, origin);
      setTopic(ctx.doc, { boardId, id, patch: { collapsed: true } }, origin);
    },
  };
  return { doc, boardId, root, undo, c, addLinked };
}

describe('runAction', () => {
  it('is one undo step however many commands the action runs', () => {
    const { doc, boardId, undo, c, addLinked } = setup();
    expect(runAction(addLinked, c)).toBe(true);
    expect(listTopics(doc, boardId)).toHaveLength(2);
    undo.undo();
    expect(listTopics(doc, boardId).map((t) => t.label)).toEqual(['Vụ án']);
    expect(undo.canUndo()).toBe(false);
  });

  it('is needed: the same commands performed bare are two undo steps', () => {
    const { doc, boardId, undo, c, addLinked } = setup();
    addLinked.perform(c);
    undo.undo();
    expect(listTopics(doc, boardId)).toHaveLength(2);
    expect(undo.canUndo()).toBe(true);
  });

  it('refuses a viewer an editing action but lets them run a viewer action', () => {
    const { doc, boardId, c, addLinked } = setup(true);
    expect(runAction(addLinked, c)).toBe(false);
    expect(listTopics(doc, boardId)).toHaveLength(1);
    let looked = false;
    const look: Action<Ctx> = {
      id: 'test.look',
      label: 'test:look',
      viewer: true,
      noTransaction: true,
      perform: () => {
        looked = true;
      },
    };
    expect(runAction(look, c)).toBe(true);
    expect(looked).toBe(true);
  });

  it('lets the key through when the action is disabled or did nothing', () => {
    const { c } = setup();
    const nothing: Action<Ctx> = { id: 't.n', label: 't:n', keys: ['F2'], perform: () => false };
    const off: Action<Ctx> = {
      id: 't.o',
      label: 't:o',
      keys: ['F3'],
      enabled: () => false,
      perform: () => undefined,
    };
    const f2 = key('F2');
    expect(handleActionKey([nothing, off], f2, c)).toBe(false);
    expect(f2.defaultPrevented).toBe(false);
    expect(handleActionKey([nothing, off], key('F3'), c)).toBe(false);
  });

  it('never takes a key typed into a text field, unless the action runs while typing', () => {
    const { addLinked } = setup();
    class FakeElement {
      tagName = 'INPUT';
      isContentEditable = false;
    }
    const previous = (globalThis as { HTMLElement?: unknown }).HTMLElement;
    (globalThis as { HTMLElement?: unknown }).HTMLElement = FakeElement;
    try {
      const typed = key('Tab', {}, new FakeElement());
      expect(actionForKey([addLinked], typed)).toBeNull();
      expect(actionForKey([{ ...addLinked, whileTyping: true }], typed)).not.toBeNull();
    } finally {
      (globalThis as { HTMLElement?: unknown }).HTMLElement = previous;
    }
  });
});

describe('searchActions', () => {
  const labels: Record<string, string> = {
    'm:child': 'Thêm nhánh con',
    'm:sibling': 'Thêm chủ đề ngang hàng',
    'm:delete': 'Xoá chủ đề và nhánh con',
    'm:road': 'Đường đi',
  };
  const table: Action[] = Object.keys(labels).map((label) => ({
    id: label.replace(':', '.'),
    label,
    perform: () => undefined,
  }));
  const find = (q: string) => searchActions(table, q, (a) => labels[a.label]!).map((a) => a.label);

  it('finds Vietnamese labels typed without diacritics, every word required', () => {
    expect(find('them nhanh con')).toEqual(['m:child']);
    expect(find('nhanh con')).toEqual(['m:child', 'm:delete']);
    expect(find('duong')).toEqual(['m:road']);
    expect(find('XOÁ')).toEqual(['m:delete']);
    expect(find('them xoa')).toEqual([]);
  });
});

describe('sheetRows', () => {
  const noop = () => undefined;
  const action = (id: string, keys?: string[]): Action => ({ id, label: id, keys, perform: noop });

  it('lists a key two tables bind once, in the first section (the map and the case both bind ?)', () => {
    const map = { title: 'map', table: [action('map.child', ['Tab']), action('map.help', ['?'])] };
    const whole = {
      title: 'case',
      table: [action('case.undo', ['Mod+Z']), action('case.help', ['?']), action('case.x')],
    };
    const rows = sheetRows([map, whole]).map((s) => [
      s.section.title,
      s.rows.map((r) => r.action.id),
    ]);
    expect(rows).toEqual([
      ['map', ['map.child', 'map.help']],
      ['case', ['case.undo']],
    ]);
  });

  it('keeps an action whose other key is still free, showing that key only', () => {
    const a = { title: 'a', table: [action('a.del', ['Delete'])] };
    const b = { title: 'b', table: [action('b.del', ['Delete', 'Backspace'])] };
    expect(sheetRows([a, b])[1]!.rows[0]!.keys).toEqual(['Backspace']);
  });

  it('lists the keys of another mode whole, a key a table binds twice by state too (present mode’s Esc)', () => {
    const map = { title: 'map', table: [action('map.deselect', ['Escape'])] };
    const present = {
      title: 'present',
      elsewhere: true,
      table: [action('present.cancelZoom', ['Escape']), action('present.exit', ['Escape'])],
    };
    expect(sheetRows([map, present]).map((s) => s.rows.map((r) => r.action.id))).toEqual([
      ['map.deselect'],
      ['present.cancelZoom', 'present.exit'],
    ]);
  });
});
