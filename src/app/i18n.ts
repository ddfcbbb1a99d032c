import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { installMindMapTexts } from '../boards/mindmap/locales.ts';
import { installSceneTexts } from '../boards/scene/locales.ts';
import { installGraphTexts } from '../boards/graph/locales.ts';
import { installPresentTexts } from '../present/locales.ts';
import { installInteropTexts } from '../export/locales.ts';
import { installRegisterTexts } from '../register/locales.ts';
import { installHistoryTexts } from '../history/locales.ts';
import { en } from './locales/en.ts';
import { vi } from './locales/vi.ts';
import { initialLanguage } from '../ui/language.ts';

export { currentLanguage, initialLanguage, setLanguage, type Lang } from '../ui/language.ts';


void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});
installRegisterTexts(i18n);
installMindMapTexts(i18n);
installSceneTexts(i18n);
installGraphTexts(i18n);
installPresentTexts(i18n);
installInteropTexts(i18n);
installHistoryTexts(i18n);
document.documentElement.lang = i18n.language;

export default i18n;
