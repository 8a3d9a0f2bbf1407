import { formatDateTime } from '../format/formatDateTime';
import { isLanguage } from '../i18n/languages';

/** An ISO time as local date and time for the interface language; '' stays ''. */
export function formatHour(iso: string, language: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return formatDateTime(ms, isLanguage(language) ? language : 'en');
}
