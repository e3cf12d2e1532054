import { useTranslation } from 'react-i18next';
import { setRequestLanguage } from '../../api/http';
import { type Locale, locales, rememberLocale } from '../../i18n/i18n';
import './account.css';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span>{t('account.language')}</span>
      <select
        value={i18n.language}
        onChange={(e) => {
          const locale = e.target.value as Locale;
          rememberLocale(locale);
          setRequestLanguage(locale);
          i18n.changeLanguage(locale);
        }}
      >
        {locales.map((l) => (
          <option key={l} value={l}>
            {t(`account.languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
