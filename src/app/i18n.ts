import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { installInteropTexts } from '../export/locales.ts';
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
// The case list's own (restoring a backup); an open case's come with it (./caseTexts.ts).
installInteropTexts(i18n);
document.documentElement.lang = i18n.language;

export default i18n;
