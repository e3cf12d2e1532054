import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../common/i18n/en.json';
import { type Locale, locales } from '../../common/i18n/locales';
import vi from '../../common/i18n/vi.json';

export { type Locale, locales };

const STORAGE_KEY = 'bp.locale';

export function storedLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === 'en' || saved === 'vi' ? saved : 'vi';
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
}

/** Vietnamese first: it is the language of the regulation and of every civil servant using this. */
export function createI18n(locale: Locale = storedLocale()) {
  const instance = i18next.createInstance();
  instance.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: locale,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return instance;
}
