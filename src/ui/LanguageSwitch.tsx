import { useTranslation } from 'react-i18next';
import { setLanguage, type Lang } from './language.ts';

/** Switches the whole interface between Vietnamese and English. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        value={i18n.language}
        onChange={(event) => setLanguage(event.target.value as Lang)}
        data-testid="language-switch"
        aria-label={t('language.label')}
      >
        <option value="vi">{t('language.vi')}</option>
        <option value="en">{t('language.en')}</option>
      </select>
    </label>
  );
}
