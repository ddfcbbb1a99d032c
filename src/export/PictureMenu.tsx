import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Download } from 'lucide-react';
import type { BoardPictureProps } from '../canvas/exportSlot.tsx';
import { elementPicture, fileNameOf, saveFile } from './capture.ts';
import { exportErrorText } from './errors.ts';

/**
 * Picture export for a board drawn without React Flow (a scene, the timeline): PNG at 1×, 2× or
 * 4×, or SVG, of the board as drawn. The case page draws it beside the board, from the board's
 * descriptor (`renderer: 'element'`).
 */
export function PictureMenu({ boardId, boardTitle, root }: BoardPictureProps) {
  const { t } = useTranslation('interop');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const picture = async (format: 'png' | 'svg', scale: number) => {
    const element = document.querySelector<HTMLElement>(
      `[data-board-picture="${CSS.escape(boardId)}"] ${root}`,
    );
    setBusy(true);
    setMessage(null);
    try {
      if (!element) throw new Error('empty');
      const blob = await elementPicture(element, { format, scale, background: '#ffffff' });
      saveFile(blob, fileNameOf(boardTitle, format));
    } catch (err) {
      setMessage(exportErrorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="export-menu picture-menu" data-testid="export-menu" data-export="omit">
      <summary>
        <Download size={16} /> {t('pictureMenu')}
      </summary>
      <div className="export-menu__body">
        <strong>{t('exportImage')}</strong>
        <div className="export-menu__row">
          {[1, 2, 4].map((scale) => (
            <button
              key={scale}
              type="button"
              disabled={busy}
              onClick={() => void picture('png', scale)}
              data-testid={`export-png-${scale}`}
            >
              {t('png', { scale })}
            </button>
          ))}
          <button
            type="button"
            disabled={busy}
            onClick={() => void picture('svg', 1)}
            data-testid="export-svg"
          >
            {t('svg')}
          </button>
        </div>
        {message && (
          <p className="export-menu__message" role="status" data-testid="export-message">
            {message}
          </p>
        )}
      </div>
    </details>
  );
}
