import type { DatePrecision } from '../../domain/calendarDate';

/**
 * The date text after the precision changes. Coarser keeps what is still true (the day of an exact time,
 * the month of a day); finer cannot know the missing part, so it starts empty rather than inventing one.
 */
export function whenForPrecision(value: string, from: DatePrecision, to: DatePrecision): string {
  if (from === to) return value;
  const rank: Record<DatePrecision, number> = { month: 0, day: 1, exact: 2 };
  if (rank[to] > rank[from]) return '';
  return to === 'day' ? value.slice(0, 10) : value.slice(0, 7);
}
