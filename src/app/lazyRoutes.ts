import { lazy } from 'react';
import { withTexts } from './lazyPanels.ts';

/** The pages beyond the case list, and the export menu, loaded when first used. */
export const CasePage = lazy(() =>
  withTexts(import('./pages/CasePage.tsx')).then((m) => ({ default: m.CasePage })),
);
export const LivePage = lazy(() =>
  withTexts(import('../present/LivePage.tsx')).then((m) => ({ default: m.LivePage })),
);
export const PresenterPage = lazy(() =>
  withTexts(import('../present/PresenterPage.tsx')).then((m) => ({ default: m.PresenterPage })),
);
export const ExportMenu = lazy(() =>
  import('../export/ExportMenu.tsx').then((m) => ({ default: m.ExportMenu })),
);
export const PictureMenu = lazy(() =>
  import('../export/PictureMenu.tsx').then((m) => ({ default: m.PictureMenu })),
);
