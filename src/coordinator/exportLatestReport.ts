import type { Report } from '../domain/report';
import type { ExportedReport } from './buildExportDocument';

/** The current text of an exported report: its last version. */
export function exportLatestReport(exported: ExportedReport): Report {
  const latest = exported.versions.at(-1);
  if (latest === undefined) throw new RangeError(`exportLatestReport: report ${exported.reportId} has no versions`);
  return latest.report;
}
