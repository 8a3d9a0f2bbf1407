import type { DatePrecision } from '../../domain/calendarDate';
import { intlLocale, type Language } from '../i18n/languages';

const localForms = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?$/;

/**
 * When an incident happened, as precise as the monitor said: "14 Mar 2026, 06:10", "14 Mar 2026" or
 * "March 2026". Times without an offset are the local time where it happened, so they are formatted as
 * written (through UTC), never shifted into the phone's time zone.
 */
export function formatIncidentWhen(when: { readonly value: string; readonly precision: DatePrecision }, language: Language): string {
  const locale = intlLocale[language];
  const match = localForms.exec(when.value);
  if (match === null) {
    const instant = Date.parse(when.value);
    return Number.isNaN(instant)
      ? when.value
      : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(instant);
  }
  const [, year, month, day = '01', hours = '00', minutes = '00'] = match;
  const instant = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes));
  const options: Intl.DateTimeFormatOptions =
    when.precision === 'month'
      ? { year: 'numeric', month: 'long' }
      : when.precision === 'day'
        ? { dateStyle: 'medium' }
        : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(instant);
}
