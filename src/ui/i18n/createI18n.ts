import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { app as enApp } from './locales/en/app';
import { domain as enDomain } from './locales/en/domain';
import { app as kkApp } from './locales/kk/app';
import { domain as kkDomain } from './locales/kk/domain';
import { app as ruApp } from './locales/ru/app';
import { domain as ruDomain } from './locales/ru/domain';
import { intlLocale, languages, type Language } from './languages';

/**
 * A ready i18next instance with all three languages bundled: the app must work offline from the first
 * screen, and the text is small next to the code. Initialised synchronously, so the first render is translated.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: languages,
    ns: ['app', 'domain'],
    defaultNS: 'app',
    resources: {
      en: { app: enApp, domain: enDomain },
      ru: { app: ruApp, domain: ruDomain },
      kk: { app: kkApp, domain: kkDomain },
    },
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
