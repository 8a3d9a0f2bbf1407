import { defaultFreedoms, isIncidentType, type IncidentType } from './incidentTypes';
import type { Report } from './report';
import { reportSchemaVersion } from './report';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** 'YYYY-MM-DDTHH:mm' in the device's time zone: the monitor logs where the incident happens. */
function localMinute(now: Date): string {
  return (
    `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}`
  );
}

/**
 * The draft the report form starts from: happened now (exact), freedoms pre-filled from the type,
 * everything else empty. It does not validate until the monitor writes what happened and the city.
 */
export function emptyReport(incidentType: IncidentType, now: Date, newId: () => string): Report {
  if (!isIncidentType(incidentType)) throw new RangeError(`incidentType: unknown incident type ${String(incidentType)}`);
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('now must be a valid Date');
  return {
    id: newId(),
    schemaVersion: reportSchemaVersion,
    incidentType,
    when: { value: localMinute(now), precision: 'exact' },
    where: { region: '', city: '', venue: '', coordinates: null },
    narrative: '',
    peopleAffected: [],
    actors: [],
    numberAffected: null,
    legalBasis: [],
    outcome: { kind: 'unknown' },
    source: null,
    verification: '',
    freedoms: [...defaultFreedoms[incidentType]],
    attachments: [],
    tags: [],
    details: {},
  };
}
