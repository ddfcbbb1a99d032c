import { useState } from 'react';
import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ArrowLeftRight, Trash2, X } from 'lucide-react';
import {
  deleteLinks,
  edgesOf,
  readLink,
  reverseLink,
  updateLink,
} from '../../core/commands/links.ts';
import { LINK_STRENGTHS, type LinkType } from '../../core/links.ts';
import { useDoc } from '../../sync/useDoc.ts';
import { boardsOf, mapField, recordAt } from '../../core/doc.ts';
import { errorText } from './errors.ts';

/** Edits the selected link: type, label, strength, note; reverse or delete it. */
export function LinkEditor({
  doc,
  boardId,
  origin,
  readOnly,
  id,
  types,
  onClose,
}: {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  readOnly: boolean;
  id: string;
  types: readonly LinkType[];
  onClose(): void;
}) {
  const { t } = useTranslation('graph');
  const edges = edgesOf(doc, boardId);
  const link = useDoc(
    doc,
    (d) => [mapField(recordAt(boardsOf(d), boardId), 'edges')],
    () => {
      const record = edges.get(id);
      return record ? readLink(record) : null;
    },
    [edges, id],
  );
  const [label, setLabel] = useState(link?.label ?? '');
  const [note, setNote] = useState(link?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  if (!link) return null;
  const patch = (p: Record<string, unknown>) => {
    try {
      updateLink(doc, { boardId, id, patch: p }, origin);
      setError(null);
    } catch (err) {
      setError(errorText(t, err));
    }
  };
  // Text is committed when the field is left (or on Enter), so input-method composition is whole.
  const commitLabel = () => label !== (link.label ?? '') && patch({ label });
  const commitNote = () => note !== (link.note ?? '') && patch({ note });
  const options = types.includes(link.type) ? types : [link.type, ...types];
  return (
    <Panel position="top-right" className="link-editor" data-testid="link-editor">
      <header>
        <h3>{t('link.title')}</h3>
        <button type="button" onClick={onClose} title={t('link.close')}>
          <X size={16} />
        </button>
      </header>
      <label>
        {t('link.type')}
        <select
          value={link.type}
          disabled={readOnly}
          onChange={(e) => patch({ type: e.target.value })}
          data-testid="link-type"
        >
          {options.map((type) => (
            <option key={type} value={type}>
              {t(`links.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('link.label')}
        <input
          value={label}
          disabled={readOnly}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={commitLabel}
          onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && commitLabel()}
          data-testid="link-label-input"
        />
      </label>
      <label>
        {t('link.strength')}
        <select
          value={link.strength ?? ''}
          disabled={readOnly}
          onChange={(e) => patch({ strength: e.target.value })}
          data-testid="link-strength"
        >
          <option value="">{t('link.none')}</option>
          {LINK_STRENGTHS.map((s) => (
            <option key={s} value={s}>
              {t(`strengths.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('link.note')}
        <textarea
          rows={3}
          value={note}
          disabled={readOnly}
          onChange={(e) => setNote(e.target.value)}
          onBlur={commitNote}
          data-testid="link-note"
        />
      </label>
      {!readOnly && (
        <div className="link-editor__actions">
          <button type="button" onClick={() => reverseLink(doc, { boardId, id }, origin)}>
            <ArrowLeftRight size={16} /> {t('link.reverse')}
          </button>
          <button
            type="button"
            onClick={() => {
              deleteLinks(doc, { boardId, ids: [id] }, origin);
              onClose();
            }}
            data-testid="link-delete"
          >
            <Trash2 size={16} /> {t('link.delete')}
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Panel>
  );
}
