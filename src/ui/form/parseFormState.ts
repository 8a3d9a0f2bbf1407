import { actors, type Actor } from '../../domain/actors';
import { datePrecisions, type DatePrecision } from '../../domain/calendarDate';
import { emptyReport } from '../../domain/emptyReport';
import { freedoms, type Freedom } from '../../domain/freedoms';
import { isIncidentType } from '../../domain/incidentTypes';
import { legalCodes, type LegalCode } from '../../domain/legalCodes';
import { outcomeKinds, type OutcomeKind } from '../../domain/outcome';
import { sources, type Source } from '../../domain/sources';
import type { FormState, LegalBasisRow, PersonRow } from './formState';
import { formStateFromReport } from './formStateFromReport';

type Loose = Readonly<Record<string, unknown>>;

/**
 * A form state read back from an encrypted draft, or null if it is not one. Drafts outlive app versions,
 * so a field that is missing or of the wrong kind falls back to its empty value instead of failing the rest.
 */
export function parseFormState(data: unknown): FormState | null {
  if (!isObject(data) || typeof data.id !== 'string' || data.id === '' || !isIncidentType(data.incidentType)) return null;
  const base = formStateFromReport(emptyReport(data.incidentType, new Date(0), () => String(data.id)));
  const text = (key: keyof FormState & string): string => (typeof data[key] === 'string' ? data[key] : (base[key] as string));
  const carried = isObject(data.carried) ? data.carried : {};
  return {
    ...base,
    whenValue: text('whenValue'),
    whenPrecision: oneOf<DatePrecision>(data.whenPrecision, datePrecisions, base.whenPrecision),
    region: text('region'),
    city: text('city'),
    venue: text('venue'),
    narrative: text('narrative'),
    people: arrayOf(data.people, personRow),
    actors: listOf<Actor>(data.actors, actors),
    numberAffected: text('numberAffected'),
    legalBasis: arrayOf(data.legalBasis, legalBasisRow),
    outcomeKind: oneOf<OutcomeKind>(data.outcomeKind, outcomeKinds, base.outcomeKind),
    outcomeAmount: text('outcomeAmount'),
    outcomeCurrency: text('outcomeCurrency'),
    outcomeDuration: text('outcomeDuration'),
    source: oneOf<Source | ''>(data.source, sources, ''),
    verification: text('verification'),
    freedoms: listOf<Freedom>(data.freedoms, freedoms),
    details: isObject(data.details)
      ? Object.fromEntries(Object.entries(data.details).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
      : {},
    // Carried parts came from a validated saved report; validation at save checks them again.
    carried: {
      coordinates: (carried.coordinates ?? null) as FormState['carried']['coordinates'],
      attachments: (Array.isArray(carried.attachments) ? carried.attachments : []) as FormState['carried']['attachments'],
      tags: (Array.isArray(carried.tags) ? carried.tags : []) as FormState['carried']['tags'],
    },
  };
}

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<V extends string>(value: unknown, allowed: readonly string[], fallback: V): V {
  return typeof value === 'string' && allowed.includes(value) ? (value as V) : fallback;
}

function listOf<V extends string>(value: unknown, allowed: readonly string[]): V[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((item): item is V => typeof item === 'string' && allowed.includes(item)))];
}

function arrayOf<R>(value: unknown, row: (item: Loose) => R): R[] {
  return Array.isArray(value) ? value.filter(isObject).map(row) : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function personRow(item: Loose): PersonRow {
  return { name: str(item.name), role: str(item.role), affiliation: str(item.affiliation), consentToPublish: item.consentToPublish === true };
}

function legalBasisRow(item: Loose): LegalBasisRow {
  return { code: oneOf<LegalCode>(item.code, legalCodes, 'administrative_offences'), article: str(item.article) };
}
