import { useEffect, useMemo, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { subtreeOutline, type Topic } from '../../core/commands/mindmap.ts';
import { formatOutline } from '../../core/outline.ts';
import { useRegisterActions } from '../../ui/actionRegistry.ts';
import { handleActionKey } from '../../ui/actions.ts';
import { MINDMAP_ACTIONS, type MindMapContext } from './actions.ts';
import type { TopicNode } from './view.ts';

type Handlers = Pick<
  MindMapContext,
  'select' | 'edit' | 'openFind' | 'closeFind' | 'openHelp' | 'toggleDetails' | 'fit'
>;

/**
 * The mind map's actions wired to the board: the context they run in, the key handler of the
 * canvas, and the registration that lets the command palette offer them while the map is shown.
 */
export function useMindMapActions(
  state: {
    doc: Y.Doc;
    boardId: string;
    origin: unknown;
    readOnly: boolean;
    topics: Topic[];
    nodes: TopicNode[];
    selection: string[];
    /** A topic is being edited: its editor has the keys. */
    editing: boolean;
    /** A dialog of the map is open (the `?` sheet): it has the keys, Esc closes it. */
    modal: boolean;
    /** Whether the board takes keys at all (not on a slide). */
    active: boolean;
    run(fn: () => void): void;
  },
  handlers: Handlers,
) {
  const { t } = useTranslation('mindmap');
  const clipboard = useRef('');
  // The child of each topic selected last, for → (see navigation.ts).
  const visited = useRef(new Map<string, string>());
  const { selection, topics } = state;
  useEffect(() => {
    const id = selection.length === 1 ? selection[0]! : null;
    const parent = id ? topics.find((tp) => tp.id === id)?.parent : null;
    if (id && parent) visited.current.set(parent, id);
  }, [selection, topics]);

  const context = (): MindMapContext => ({
    ...handlers,
    doc: state.doc,
    boardId: state.boardId,
    origin: state.origin,
    readOnly: state.readOnly,
    transact: (fn) => state.doc.transact(fn, state.origin),
    topics: state.topics,
    nodes: state.nodes,
    selection: state.selection,
    visited: visited.current,
    newLabel: t('newTopic'),
    summaryLabel: t('summary'),
    copy: () => {
      const text = formatOutline(subtreeOutline(state.topics, state.selection));
      clipboard.current = text;
      void navigator.clipboard?.writeText(text).catch(() => undefined);
    },
  });
  // The palette builds the context when it runs an action: always from the latest render.
  const latest = useRef(context);
  latest.current = context;
  const registered = useMemo(
    () => ({
      table: MINDMAP_ACTIONS,
      context: () => latest.current(),
      title: 'mindmap:keys.title',
    }),
    [],
  );
  useRegisterActions('board', state.active ? registered : null);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    // The editor and the map's dialogs handle their own keys.
    if (state.editing || state.modal) return;
    let handled = false;
    state.run(() => {
      handled = handleActionKey(MINDMAP_ACTIONS, event.nativeEvent, context());
    });
    if (handled || state.readOnly) return;
    // Typing on a selected topic edits it, replacing its text. Not "handled": the key's default
    // action must go on, so its character lands in the editor that `edit` has just focused.
    const e = event.nativeEvent;
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing && e.keyCode !== 229;
    const target = event.target as HTMLElement;
    const typing =
      target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
    if (e.key.length === 1 && plain && !typing && state.selection.length > 0)
      handlers.edit(state.selection.at(-1)!, true);
  };

  return { onKeyDown, context, clipboard };
}
