import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { app as enApp } from './locales/en/app';
import { domain as enDomain } from './locales/en/domain';
import { lazyLocales } from './lazyLocales';
import { intlLocale, languages, type Language } from './languages';

/**
 * An i18next instance with English bundled and Russian/Kazakh loaded on demand (lazyLocales). Initialised
 * synchronously; await `instance.loadLanguages(language)` before the first render in ru or kk.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).use(lazyLocales).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: languages,
    ns: ['app', 'domain'],
    defaultNS: 'app',
    resources: { en: { app: enApp, domain: enDomain } },
    // English is in `resources`; the backend supplies the other languages.
    partialBundledLanguages: true,
    initAsync: false,
    // React escapes text itself; escaping here would show "&amp;" to the user.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** <html lang> follows the interface language (screen readers pick their voice from it). */
export function htmlLangOf(language: Language): string {
  return intlLocale[language].split('-')[0] ?? language;
}
