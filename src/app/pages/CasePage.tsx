import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { Eye, HardDriveDownload, Redo2, ScrollText, Undo2, Users } from 'lucide-react';
import { usePresenters } from '../../present/usePresenters.ts';
import { usePresenterRequests } from '../../present/channel.ts';
import { formatOffence } from '../../core/offences.ts';
import { listBoards } from '../../core/commands/boards.ts';
import { metaOf, readMeta } from '../../core/doc.ts';
import type { CaseFile } from '../../core/commands/files.ts';
import { canEdit } from '../../core/schema.ts';
import { NoteBadgeContext } from '../../canvas/noteBadges.tsx';
import { useCaseNotes } from './useCaseNotes.ts';
import { PanelButtons, useCaseGoTo, type SidePanel } from './SidePanels.tsx';
import { FileViewer } from '../../files/FileViewer.tsx';
import type { FileSpot } from '../../files/searchApi.ts';
import { boardFieldsWatch, useDoc } from '../../sync/useDoc.ts';
import { BoardViewsProvider } from '../../canvas/boardViews.ts';
import { useUploads } from '../../files/useUploads.ts';
import { UploadList } from '../../files/UploadList.tsx';
import { RegisterPanel } from '../../register/RegisterPanel.tsx';
import type { OpenedVersion } from '../../history/HistoryPanel.tsx';
import { CaseSession } from '../../sync/CaseSession.ts';
import { ClassificationBadge } from '../../ui/ClassificationBadge.tsx';
import { ApiError, endpoints, type CaseSummary, type User } from '../../sync/api.ts';
import { currentLanguage } from '../i18n.ts';
import { offlineCache } from '../offline.ts';
import { BoardSwitch } from '../../boards/BoardSwitch.tsx';
import { BoardTabs } from './BoardTabs.tsx';
import { Presence } from './Presence.tsx';
import { CaseActions } from './CaseActions.tsx';
import { PresentOverlay } from './PresentOverlay.tsx';
import {
  AuditDialog,
  ChecklistPanel,
  ComparisonView,
  DeadlinesPanel,
  ReportPanel,
  DeckPanel,
  HistoryPanel,
  MembersDialog,
  NotesPanel,
  VersionView,
} from '../lazyPanels.ts';

/** Loads the case record (or its offline copy), then opens the live session. */
export function CasePage({ caseId, user, onBack }: { caseId: string; user: User; onBack(): void }) {
  const { t } = useTranslation();
  const [record, setRecord] = useState<CaseSummary | null>(() => offlineCache.caseRecord(caseId));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    endpoints.getCase(caseId).then(
      (fresh) => {
        setRecord(fresh);
        offlineCache.setCaseRecord(fresh);
      },
      (err: unknown) => {
        // Offline, the copy from the last visit is used; anything else is shown.
        if (!(err instanceof ApiError && err.status === 0))
          setError(err instanceof ApiError ? err.message : t('case.notFound'));
      },
    );
  }, [caseId, t]);

  if (error) {
    return (
      <main className="case-page case-page--error">
        <p className="form-error">{error}</p>
        <button type="button" onClick={onBack}>
          {t('case.back')}
        </button>
      </main>
    );
  }
  if (!record) return <main className="case-page" />;
  return <OpenCase key={`${caseId}/${record.role}`} record={record} user={user} onBack={onBack} />;
}

function OpenCase({ record, user, onBack }: { record: CaseSummary; user: User; onBack(): void }) {
  const readOnly = !canEdit(record.role);
  const [session, setSession] = useState<CaseSession | null>(null);
  useEffect(() => {
    const opened = new CaseSession(
      record.id,
      { id: user.id, displayName: user.displayName },
      readOnly,
    );
    setSession(opened);
    return () => opened.destroy();
  }, [record.id, user.id, user.displayName, readOnly]);
  if (!session) return <main className="case-page" />;
  return (
    <BoardViewsProvider>
      <CaseWorkspace
        session={session}
        record={record}
        user={user}
        readOnly={readOnly}
        onBack={onBack}
      />
    </BoardViewsProvider>
  );
}

function CaseWorkspace({
  session,
  record,
  user,
  readOnly: roleReadOnly,
  onBack,
}: {
  session: CaseSession;
  record: CaseSummary;
  user: User;
  readOnly: boolean;
  onBack(): void;
}) {
  /** Who the deadlines panel records as the author of a class override. */
  const author = user.displayName || user.username;
  const { t, i18n } = useTranslation();
  const { doc, origin } = session;
  const fatal = useStore(session.store, (s) => s.fatal);
  const canUndo = useStore(session.store, (s) => s.canUndo);
  const canRedo = useStore(session.store, (s) => s.canRedo);
  const readOnly =
    roleReadOnly ||
    fatal === 'newerSchema' ||
    fatal === 'accessRemoved' ||
    fatal === 'sessionEnded';
  const boards = useDoc(doc, boardFieldsWatch, listBoards);
  const meta = useDoc(doc, (d) => [metaOf(d)], readMeta);
  const [selected, setSelected] = useState<string | null>(null);
  // One side panel at a time, toggled from the bar; the register is open at first.
  const [panel, setPanel] = useState<SidePanel | null>('register');
  const toggle = (which: SidePanel) => setPanel((open) => (open === which ? null : which));
  const [registerEntity, setRegisterEntity] = useState<string | null>(null);
  const [comparisonRow, setComparisonRow] = useState<string | null>(null);
  const [showAudit, setShowAudit] = useState(false);
  const [showMembers, setShowMembers] = useState(false);
  const [opened, setOpened] = useState<OpenedVersion | null>(null);
  const [presenting, setPresenting] = useState<number | null>(null);
  const [following, setFollowing] = useState<number | null>(null);
  const presenters = usePresenters(session.provider.awareness);
  usePresenterRequests(record.id, setPresenting);
  const [focus, setFocus] = useState<{ boardId: string; nodeId: string } | null>(null);
  const [openFile, setOpenFile] = useState<CaseFile | null>(null);
  // Where a search result opens its file: the page, and the found words to highlight.
  const [fileSpot, setFileSpot] = useState<{ hash: string; spot: FileSpot } | null>(null);
  const uploads = useUploads(record.id, doc, origin, i18n.language || currentLanguage());

  const current = useMemo(
    () => boards.find((b) => b.id === selected) ?? boards[0] ?? null,
    [boards, selected],
  );
  const notes = useCaseNotes({
    doc,
    role: record.role,
    fatal,
    boardId: current?.id ?? null,
    shown: panel === 'notes',
    setShown: (shown) => setPanel((open) => (shown ? 'notes' : open === 'notes' ? null : open)),
  });
  const { goTo, goToNote } = useCaseGoTo({
    doc,
    currentBoard: current?.id ?? null,
    setSelected,
    setFocus,
    setOpenFile,
    setPanel,
    setRegisterEntity,
    setComparisonRow,
  });
  const title = meta.title || record.title;
  /** The case number and the offences, under the title (one line, in full on hover). */
  const subtitle = [
    meta.caseNumber || record.caseNumber,
    (meta.offences.length ? meta.offences : record.offences).map(formatOffence).join('; '),
  ]
    .filter(Boolean)
    .join(' · ');
  const classification = meta.schema > 0 ? meta.classification : record.classification;
  useEffect(() => {
    document.title = `${title} – CaseBoard`;
  }, [title]);

  return (
    <main
      className="case-page"
      data-testid="case-page"
      onDragOver={(event) => {
        // Files dropped anywhere on the case go to its case file.
        if (!readOnly && event.dataTransfer.types.includes('Files')) event.preventDefault();
      }}
      onDrop={(event) => {
        if (readOnly || event.dataTransfer.files.length === 0 || event.defaultPrevented) return;
        event.preventDefault();
        void uploads.start(event.dataTransfer.files);
      }}
    >
      <ClassificationBadge classification={classification} banner />
      <div className="case-page__bar">
        <a
          className="case-page__back"
          href="/"
          onClick={(event) => {
            event.preventDefault();
            onBack();
          }}
          data-testid="back-to-cases"
        >
          ‹ {t('case.cases')}
        </a>
        <div className="case-page__title">
          <h1 data-testid="case-title" title={title}>
            {title}
          </h1>
          <span className="muted" title={subtitle}>
            {subtitle}
          </span>
        </div>
        {readOnly && (
          <span className="badge" data-testid="read-only">
            {t('case.readOnly')}
          </span>
        )}
        {!readOnly && (
          <span className="case-page__history">
            <button
              type="button"
              title={t('case.undo')}
              disabled={!canUndo}
              onClick={() => session.undo()}
              data-testid="undo"
            >
              <Undo2 size={16} />
            </button>
            <button
              type="button"
              title={t('case.redo')}
              disabled={!canRedo}
              onClick={() => session.redo()}
              data-testid="redo"
            >
              <Redo2 size={16} />
            </button>
          </span>
        )}
        {presenters.map((p) => (
          <button
            key={p.clientId}
            type="button"
            className="primary"
            onClick={() => setFollowing(p.clientId)}
            data-testid="follow-presenter"
          >
            <Eye size={16} /> {t('present:follow', { name: p.name })}
          </button>
        ))}
        <PanelButtons
          panel={panel}
          onToggle={(which) => {
            if (which === 'register') setRegisterEntity(null);
            if (which === 'statements') setComparisonRow(null);
            if (which === 'notes') notes.toggle();
            else toggle(which);
          }}
          onAddNote={notes.writes ? notes.add : null}
        />
        {/* What is used now and then: icons, named by their tooltips. */}
        <span className="case-page__tools">
          <button
            type="button"
            onClick={() => setShowMembers(true)}
            title={t('cases.members')}
            aria-label={t('cases.members')}
            data-testid="open-members"
          >
            <Users size={16} />
          </button>
          {record.role === 'owner' && (
            <button
              type="button"
              onClick={() => setShowAudit(true)}
              title={t('case.audit')}
              aria-label={t('case.audit')}
              data-testid="open-audit"
            >
              <ScrollText size={16} />
            </button>
          )}
          {record.role === 'owner' && (
            <a
              className="button"
              href={`/api/cases/${record.id}/backup`}
              download
              data-testid="backup"
              title={t('interop:backup')}
              aria-label={t('interop:backup')}
            >
              <HardDriveDownload size={16} />
            </a>
          )}
        </span>
        <Presence session={session} />
      </div>
      {fatal && (
        <p className="notice notice--danger" role="alert" data-testid="sync-error">
          {t(`sync.${fatal}`)}
        </p>
      )}
      <BoardTabs
        doc={doc}
        origin={origin}
        boards={boards}
        selected={current?.id ?? null}
        readOnly={readOnly}
        onSelect={setSelected}
      />
      {/* The statements' comparison is wide: it covers the board, with no side panel beside. */}
      <div className={`case-page__body${panel && panel !== 'statements' ? ' with-register' : ''}`}>
        <section className="case-page__board">
          {/* Review notes' badges show here only: never in present mode, versions or exports. */}
          <NoteBadgeContext.Provider value={notes.scope}>
            <BoardSwitch
              caseId={record.id}
              doc={doc}
              board={current}
              origin={origin}
              readOnly={readOnly}
              awareness={session.provider.awareness}
              focusNodeId={focus && focus.boardId === current?.id ? focus.nodeId : null}
              tools
            />
          </NoteBadgeContext.Provider>
          <Suspense fallback={null}>
            {opened && (
              <VersionView
                caseId={record.id}
                opened={opened}
                current={doc}
                boardId={current?.id ?? null}
                onClose={() => setOpened(null)}
              />
            )}
            {panel === 'statements' && (
              <ComparisonView
                caseId={record.id}
                doc={doc}
                origin={origin}
                readOnly={readOnly}
                focusRow={comparisonRow}
                onClose={() => setPanel(null)}
              />
            )}
          </Suspense>
        </section>
        <Suspense fallback={null}>
          {panel === 'notes' && (
            <NotesPanel
              caseId={record.id}
              doc={doc}
              origin={origin}
              me={{ id: user.id, name: user.displayName }}
              canWrite={notes.writes}
              lang={i18n.language === 'en' ? 'en' : 'vi'}
              boards={boards}
              view={notes.view}
              onView={notes.setView}
              onGoTo={goToNote}
              onClose={() => setPanel(null)}
            />
          )}
          {panel === 'deck' && (
            <NoteBadgeContext.Provider value={notes.deckScope}>
              <DeckPanel
                doc={doc}
                caseId={record.id}
                origin={origin}
                readOnly={readOnly}
                owner={record.role === 'owner'}
                board={current}
                onPresent={setPresenting}
                onPresenterView={() =>
                  window.open(
                    `/cases/${record.id}/presenter`,
                    `caseboard-presenter-${record.id}`,
                    'width=1280,height=800',
                  )
                }
              />
            </NoteBadgeContext.Provider>
          )}
          {panel === 'history' && (
            <HistoryPanel
              caseId={record.id}
              doc={doc}
              origin={origin}
              readOnly={readOnly}
              onOpen={setOpened}
            />
          )}
          {panel === 'checklist' && (
            <ChecklistPanel doc={doc} lang={i18n.language || currentLanguage()} onGoTo={goTo} />
          )}
          {panel === 'deadlines' && (
            <DeadlinesPanel
              caseId={record.id}
              doc={doc}
              origin={origin}
              readOnly={readOnly}
              author={author}
              lang={i18n.language || currentLanguage()}
            />
          )}
          {panel === 'report' && (
            <ReportPanel caseId={record.id} doc={doc} origin={origin} readOnly={readOnly} />
          )}
          {showAudit && <AuditDialog caseId={record.id} onClose={() => setShowAudit(false)} />}
          {showMembers && (
            <MembersDialog record={{ ...record, title }} onClose={() => setShowMembers(false)} />
          )}
        </Suspense>
        <CaseActions session={session} readOnly={readOnly} />
        {panel === 'register' && (
          <RegisterPanel
            key={registerEntity ?? ''}
            initialEntity={registerEntity}
            caseId={record.id}
            doc={doc}
            origin={origin}
            readOnly={readOnly}
            lang={i18n.language || currentLanguage()}
            onGoToNode={(boardId, nodeId) => {
              setSelected(boardId);
              setFocus({ boardId, nodeId });
            }}
            onOpenFile={(file, spot) => {
              setFileSpot(spot ? { hash: file.hash, spot } : null);
              setOpenFile(file);
            }}
          />
        )}
      </div>
      <div className="case-page__uploads">
        <UploadList items={uploads.items} />
      </div>
      <PresentOverlay
        session={session}
        caseId={record.id}
        toHearingLinks={canEdit(record.role)}
        presenting={presenting}
        following={following}
        onExitPresent={() => setPresenting(null)}
        onExitFollow={() => setFollowing(null)}
      />
      {openFile && (
        <FileViewer
          caseId={record.id}
          file={openFile}
          spot={fileSpot?.hash === openFile.hash ? fileSpot.spot : undefined}
          doc={doc}
          origin={origin}
          readOnly={readOnly}
          onClose={() => setOpenFile(null)}
          addNote={
            notes.writes
              ? {
                  label: t('case.addNote'),
                  onAdd: (page, region) => {
                    const file = openFile.hash;
                    setOpenFile(null);
                    notes.open({
                      mode: 'compose',
                      anchor: { kind: 'page', file, page, ...region },
                    });
                  },
                }
              : undefined
          }
        />
      )}
    </main>
  );
}
