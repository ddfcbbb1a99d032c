import { useTranslation } from 'react-i18next';
import type { Point } from '../../core/scene.ts';
import { InlineEdit } from '../../ui/InlineEdit.tsx';

interface SceneTextEditorProps {
  /** Where it opens, in pixels of the canvas. */
  at: Point;
  initial: string;
  onCommit(text: string): void;
  /** Closed, after a commit too. */
  onClose(): void;
}

/** Types a new text on the scene, or a label of an object (double-click). */
export function SceneTextEditor({ at, initial, onCommit, onClose }: SceneTextEditorProps) {
  const { t } = useTranslation('scene');
  return (
    <div className="scene__editor" style={{ left: at.x, top: at.y }}>
      <InlineEdit
        initial={initial}
        label={t('textPrompt')}
        testId="scene-text-input"
        onCommit={(text) => {
          onClose();
          onCommit(text);
        }}
        onCancel={onClose}
      />
    </div>
  );
}
