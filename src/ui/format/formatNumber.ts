import { intlLocale, type Language } from '../i18n/languages';

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale[language]).format(value);
}
