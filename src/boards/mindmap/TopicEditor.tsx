import { useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';

interface TopicEditorProps {
  initial: string;
  /** Where the topic is on screen. */
  rect: { x: number; y: number; width: number; height: number };
  /**
   * Start empty: typing on a selected topic replaces it. The editor is mounted and focused inside
   * that keydown, so the key's own character (or the IME composition it starts) lands here.
   */
  replace?: boolean;
  onCommit(text: string, then?: 'child' | 'sibling'): void;
  onCancel(): void;
  /** A paste into the label (text from old documents is converted: `pasteLegacyText`). */
  onPaste?(event: ClipboardEvent<HTMLTextAreaElement>): void;
}

/**
 * Edits a topic in place. Enter commits (Shift+Enter: a new line), Tab commits and adds a child,
 * Esc cancels. While an IME composes (Telex, VNI: `isComposing` or keyCode 229) no key is acted on,
 * and no key reaches the map's shortcuts, so Backspace from UniKey never deletes a topic.
 */
export function TopicEditor({
  initial,
  rect,
  replace,
  onCommit,
  onCancel,
  onPaste,
}: TopicEditorProps) {
  const [text, setText] = useState(replace ? '' : initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    if (!replace) el.select();
  }, [replace]);
  const finish = (then?: 'child' | 'sibling') => {
    if (done.current) return;
    done.current = true;
    onCommit(text, then);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      finish();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      finish('child');
    } else if (event.key === 'Escape') {
      done.current = true;
      onCancel();
    }
  };
  return (
    <textarea
      ref={ref}
      className="topic-editor"
      style={{
        left: rect.x,
        top: rect.y,
        width: Math.max(rect.width, 160),
        minHeight: rect.height,
      }}
      value={text}
      rows={Math.max(1, text.split('\n').length)}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      onBlur={() => finish()}
      data-testid="topic-editor"
    />
  );
}
