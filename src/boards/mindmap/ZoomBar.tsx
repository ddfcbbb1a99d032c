import { useReactFlow, useStore } from '@xyflow/react';
import { Maximize, Minus, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';

const zoomOf = (s: { transform: [number, number, number] }) => s.transform[2];

/**
 * Zoom out, the zoom level, zoom in and fit, in a bar below the map (as XMind's status bar): never
 * drawn over a topic. Fit is the board's own, from the current layout's boxes.
 */
export function ZoomBar({ onFit }: { onFit(): void }) {
  const { t } = useTranslation('mindmap');
  const flow = useReactFlow();
  const zoom = useStore(zoomOf);
  return (
    <div className="mindmap-zoom" role="toolbar" aria-label={t('zoom.bar')}>
      <button
        type="button"
        onClick={() => void flow.zoomOut({ duration: 150 })}
        title={t('zoom.out')}
        aria-label={t('zoom.out')}
        data-testid="zoom-out"
      >
        <Minus size={16} />
      </button>
      <span className="mindmap-zoom__level" data-testid="zoom-level">
        {Math.round(zoom * 100)} %
      </span>
      <button
        type="button"
        onClick={() => void flow.zoomIn({ duration: 150 })}
        title={t('zoom.in')}
        aria-label={t('zoom.in')}
        data-testid="zoom-in"
      >
        <Plus size={16} />
      </button>
      <button
        type="button"
        onClick={onFit}
        title={t('zoom.fit')}
        aria-label={t('zoom.fit')}
        data-testid="zoom-fit"
      >
        <Maximize size={16} /> {t('zoom.fit')}
      </button>
    </div>
  );
}
