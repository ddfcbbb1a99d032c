import i18n from 'i18next';

/** The languages of the UI. */
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

/** Switches the whole UI, remembers the choice, and tells the server which language to answer in. */
export function setLanguage(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

/** The UI's language now (what the server is asked to answer in). */
export function currentLanguage(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}
