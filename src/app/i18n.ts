import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { installMindMapTexts } from '../boards/mindmap/locales.ts';
import { installSceneTexts } from '../boards/scene/locales.ts';
import { installGraphTexts } from '../boards/graph/locales.ts';
import { installPresentTexts } from '../present/locales.ts';
import { installInteropTexts } from '../export/locales.ts';
import { installRegisterTexts } from '../register/locales.ts';
import { installHistoryTexts } from '../history/locales.ts';
import { installUiTexts } from '../ui/locales.ts';
import { en } from './locales/en.ts';
import { vi } from './locales/vi.ts';

export type Lang = 'vi' | 'en';
const STORAGE_KEY = 'caseboard.lang';

/** The language to start in: the person's last choice, else the browser's (vi* → Vietnamese). */
export function initialLanguage(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'vi' || saved === 'en') return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const code = tag.slice(0, 2).toLowerCase();
    if (code === 'vi' || code === 'en') return code;
  }
  return 'vi';
}

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
installUiTexts(i18n);
document.documentElement.lang = i18n.language;

/** Switches the whole UI, remembers the choice, and tells the server which language to answer in. */
export function setLanguage(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export function currentLanguage(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export default i18n;
