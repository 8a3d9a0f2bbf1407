import type { Freedom } from '../../domain/freedoms';
import type { IncidentType } from '../../domain/incidentTypes';
import type { Report } from '../../domain/report';
import type { ReportView } from './coordinatorApi';

export type ReportSort = 'newest' | 'oldest' | 'received';

export interface ReportFilter {
  readonly type: IncidentType | '';
  readonly freedom: Freedom | '';
  /** Case-insensitive substrings; '' matches everything. */
  readonly region: string;
  readonly city: string;
  /** 'YYYY-MM-DD' bounds on the incident date, inclusive; '' for open. */
  readonly from: string;
  readonly to: string;
  /** A device id, or '' for every device. */
  readonly device: string;
  /** A substring of a person's name, role or affiliation. */
  readonly people: string;
  /** A substring of the narrative, venue, verification or tags. */
  readonly text: string;
  readonly sort: ReportSort;
}

export const emptyReportFilter: ReportFilter = { type: '', freedom: '', region: '', city: '', from: '', to: '', device: '', people: '', text: '', sort: 'newest' };

/** The current text of a report: its last version. */
export function currentReport(view: ReportView): Report {
  const latest = view.versions.at(-1);
  if (latest === undefined) throw new RangeError(`currentReport: report ${view.reportId} has no versions`);
  return latest.report;
}

function has(haystack: string, needle: string): boolean {
  return haystack.toLocaleLowerCase().includes(needle.trim().toLocaleLowerCase());
}

/** Whether an incident date ('YYYY-MM', 'YYYY-MM-DD' or a date-time) can fall within [from, to]. */
function withinDates(value: string, from: string, to: string): boolean {
  const date = value.slice(0, 10);
  // A month-precision date is compared at month precision: 'some day in May' is within 2026-05-10..2026-06-01.
  if (from !== '' && date < from.slice(0, date.length)) return false;
  if (to !== '' && date > to.slice(0, date.length)) return false;
  return true;
}

function matches(view: ReportView, filter: ReportFilter): boolean {
  const report = currentReport(view);
  if (filter.type !== '' && report.incidentType !== filter.type) return false;
  if (filter.freedom !== '' && !report.freedoms.includes(filter.freedom)) return false;
  if (filter.region.trim() !== '' && !has(report.where.region, filter.region)) return false;
  if (filter.city.trim() !== '' && !has(report.where.city, filter.city)) return false;
  if (!withinDates(report.when.value, filter.from, filter.to)) return false;
  if (filter.device !== '' && view.deviceId !== filter.device) return false;
  if (filter.people.trim() !== '' && !report.peopleAffected.some((p) => has(`${p.name} ${p.role} ${p.affiliation}`, filter.people))) return false;
  if (filter.text.trim() !== '' && !has([report.narrative, report.where.venue, report.verification, ...report.tags].join('\n'), filter.text)) return false;
  return true;
}

function lastReceived(view: ReportView): string {
  return view.versions.reduce((latest, v) => (v.receivedAt > latest ? v.receivedAt : latest), '');
}

/** The reports the filter keeps, in its sort order (ties broken by report id, so the order is stable). */
export function filterCoordinatorReports(reports: readonly ReportView[], filter: ReportFilter): ReportView[] {
  const kept = reports.filter((view) => matches(view, filter));
  const keyOf = filter.sort === 'received' ? lastReceived : (view: ReportView) => currentReport(view).when.value;
  const direction = filter.sort === 'oldest' ? 1 : -1;
  return kept.sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka !== kb) return ka < kb ? -direction : direction;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
}
