import { intlLocale, type Language } from '../i18n/languages';

/** Date and time of day, formatted for the interface language (e.g. "24 Nov 2026, 14:05" in en-GB). */
export function formatDateTime(epochMs: number, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(epochMs);
}
