// Test inputs for the report schema: the least a monitor must fill, and a report with every field filled.
import { incidentDetailFields, type DetailFieldKind } from '../../../src/domain/incidentDetails';
import type { IncidentType } from '../../../src/domain/incidentTypes';

export const fixedId = '3f2b8c1e-9a4d-4e7b-b5c6-0d1e2f3a4b5c';

export function minimalInput(incidentType: IncidentType): Record<string, unknown> {
  return {
    id: fixedId,
    incidentType,
    when: { value: '2024-03-08', precision: 'day' },
    where: { city: 'Almaty' },
    narrative: 'Police detained three members of the initiative group outside the akimat.',
  };
}

const sampleByKind: { readonly [K in DetailFieldKind]: unknown } = {
  text: 'Democratic Party initiative group',
  longText: 'The ministry said the founders list had errors; it did not say which.',
  count: 12,
  hours: 9,
  days: 30,
  attempt: 4,
  date: '2024-02-29',
  money: { amount: 5_000_000, currency: 'KZT' },
  url: 'https://www.facebook.com/some.activist/posts/123',
  triState: 'yes',
  timeOfDay: 'early_morning',
  detentionPlace: 'home',
  caseStage: 'trial',
  surveillanceMethod: 'vehicle',
  threatChannel: 'via_relatives',
};

/** Every details field of the type, filled with a valid value of its kind. */
export function fullDetails(incidentType: IncidentType): Record<string, unknown> {
  const fields: Readonly<Record<string, DetailFieldKind>> = incidentDetailFields[incidentType];
  return Object.fromEntries(Object.entries(fields).map(([name, kind]) => [name, sampleByKind[kind]]));
}

export function fullInput(incidentType: IncidentType): Record<string, unknown> {
  return {
    id: fixedId,
    schemaVersion: 1,
    incidentType,
    when: { value: '2024-03-08T06:15:00+05:00', precision: 'exact' },
    where: {
      region: 'Almaty Region',
      city: 'Qonaev',
      venue: 'Abai street 12, flat 4',
      coordinates: { lat: 43.8667, lon: 77.0667, precision: 'approximate' },
    },
    narrative: 'At dawn four officers came to the flat of an activist before the announced rally.',
    peopleAffected: [
      { name: 'A.K.', role: 'activist', affiliation: 'Initiative group', consentToPublish: false },
      { name: 'Айгүл Сейітқызы', role: 'журналист', affiliation: 'Независимое издание', consentToPublish: true },
    ],
    actors: ['police', 'national_security'],
    numberAffected: 2,
    legalBasis: [
      { code: 'administrative_offences', article: '488 part 6' },
      { code: 'criminal', article: '405 part 2' },
    ],
    outcome: { kind: 'administrative_arrest', days: 15 },
    source: 'eyewitness',
    verification: 'Spoke to the activist by phone; saw the court decision.',
    freedoms: ['peaceful_assembly', 'expression'],
    attachments: [{ id: 'att-1', name: 'decision.jpg', mime: 'image/jpeg', size: 204_800 }],
    tags: ['rally', 'dawn visit'],
    details: { ...fullDetails(incidentType) },
  };
}

/** Another type's details field that this type does not have (for mismatch tests). */
export function foreignDetailsField(incidentType: IncidentType): [string, unknown] {
  const own = new Set(Object.keys(incidentDetailFields[incidentType]));
  for (const fields of Object.values(incidentDetailFields)) {
    for (const [name, kind] of Object.entries(fields as Readonly<Record<string, DetailFieldKind>>)) {
      if (!own.has(name)) return [name, sampleByKind[kind]];
    }
  }
  throw new Error(`every details field belongs to ${incidentType}`);
}
