import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { History, RotateCcw, Columns2, Eye, Save } from 'lucide-react';
import { docFromState, restoreVersion } from '../core/history.ts';
import { endpoints, type Version } from '../sync/api.ts';
import { errorReason } from '../ui/errorReason.ts';
import { formatDateTime } from '../ui/dates.ts';

/** A version opened from the panel: its document, shown alone or beside the current state. */
export interface OpenedVersion {
  version: Version;
  doc: Y.Doc;
  mode: 'alone' | 'compare';
}

/** A version's name in the reader's language (automatic ones have a fixed name on the server). */
export function versionName(t: (key: string) => string, version: Version): string {
  return version.name.startsWith('auto:') ? t(`auto.${version.name.slice(5)}`) : version.name;
}

/** A moment to the minute in the reader's language: `12/03/2026 14:05`, `12 Mar 2026, 14:05`. */
export const formatTime = formatDateTime;

/**
 * The case's versions, newest first: make a named one, open one (alone or beside the current
 * state), or restore one as the person's own change, which every collaborator receives and undo
 * takes back.
 */
export function HistoryPanel({
  caseId,
  doc,
  origin,
  readOnly,
  onOpen,
}: {
  caseId: string;
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  onOpen(opened: OpenedVersion): void;
}) {
  const { t, i18n } = useTranslation('history');
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [retention, setRetention] = useState(0);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const failed = (err: unknown) => setMessage(t('failed', { message: errorReason(err) }));
  const refresh = useCallback(async () => {
    try {
      const answer = await endpoints.versions(caseId);
      setVersions(answer.versions);
      setRetention(answer.retentionDays);
    } catch (err) {
      failed(err);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `failed` only formats
  }, [caseId]);
  useEffect(() => {
    void refresh();
    // Colleagues and the server make versions too; the list follows while the panel is open.
    const timer = setInterval(() => void refresh(), 30_000);
    return () => clearInterval(timer);
  }, [refresh]);

  const act = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await work());
      await refresh();
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };
  const open = (version: Version, mode: OpenedVersion['mode']) =>
    act(async () => {
      onOpen({
        version,
        mode,
        doc: docFromState(await endpoints.versionState(caseId, version.id)),
      });
      return null;
    });
  const restore = (version: Version) => {
    const shown = versionName(t, version);
    if (!window.confirm(t('restoreConfirm', { name: shown }))) return;
    void act(async () => {
      const state = await endpoints.versionState(caseId, version.id);
      await endpoints.restoreVersion(caseId, version.id);
      const versionDoc = docFromState(state);
      restoreVersion(doc, versionDoc, origin);
      versionDoc.destroy();
      return t('restored', { name: shown });
    });
  };

  return (
    <aside className="side-panel history-panel" data-testid="history-panel">
      <h2>
        <History size={16} /> {t('title')}
      </h2>
      {!readOnly && (
        <form
          className="history-panel__make"
          onSubmit={(event) => {
            event.preventDefault();
            const trimmed = name.trim();
            if (!trimmed) return;
            void act(async () => {
              await endpoints.makeVersion(caseId, trimmed);
              setName('');
              return t('made', { name: trimmed });
            });
          }}
        >
          <input
            value={name}
            maxLength={200}
            placeholder={t('namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
            data-testid="version-name"
          />
          <button type="submit" disabled={busy || !name.trim()} data-testid="version-make">
            <Save size={16} /> {t('make')}
          </button>
        </form>
      )}
      {message && (
        <p className="notice" role="status" data-testid="history-message">
          {message}
        </p>
      )}
      <p className="muted">
        {retention > 0 ? t('retention', { days: retention }) : t('retentionForever')}
      </p>
      {versions?.length === 0 && <p className="muted">{t('none')}</p>}
      <ul className="history-panel__list">
        {versions?.map((version) => (
          <li
            key={version.id}
            className={`history-version history-version--${version.kind}`}
            data-testid="version-item"
            data-name={version.name}
          >
            <strong>{versionName(t, version)}</strong>
            <span className="muted">
              {t('by', {
                author: version.author === 'server' ? t('server') : version.author,
                time: formatTime(version.createdAt, i18n.language),
              })}
            </span>
            <span className="history-version__actions">
              <button
                type="button"
                disabled={busy}
                onClick={() => void open(version, 'alone')}
                data-testid="version-open"
              >
                <Eye size={14} /> {t('open')}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => void open(version, 'compare')}
                data-testid="version-compare"
              >
                <Columns2 size={14} /> {t('compare')}
              </button>
              {!readOnly && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => restore(version)}
                  data-testid="version-restore"
                >
                  <RotateCcw size={14} /> {t('restore')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
