import { incidentDetailFields } from './incidentDetails';
import { defaultFreedoms, isIncidentType, type IncidentType } from './incidentTypes';
import type { Report } from './report';

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/**
 * The report as if it had been started as `incidentType`: the common fields stay, details fields the
 * new type also has (same name and kind, e.g. court, participants) stay, the others go. Freedoms follow
 * the new type only if the monitor had left the old type's defaults untouched.
 */
export function changeIncidentType(report: Report, incidentType: IncidentType): Report {
  if (!isIncidentType(incidentType)) throw new RangeError(`incidentType: unknown incident type ${String(incidentType)}`);
  if (report.incidentType === incidentType) return report;
  const oldFields: Readonly<Record<string, string>> = incidentDetailFields[report.incidentType];
  const newFields: Readonly<Record<string, string>> = incidentDetailFields[incidentType];
  const details = Object.fromEntries(
    Object.entries(report.details).filter(([name]) => newFields[name] !== undefined && newFields[name] === oldFields[name]),
  );
  const freedoms = sameSet(report.freedoms, defaultFreedoms[report.incidentType])
    ? [...defaultFreedoms[incidentType]]
    : report.freedoms;
  // Kept fields have the same name and kind in both types, so they fit the new type's details.
  return { ...report, incidentType, freedoms, details } as Report;
}
