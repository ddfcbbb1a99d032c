import { useState, type KeyboardEvent } from 'react';

/**
 * A one-line text field that commits on Enter or blur and cancels on Escape. Enter is ignored while
 * an input method is composing (Telex/VNI: `isComposing` or keyCode 229), and keys never reach the
 * page's shortcuts while typing.
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
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter') onCommit(text);
    if (event.key === 'Escape') onCancel();
  };
  return (
    <input
      className="inline-edit"
      autoFocus
      aria-label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => onCommit(text)}
      data-testid={testId}
    />
  );
}
