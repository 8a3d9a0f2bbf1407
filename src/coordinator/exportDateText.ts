import type { Report } from '../domain/report';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const datePattern = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?)?$/;

/** 'March 2026' for 'YYYY-MM' (or the month of a longer date). */
export function exportMonthText(value: string): string {
  const match = datePattern.exec(value);
  const month = match === null ? undefined : months[Number(match[2]) - 1];
  if (match === null || month === undefined) throw new RangeError(`exportMonthText: value must be a calendar date, got ${JSON.stringify(value)}`);
  return `${month} ${match[1] ?? ''}`;
}

/**
 * A report's date in English, only as precise as the monitor said: 'March 2026', '12 March 2026', or
 * '12 March 2026 at 14:30' (the local time where it happened; an offset, if recorded, is added as 'UTC+05:00').
 */
export function exportDateText(when: Report['when']): string {
  const match = datePattern.exec(when.value);
  if (match === null) throw new RangeError(`exportDateText: when.value must be a calendar date, got ${JSON.stringify(when.value)}`);
  const [, , , day, hours, minutes, offset] = match;
  const month = exportMonthText(when.value);
  if (when.precision === 'month' || day === undefined) return month;
  const date = `${Number(day)} ${month}`;
  if (when.precision === 'day' || hours === undefined) return date;
  const zone = offset === undefined ? '' : offset === 'Z' ? ' (UTC)' : ` (UTC${offset})`;
  return `${date} at ${hours}:${minutes ?? '00'}${zone}`;
}
