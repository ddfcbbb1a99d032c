import i18n from 'i18next';
import { installDeadlineTexts } from '../deadlines/locales.ts';
import { installCaseFileTexts } from '../files/locales.ts';
import { installMindMapTexts } from '../boards/mindmap/locales.ts';
import { installPresentTexts } from '../present/locales.ts';
import { installRegisterTexts } from '../register/locales.ts';
import { installStatementTexts } from '../register/statementLocales.ts';
import { installUiTexts } from '../ui/locales.ts';

// The texts of an open case (the mind map, register, deck, palette), loaded with the first page that
// needs them rather than with the log-in page (docs/performance.md). The scene's, the charts' and
// history's come with their own chunks (src/boards/*/index.ts, ./lazyPanels.ts).
installRegisterTexts(i18n);
// Statements' passages are edited in the register and from the file viewer.
installStatementTexts(i18n);
installMindMapTexts(i18n);
installPresentTexts(i18n);
installUiTexts(i18n);
installCaseFileTexts(i18n);
// The timeline board marks deadlines on their days.
installDeadlineTexts(i18n);
