import { useState, type KeyboardEvent } from 'react';

interface NodeLabelEditorProps {
  initial: string;
  label: string;
  onCommit(text: string): void;
  onCancel(): void;
}

/**
 * Edits a node's text. Enter commits, but never while an IME is composing (Telex/VNI): UniKey and
 * macOS input send Enter with `isComposing` or keyCode 229 to finish a word, not the edit. Keys never
 * reach the canvas while typing, so Backspace cannot delete the node.
 */
export function NodeLabelEditor({ initial, label, onCommit, onCancel }: NodeLabelEditorProps) {
  const [text, setText] = useState(initial);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter') onCommit(text);
    if (event.key === 'Escape') onCancel();
  };
  return (
    <div className="node-label-editor">
      <input
        autoFocus
        aria-label={label}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => onCommit(text)}
        data-testid="node-label-input"
      />
    </div>
  );
}
