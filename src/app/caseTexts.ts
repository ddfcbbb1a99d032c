import i18n from 'i18next';
import { installMindMapTexts } from '../boards/mindmap/locales.ts';
import { installSceneTexts } from '../boards/scene/locales.ts';
import { installGraphTexts } from '../boards/graph/locales.ts';
import { installPresentTexts } from '../present/locales.ts';
import { installRegisterTexts } from '../register/locales.ts';
import { installHistoryTexts } from '../history/locales.ts';
import { installUiTexts } from '../ui/locales.ts';

// The texts of an open case (boards, register, deck, history), loaded with the first page that
// needs them rather than with the log-in page (docs/performance.md).
installRegisterTexts(i18n);
installMindMapTexts(i18n);
installSceneTexts(i18n);
installGraphTexts(i18n);
installPresentTexts(i18n);
installHistoryTexts(i18n);
installUiTexts(i18n);
