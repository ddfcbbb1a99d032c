import { useTranslation } from 'react-i18next';
import { parseDecimal, type Point } from '../../core/scene.ts';
import { InlineEdit } from '../../ui/InlineEdit.tsx';

interface CalibrateDialogProps {
  /** Where it opens, in pixels of the canvas: the end of the line drawn. */
  at: Point;
  /** The real length typed, in metres (only when it is a positive number). */
  onCommit(metres: number): void;
  /** Closed without a length. */
  onClose(): void;
}

/** Asks for the real length of the line just drawn over the background image. */
export function CalibrateDialog({ at, onCommit, onClose }: CalibrateDialogProps) {
  const { t } = useTranslation('scene');
  return (
    <div className="scene__editor" style={{ left: at.x, top: at.y }}>
      <InlineEdit
        initial=""
        label={t('calibrateLength')}
        testId="scene-calibrate-input"
        onCommit={(text) => {
          onClose();
          const known = parseDecimal(text);
          if (known !== null && known > 0) onCommit(known);
        }}
        onCancel={onClose}
      />
    </div>
  );
}
