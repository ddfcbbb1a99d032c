import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import type * as Y from 'yjs';
import { commandErrorText } from '../../ui/commandErrors.tsx';
import { useLegacyPaste } from '../../ui/legacyPaste.ts';
import { MARKERS, setTopic, type Marker, type Topic } from '../../core/commands/mindmap.ts';
import { listEntities } from '../../core/commands/register.ts';
import { listFiles } from '../../core/commands/files.ts';
import { MARKER_ICONS } from './TopicNode.tsx';

const COLORS = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7c3aed',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#475569',
];

interface TopicDetailsProps {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  topic: Topic;
  readOnly: boolean;
  onClose(): void;
}

/** The side panel of the selected topic: note, markers, branch colour, register link, pages. */
export function TopicDetails({
  doc,
  boardId,
  origin,
  topic,
  readOnly,
  onClose,
}: TopicDetailsProps) {
  const { t } = useTranslation('mindmap');
  const [note, setNote] = useState(topic.note ?? '');
  const legacy = useLegacyPaste();
  const [pages, setPages] = useState(topic.pages ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setNote(topic.note ?? '');
    setPages(topic.pages ?? '');
    setError(null);
  }, [topic.id, topic.note, topic.pages]);
  const entities = listEntities(doc);
  const files = listFiles(doc).filter(
    (f) => f.mime.startsWith('image/') || f.mime === 'application/pdf',
  );

  const patch = (change: Parameters<typeof setTopic>[1]['patch']) => {
    try {
      setTopic(doc, { boardId, id: topic.id, patch: change }, origin);
      setError(null);
    } catch (err) {
      setError(commandErrorText(t, err));
    }
  };
  const toggleMarker = (marker: Marker) =>
    patch({
      markers: topic.markers.includes(marker)
        ? topic.markers.filter((m) => m !== marker)
        : [...topic.markers, marker],
    });

  return (
    <aside
      className="topic-details"
      data-testid="topic-details"
      onKeyDown={(e) => e.stopPropagation()}
    >
      <header>
        <strong>{t('details')}</strong>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          <X size={14} />
        </button>
      </header>
      <label>
        <span>{t('note')}</span>
        <textarea
          rows={4}
          value={note}
          readOnly={readOnly}
          onChange={(e) => setNote(e.target.value)}
          onPaste={legacy.onPaste}
          onBlur={() => note !== (topic.note ?? '') && patch({ note })}
          data-testid="topic-note"
        />
      </label>
      {legacy.notice && (
        <p className="notice" role="status" data-testid="legacy-paste-notice">
          {legacy.notice}
        </p>
      )}
      <fieldset disabled={readOnly}>
        <legend>{t('markers')}</legend>
        <div className="topic-details__markers">
          {MARKERS.map((marker) => {
            const Icon = MARKER_ICONS[marker];
            return (
              <button
                key={marker}
                type="button"
                aria-pressed={topic.markers.includes(marker)}
                title={t(`markerNames.${marker}`)}
                onClick={() => toggleMarker(marker)}
                data-testid={`marker-${marker}`}
              >
                <Icon size={16} />
              </button>
            );
          })}
        </div>
      </fieldset>
      <fieldset disabled={readOnly}>
        <legend>{t('color')}</legend>
        <div className="topic-details__colors">
          {COLORS.map((color) => (
            <button
              key={color}
              type="button"
              aria-pressed={topic.color === color}
              style={{ background: color }}
              aria-label={color}
              onClick={() => patch({ color: topic.color === color ? null : color })}
            />
          ))}
        </div>
      </fieldset>
      <label className="topic-details__check">
        <input
          type="checkbox"
          checked={topic.boundary !== undefined}
          disabled={readOnly}
          onChange={(e) => patch({ boundary: e.target.checked ? '' : null })}
          data-testid="topic-boundary"
        />
        <span>{t('boundary')}</span>
      </label>
      {topic.boundary !== undefined && (
        <label>
          <span>{t('boundaryLabel')}</span>
          <input
            defaultValue={topic.boundary}
            key={topic.id}
            readOnly={readOnly}
            onBlur={(e) => e.target.value !== topic.boundary && patch({ boundary: e.target.value })}
            data-testid="topic-boundary-label"
          />
        </label>
      )}
      <label>
        <span>{t('link')}</span>
        <select
          value={topic.entity ?? ''}
          disabled={readOnly}
          onChange={(e) => patch({ entity: e.target.value || null })}
          data-testid="topic-entity-select"
        >
          <option value="">—</option>
          {entities.map((entity) => (
            <option key={entity.id} value={entity.id}>
              {entity.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('image')}</span>
        <select
          value={topic.image ?? ''}
          disabled={readOnly}
          onChange={(e) => patch({ image: e.target.value || null })}
          data-testid="topic-image-select"
        >
          <option value="">—</option>
          {files.map((file) => (
            <option key={file.hash} value={file.hash}>
              {file.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('pages')}</span>
        <input
          value={pages}
          readOnly={readOnly}
          placeholder="BL 12–15"
          onChange={(e) => setPages(e.target.value)}
          onBlur={() => pages !== (topic.pages ?? '') && patch({ pages })}
          data-testid="topic-pages"
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </aside>
  );
}
