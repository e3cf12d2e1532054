import { useTranslation } from 'react-i18next';
import { setRequestLanguage } from '../../api/http';
import { type Locale, locales, rememberLocale } from '../../i18n/i18n';
import './account.css';

/**
 * The interface language: a drop-down on the log-in page; in the account menu, one button per
 * language (the menu's arrow keys would change a drop-down's value instead of moving on).
 */
export function LanguageSwitch({ variant = 'select' }: { variant?: 'select' | 'buttons' }) {
  const { t, i18n } = useTranslation();
  const choose = (locale: Locale) => {
    rememberLocale(locale);
    setRequestLanguage(locale);
    i18n.changeLanguage(locale);
  };
  if (variant === 'buttons') {
    return (
      <fieldset className="language-switch language-buttons">
        <legend>{t('account.language')}</legend>
        {locales.map((l) => (
          <button key={l} type="button" lang={l} aria-pressed={i18n.language === l} onClick={() => choose(l)}>
            {t(`account.languages.${l}`)}
          </button>
        ))}
      </fieldset>
    );
  }
  return (
    <label className="language-switch">
      <span>{t('account.language')}</span>
      <select value={i18n.language} onChange={(e) => choose(e.target.value as Locale)}>
        {locales.map((l) => (
          <option key={l} value={l}>
            {t(`account.languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
