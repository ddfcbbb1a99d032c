import { lazy } from 'react';

/**
 * What the log-in page and the case list do not show, loaded when first used, each with the
 * case's texts (./caseTexts.ts) so that nothing renders before its namespace is installed.
 */
export const withTexts = <T>(load: Promise<T>): Promise<T> =>
  Promise.all([import('./caseTexts.ts'), load]).then(([, module]) => module);

export const AuditDialog = lazy(() =>
  withTexts(import('../history/AuditDialog.tsx')).then((m) => ({ default: m.AuditDialog })),
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
export const HistoryPanel = lazy(() =>
  import('../history/HistoryPanel.tsx').then((m) => ({ default: m.HistoryPanel })),
);
export const VersionView = lazy(() =>
  import('../history/VersionView.tsx').then((m) => ({ default: m.VersionView })),
);
