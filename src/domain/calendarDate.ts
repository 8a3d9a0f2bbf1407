/**
 * Checks the text forms a report's dates take. Precision decides the form, so a date "some day in
 * May 2024" cannot pretend to be exact:
 *   month  'YYYY-MM'
 *   day    'YYYY-MM-DD'
 *   exact  'YYYY-MM-DDTHH:mm', optional ':ss' and '.sss', optional 'Z' or '±HH:MM'
 *          (no offset = local time where it happened, what <input type="datetime-local"> gives)
 */
export const datePrecisions = ['exact', 'day', 'month'] as const;

export type DatePrecision = (typeof datePrecisions)[number];

const forms: { readonly [P in DatePrecision]: RegExp } = {
  month: /^(\d{4})-(\d{2})$/,
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  exact: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2}))?$/,
};

// Monitoring covers recent decades; a year outside this is a typing slip, not history.
const minYear = 1900;
const maxYear = 2199;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isCalendarDate(value: string, precision: DatePrecision): boolean {
  const match = forms[precision].exec(value);
  if (match === null) return false;
  const [year, month, day = 1, hours = 0, minutes = 0, seconds = 0] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined) return false;
  if (year < minYear || year > maxYear || month < 1 || month > 12) return false;
  if (day < 1 || day > daysInMonth(year, month)) return false;
  if (hours > 23 || minutes > 59 || seconds > 59) return false;
  const offsetHours = match[8] === undefined ? 0 : Number(match[8]);
  const offsetMinutes = match[9] === undefined ? 0 : Number(match[9]);
  return offsetHours <= 14 && offsetMinutes <= 59;
}
