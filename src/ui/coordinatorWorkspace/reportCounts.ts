import type { Report } from '../../domain/report';

export interface Count {
  readonly key: string;
  readonly count: number;
}

/** The Monday (UTC calendar) of the week an incident date falls in; a month-precision date counts from its 1st. */
export function weekOf(value: string): string {
  const day = value.length === 7 ? `${value}-01` : value.slice(0, 10);
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`weekOf: value "${value}" is not an incident date`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - sinceMonday);
  return date.toISOString().slice(0, 10);
}

function tally(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Reports per week of the incident, oldest week first, with empty weeks in between shown as 0. */
export function countByWeek(reports: readonly Report[]): Count[] {
  const counts = tally(reports.map((r) => weekOf(r.when.value)));
  const weeks = [...counts.keys()].sort();
  const first = weeks[0];
  const last = weeks.at(-1);
  if (first === undefined || last === undefined) return [];
  const result: Count[] = [];
  for (let week = new Date(`${first}T00:00:00Z`); week.toISOString().slice(0, 10) <= last; week.setUTCDate(week.getUTCDate() + 7)) {
    const key = week.toISOString().slice(0, 10);
    result.push({ key, count: counts.get(key) ?? 0 });
  }
  return result;
}

/** Reports per value of `keyOf`, most frequent first (ties by key). */
export function countBy(reports: readonly Report[], keyOf: (report: Report) => string): Count[] {
  return [...tally(reports.map(keyOf)).entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
