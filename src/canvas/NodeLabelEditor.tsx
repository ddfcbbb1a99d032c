import { InlineEdit } from '../ui/InlineEdit.tsx';

interface NodeLabelEditorProps {
  initial: string;
  label: string;
  onCommit(text: string): void;
  onCancel(): void;
}

/**
 * Edits a node's text above the canvas, with the IME-safe field every one-line edit uses: keys
 * never reach the canvas while typing, so Backspace cannot delete the node.
 */
export function NodeLabelEditor(props: NodeLabelEditorProps) {
  return (
    <div className="node-label-editor">
      <InlineEdit {...props} testId="node-label-input" />
    </div>
  );
}
