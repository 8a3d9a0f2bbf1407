import type { IncidentType } from '../../domain/incidentTypes';
import { matchesFilter, type ReportFilter } from '../../domain/reportText';
import type { ReportSummary } from '../../store/storeApi';

/** What the filter inputs hold; '' means "any". */
export interface FilterInputs {
  readonly text: string;
  readonly incidentType: IncidentType | '';
  readonly from: string;
  readonly to: string;
  readonly city: string;
}

export const noFilter: FilterInputs = { text: '', incidentType: '', from: '', to: '', city: '' };

export function isFiltering(inputs: FilterInputs): boolean {
  return Object.values(inputs).some((value) => value.trim() !== '');
}

/** The domain filter for these inputs; an incomplete date (the browser's date input gives '' then) is ignored. */
export function reportFilterOf(inputs: FilterInputs): ReportFilter {
  const day = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
  const from = day(inputs.from);
  const to = day(inputs.to);
  return {
    ...(inputs.text.trim() === '' ? {} : { text: inputs.text }),
    ...(inputs.incidentType === '' ? {} : { incidentType: inputs.incidentType }),
    ...(inputs.city.trim() === '' ? {} : { city: inputs.city }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}

/** Search and filters run in memory over the decrypted latest versions; nothing is indexed on disk. */
export function filterReports(reports: readonly ReportSummary[], inputs: FilterInputs): ReportSummary[] {
  const filter = reportFilterOf(inputs);
  return reports.filter((summary) => matchesFilter(summary.latest.report, filter));
}
