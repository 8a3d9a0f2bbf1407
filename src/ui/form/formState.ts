// The report form edits strings (what inputs hold), not the parsed Report: a half-typed number or date
// must survive autosave and reload unchanged. formStateFromReport / reportInputFromFormState convert.
import type { Actor } from '../../domain/actors';
import type { DatePrecision } from '../../domain/calendarDate';
import type { Freedom } from '../../domain/freedoms';
import type { IncidentType } from '../../domain/incidentTypes';
import type { LegalCode } from '../../domain/legalCodes';
import type { OutcomeKind } from '../../domain/outcome';
import type { Report } from '../../domain/report';
import type { Source } from '../../domain/sources';

export interface PersonRow {
  readonly name: string;
  readonly role: string;
  readonly affiliation: string;
  readonly consentToPublish: boolean;
}

export interface LegalBasisRow {
  readonly code: LegalCode;
  readonly article: string;
}

export interface FormState {
  readonly id: string;
  readonly incidentType: IncidentType;
  readonly whenValue: string;
  readonly whenPrecision: DatePrecision;
  readonly region: string;
  readonly city: string;
  readonly venue: string;
  readonly narrative: string;
  readonly people: readonly PersonRow[];
  readonly actors: readonly Actor[];
  readonly numberAffected: string;
  readonly legalBasis: readonly LegalBasisRow[];
  readonly outcomeKind: OutcomeKind;
  readonly outcomeAmount: string;
  readonly outcomeCurrency: string;
  /** Days of administrative arrest, or months of a prison term / restricted freedom, by outcomeKind. */
  readonly outcomeDuration: string;
  readonly source: Source | '';
  readonly verification: string;
  readonly freedoms: readonly Freedom[];
  /**
   * The incident type's own fields by name, as typed. A money field keeps two entries,
   * `<name>.amount` and `<name>.currency`, so every value stays a string.
   */
  readonly details: Readonly<Record<string, string>>;
  /** Parts of a saved report this form has no inputs for yet; carried through an amendment unchanged. */
  readonly carried: {
    readonly coordinates: Report['where']['coordinates'];
    readonly attachments: Report['attachments'];
    readonly tags: Report['tags'];
  };
}
