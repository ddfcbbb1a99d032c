import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Archive, ArchiveRestore, FolderOpen, Pencil, Plus, ScrollText, Users } from 'lucide-react';
import { formatOffence } from '../../core/offences.ts';
import { compareVietnamese, matchesSearch } from '../../core/text.ts';
import { ClassificationBadge } from '../../ui/ClassificationBadge.tsx';
import { canEdit } from '../../core/schema.ts';
import { CaseMentions } from './CaseMentions.tsx';
import { ApiError, endpoints, type CaseSummary } from '../../sync/api.ts';
import { errorReason } from '../../ui/errorReason.ts';
import { offlineCache } from '../offline.ts';
import { AuditDialog, CaseDeadlines, CaseDialog, MembersDialog } from '../lazyPanels.ts';
import { RestoreButton } from '../../export/RestoreButton.tsx';

/** The cases one is a member of: search, create, edit, archive, members. */
export function CaseListPage({ onOpen }: { onOpen(id: string): void }) {
  const { t, i18n } = useTranslation();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [offline, setOffline] = useState(false);
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [dialog, setDialog] = useState<
    { kind: 'create' } | { kind: 'edit' | 'members'; record: CaseSummary } | null
  >(null);
  const [error, setError] = useState<string | null>(null);
  const [showAudit, setShowAudit] = useState(false);
  // Administrators read the whole trail; owners the trail of the cases they own.
  const mayAudit =
    Boolean(offlineCache.user()?.admin) || Boolean(cases?.some((c) => c.role === 'owner'));

  const load = useCallback(() => {
    endpoints.cases().then(
      ({ cases: list }) => {
        setCases(list);
        setOffline(false);
        offlineCache.setCases(list);
      },
      (err: unknown) => {
        if (err instanceof ApiError && err.status === 0) {
          setCases(offlineCache.cases() ?? []);
          setOffline(true);
        } else setError(errorReason(err));
      },
    );
  }, []);
  useEffect(load, [load]);

  const visible = useMemo(
    () =>
      (cases ?? [])
        .filter(
          (c) =>
            (showArchived || !c.archived) &&
            (!query ||
              matchesSearch(
                `${c.title} ${c.caseNumber} ${c.offences.map(formatOffence).join(' ')}`,
                query,
              )),
        )
        .sort(
          (a, b) => Number(a.archived) - Number(b.archived) || compareVietnamese(a.title, b.title),
        ),
    [cases, query, showArchived],
  );

  const setArchived = async (record: CaseSummary, archived: boolean) => {
    try {
      await endpoints.patchCase(record.id, { archived });
      load();
    } catch (err) {
      setError(errorReason(err));
    }
  };

  return (
    <main className="case-list-page">
      <div className="page-title">
        <h1>{t('cases.title')}</h1>
        <button
          type="button"
          className="primary"
          onClick={() => setDialog({ kind: 'create' })}
          disabled={offline}
          data-testid="new-case"
        >
          <Plus size={16} /> {t('cases.new')}
        </button>
        <RestoreButton disabled={offline} onRestored={onOpen} />
        {mayAudit && (
          <button
            type="button"
            onClick={() => setShowAudit(true)}
            disabled={offline}
            data-testid="open-audit-all"
          >
            <ScrollText size={16} /> {t('cases.audit')}
          </button>
        )}
      </div>
      <Suspense fallback={null}>
        {showAudit && (
          <AuditDialog
            caseId={null}
            cases={cases ?? []}
            admin={Boolean(offlineCache.user()?.admin)}
            onClose={() => setShowAudit(false)}
          />
        )}
      </Suspense>
      {offline && <p className="notice">{t('cases.offlineList')}</p>}
      {!offline && cases && cases.length > 0 && (
        <Suspense fallback={null}>
          <CaseDeadlines onOpen={onOpen} lang={i18n.language} />
        </Suspense>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="toolbar">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('cases.search')}
          aria-label={t('cases.search')}
          data-testid="case-search"
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
            data-testid="show-archived"
          />
          {t('cases.showArchived')}
        </label>
      </div>
      {cases && visible.length === 0 && (
        <p className="muted">{cases.length === 0 ? t('cases.empty') : t('cases.noMatch')}</p>
      )}
      <ul className="case-list" data-testid="case-list">
        {visible.map((c) => (
          <li
            key={c.id}
            className={`case-card${c.archived ? ' is-archived' : ''}`}
            data-testid="case-card"
            data-case-id={c.id}
          >
            <button
              type="button"
              className="case-card__open"
              onClick={() => onOpen(c.id)}
              data-testid="case-open"
            >
              <span className="case-card__title">{c.title}</span>
              <span className="muted">
                {[
                  c.caseNumber,
                  c.offences.map(formatOffence).join('; '),
                  t(`roles.${c.role}`),
                  c.archived ? t('cases.archived') : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </button>
            <ClassificationBadge classification={c.classification} />
            {c.mentions && c.mentions.count > 0 && (
              <CaseMentions mentions={c.mentions} onOpen={() => onOpen(c.id)} />
            )}
            <div className="case-card__actions">
              <button type="button" title={t('cases.open')} onClick={() => onOpen(c.id)}>
                <FolderOpen size={16} />
              </button>
              {canEdit(c.role) && !offline && (
                <button
                  type="button"
                  title={t('cases.edit')}
                  onClick={() => setDialog({ kind: 'edit', record: c })}
                  data-testid="case-edit"
                >
                  <Pencil size={16} />
                </button>
              )}
              {!offline && (
                <button
                  type="button"
                  title={t('cases.members')}
                  onClick={() => setDialog({ kind: 'members', record: c })}
                  data-testid="case-members"
                >
                  <Users size={16} />
                </button>
              )}
              {c.role === 'owner' && !offline && (
                <button
                  type="button"
                  title={c.archived ? t('cases.unarchive') : t('cases.archive')}
                  onClick={() => void setArchived(c, !c.archived)}
                  data-testid="case-archive"
                >
                  {c.archived ? <ArchiveRestore size={16} /> : <Archive size={16} />}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <Suspense fallback={null}>
        {dialog?.kind === 'create' && (
          <CaseDialog
            onClose={() => setDialog(null)}
            onDone={(record) => {
              setDialog(null);
              onOpen(record.id);
            }}
          />
        )}
        {dialog?.kind === 'edit' && (
          <CaseDialog
            existing={dialog.record}
            onClose={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              load();
            }}
          />
        )}
        {dialog?.kind === 'members' && (
          <MembersDialog record={dialog.record} onClose={() => setDialog(null)} />
        )}
      </Suspense>
    </main>
  );
}
