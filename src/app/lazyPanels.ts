import i18n from 'i18next';
import { lazy } from 'react';

/**
 * What the log-in page and the case list do not show, loaded when first used, each with the
 * case's texts (./caseTexts.ts) so that nothing renders before its namespace is installed.
 */
export const withTexts = <T>(load: Promise<T>): Promise<T> =>
  Promise.all([import('./caseTexts.ts'), load]).then(([, module]) => module);

/** History's texts, with the history panel, the version view or the audit trail. */
const withHistoryTexts = <T>(load: Promise<T>): Promise<T> =>
  Promise.all([
    import('../history/locales.ts').then((m) => m.installHistoryTexts(i18n)),
    withTexts(load),
  ]).then(([, module]) => module);

export const AuditDialog = lazy(() =>
  withHistoryTexts(import('../history/AuditDialog.tsx')).then((m) => ({ default: m.AuditDialog })),
);
export const CaseDialog = lazy(() =>
  import('./pages/CaseDialog.tsx').then((m) => ({ default: m.CaseDialog })),
);
export const MembersDialog = lazy(() =>
  import('./pages/MembersDialog.tsx').then((m) => ({ default: m.MembersDialog })),
);
export const DeckPanel = lazy(() =>
  import('../present/DeckPanel.tsx').then((m) => ({ default: m.DeckPanel })),
);
export const PresentView = lazy(() =>
  import('../present/PresentView.tsx').then((m) => ({ default: m.PresentView })),
);
export const FollowPresenter = lazy(() =>
  import('../present/FollowPresenter.tsx').then((m) => ({ default: m.FollowPresenter })),
);
export const HistoryPanel = lazy(() =>
  withHistoryTexts(import('../history/HistoryPanel.tsx')).then((m) => ({
    default: m.HistoryPanel,
  })),
);
export const VersionView = lazy(() =>
  withHistoryTexts(import('../history/VersionView.tsx')).then((m) => ({ default: m.VersionView })),
);
export const ChecklistPanel = lazy(() =>
  Promise.all([
    import('../checklist/locales.ts').then((m) => m.installChecklistTexts(i18n)),
    withTexts(import('../checklist/ChecklistPanel.tsx')),
  ]).then(([, m]) => ({ default: m.ChecklistPanel })),
);

/** Deadlines' texts, with the deadlines panel or the case list's nearest deadlines. */
const withDeadlineTexts = <T>(load: Promise<T>): Promise<T> =>
  Promise.all([
    import('../deadlines/locales.ts').then((m) => m.installDeadlineTexts(i18n)),
    load,
  ]).then(([, module]) => module);

export const DeadlinesPanel = lazy(() =>
  withDeadlineTexts(withTexts(import('../deadlines/DeadlinesPanel.tsx'))).then((m) => ({
    default: m.DeadlinesPanel,
  })),
);
export const CaseDeadlines = lazy(() =>
  withDeadlineTexts(import('../deadlines/CaseDeadlines.tsx')).then((m) => ({
    default: m.CaseDeadlines,
  })),
);

/** The review notes panel, with its texts (namespace `review`). */
export const NotesPanel = lazy(() =>
  Promise.all([
    import('../review/locales.ts').then((m) => m.installReviewTexts(i18n)),
    withTexts(import('../review/NotesPanel.tsx')),
  ]).then(([, m]) => ({ default: m.NotesPanel })),
);

/** The case report panel, with its texts (namespace `report`). */
export const ReportPanel = lazy(() =>
  Promise.all([
    import('../export/report/locales.ts').then((m) => m.installReportTexts(i18n)),
    withTexts(import('../export/report/ReportPanel.tsx')),
  ]).then(([, m]) => ({ default: m.ReportPanel })),
);

/** The statements' comparison (its texts come with the case's, src/register/statementLocales.ts). */
export const ComparisonView = lazy(() =>
  withTexts(import('../statements/ComparisonView.tsx')).then((m) => ({
    default: m.ComparisonView,
  })),
);
