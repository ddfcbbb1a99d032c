import { memo, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import {
  addSibling,
  childrenOf,
  moveTopic,
  setTopic,
  type Topic,
} from '../../core/commands/mindmap.ts';

interface OutlineViewProps {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  topics: Topic[];
  readOnly: boolean;
  newLabel: string;
}

/**
 * The map as an indented list, edited in place and in sync both ways: Enter adds a sibling, Tab
 * indents under the previous sibling, Shift+Tab outdents.
 */
export function OutlineView(props: OutlineViewProps) {
  const roots = childrenOf(props.topics, null);
  const [focus, setFocus] = useState<string | null>(null);
  return (
    <ul className="outline" data-testid="outline">
      {roots.map((root) => (
        <OutlineItem key={root.id} topic={root} {...props} focus={focus} setFocus={setFocus} />
      ))}
    </ul>
  );
}

const OutlineItem = memo(function OutlineItem(
  props: OutlineViewProps & { topic: Topic; focus: string | null; setFocus(id: string): void },
) {
  const { doc, boardId, origin, topics, topic, readOnly } = props;
  const children = childrenOf(topics, topic.id);
  const [text, setText] = useState(topic.label);
  const [editing, setEditing] = useState(false);
  const shown = editing ? text : topic.label;

  const commit = () => {
    setEditing(false);
    if (text.trim() && text !== topic.label)
      setTopic(doc, { boardId, id: topic.id, patch: { label: text } }, origin);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    const siblings = childrenOf(topics, topic.parent);
    const index = siblings.findIndex((s) => s.id === topic.id);
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
      props.setFocus(addSibling(doc, { boardId, of: topic.id, label: props.newLabel }, origin));
    } else if (event.key === 'Tab' && !event.shiftKey && index > 0) {
      event.preventDefault();
      commit();
      const previous = siblings[index - 1]!;
      moveTopic(
        doc,
        {
          boardId,
          id: topic.id,
          parent: previous.id,
          index: childrenOf(topics, previous.id).length,
        },
        origin,
      );
      props.setFocus(topic.id);
    } else if (event.key === 'Tab' && event.shiftKey && topic.parent) {
      event.preventDefault();
      commit();
      const parent = topics.find((p) => p.id === topic.parent);
      if (parent?.parent === undefined || parent.parent === null) return;
      const uncles = childrenOf(topics, parent.parent);
      moveTopic(
        doc,
        {
          boardId,
          id: topic.id,
          parent: parent.parent,
          index: uncles.findIndex((u) => u.id === parent.id) + 1,
        },
        origin,
      );
      props.setFocus(topic.id);
    }
  };

  return (
    <li>
      <span className="outline__row">
        {children.length > 0 && (
          <button
            type="button"
            className="outline__fold"
            disabled={readOnly}
            onClick={() =>
              setTopic(
                doc,
                { boardId, id: topic.id, patch: { collapsed: !topic.collapsed } },
                origin,
              )
            }
          >
            {topic.collapsed ? '▸' : '▾'}
          </button>
        )}
        <input
          value={shown}
          readOnly={readOnly}
          autoFocus={props.focus === topic.id}
          onFocus={() => {
            setText(topic.label);
            setEditing(true);
          }}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
          data-testid="outline-item"
        />
      </span>
      {children.length > 0 && !topic.collapsed && (
        <ul>
          {children.map((child) => (
            <OutlineItem key={child.id} {...props} topic={child} />
          ))}
        </ul>
      )}
    </li>
  );
});
