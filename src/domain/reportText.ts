// Local search over decrypted reports (in memory only; nothing here is indexed on disk).
import type { IncidentType } from './incidentTypes';
import type { Report } from './report';

export interface ReportFilter {
  /** Words that must all appear (in any order) in the report's text. */
  readonly text?: string;
  readonly incidentType?: IncidentType;
  /** Whole city name, case-insensitive. */
  readonly city?: string;
  readonly region?: string;
  /** Inclusive day bounds, 'YYYY-MM-DD'. A report dated only by month matches if the month overlaps. */
  readonly from?: string;
  readonly to?: string;
}

/** Case-folded, NFKC, with ё read as е (Russian is often typed without ё); Kazakh letters stay distinct. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replaceAll('ё', 'е');
}

/** All free text of a report, folded for matching: narrative, place, people, tags, verification, details. */
export function reportSearchText(report: Report): string {
  const detailTexts = Object.values(report.details).filter((value): value is string => typeof value === 'string');
  return fold(
    [
      report.narrative,
      report.where.city,
      report.where.region,
      report.where.venue,
      ...report.peopleAffected.flatMap((person) => [person.name, person.role, person.affiliation]),
      ...report.tags,
      report.verification,
      ...detailTexts,
    ]
      .filter((part) => part !== '')
      .join('\n'),
  );
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function checkDay(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!dayPattern.test(value)) throw new RangeError(`${name} must be 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
  return value;
}

/** The first and last day a report's date may stand for, as 'YYYY-MM-DD' (comparable as strings). */
function dayRange(report: Report): readonly [string, string] {
  const { value, precision } = report.when;
  // '-31' sorts after every real last day of a month, so the month's end compares correctly.
  if (precision === 'month') return [`${value}-01`, `${value}-31`];
  // The date as written: the local date where it happened, whatever offset the time carries.
  const day = value.slice(0, 10);
  return [day, day];
}

export function matchesFilter(report: Report, filter: ReportFilter): boolean {
  const from = checkDay(filter.from, 'filter.from');
  const to = checkDay(filter.to, 'filter.to');
  if (filter.incidentType !== undefined && report.incidentType !== filter.incidentType) return false;
  if (filter.city !== undefined && filter.city.trim() !== '' && fold(report.where.city) !== fold(filter.city.trim())) {
    return false;
  }
  if (
    filter.region !== undefined &&
    filter.region.trim() !== '' &&
    fold(report.where.region) !== fold(filter.region.trim())
  ) {
    return false;
  }
  const [first, last] = dayRange(report);
  if (from !== undefined && last < from) return false;
  if (to !== undefined && first > to) return false;
  if (filter.text !== undefined) {
    const haystack = reportSearchText(report);
    const words = fold(filter.text).split(/\s+/).filter((word) => word !== '');
    if (!words.every((word) => haystack.includes(word))) return false;
  }
  return true;
}
