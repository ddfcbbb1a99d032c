import { useRef, useState, type KeyboardEvent } from 'react';

/**
 * A one-line text field that commits on Enter or blur and cancels on Escape. Enter is ignored while
 * an input method is composing (Telex/VNI: `isComposing` or keyCode 229), and keys never reach the
 * page's shortcuts while typing. It ends once: Enter moves the focus away, and the blur that follows
 * must not commit a second time (two undo steps, or two new objects).
 */
export function InlineEdit({
  initial,
  label,
  onCommit,
  onCancel,
  testId,
}: {
  initial: string;
  label: string;
  onCommit(text: string): void;
  onCancel(): void;
  testId?: string;
}) {
  const [text, setText] = useState(initial);
  const ended = useRef(false);
  const end = (commit: boolean) => {
    if (ended.current) return;
    ended.current = true;
    if (commit) onCommit(text);
    else onCancel();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter') end(true);
    if (event.key === 'Escape') end(false);
  };
  return (
    <input
      className="inline-edit"
      autoFocus
      aria-label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => end(true)}
      data-testid={testId}
    />
  );
}
