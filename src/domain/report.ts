// The report a monitor saves (DESIGN.md §8). Only incidentType, when, narrative and where.city are
// required, so a report can be logged in under a minute; everything else has an empty default.
// Parsing gives every field a value (empty string, empty list or null), so stored reports have one shape.
import { z } from 'zod';
import { actors } from './actors';
import { datePrecisions, isCalendarDate } from './calendarDate';
import { count, optionalText, requiredText, uniqueList } from './fieldSchemas';
import { freedoms } from './freedoms';
import { incidentDetailsSchemas } from './incidentDetails';
import type { IncidentType } from './incidentTypes';
import { legalCodes } from './legalCodes';
import { outcomeSchema } from './outcome';
import { reportLimits } from './reportLimits';
import { sources } from './sources';

/** Bumped when a stored report's shape changes incompatibly; readers must then still accept every older version. */
export const reportSchemaVersion = 1;

export const coordinatePrecisions = ['exact', 'approximate', 'city'] as const;

const whenSchema = z
  .strictObject({ value: z.string().trim(), precision: z.enum(datePrecisions) })
  .superRefine((when, ctx) => {
    if (!isCalendarDate(when.value, when.precision)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: when.value === '' ? 'required' : 'invalid_date' });
    }
  });

const coordinatesSchema = z.strictObject({
  lat: z.number().min(-90, { error: 'out_of_range' }).max(90, { error: 'out_of_range' }),
  lon: z.number().min(-180, { error: 'out_of_range' }).max(180, { error: 'out_of_range' }),
  precision: z.enum(coordinatePrecisions),
});

const whereSchema = z.strictObject({
  region: optionalText().default(''),
  city: requiredText(),
  venue: optionalText().default(''),
  coordinates: coordinatesSchema.nullable().default(null),
});

const personSchema = z.strictObject({
  /** Name or pseudonym. */
  name: requiredText(),
  role: optionalText().default(''),
  affiliation: optionalText().default(''),
  /** Only a person who agreed may be named in a published update. */
  consentToPublish: z.boolean().default(false),
});

const legalBasisSchema = z.strictObject({
  code: z.enum(legalCodes),
  /** As written in the ruling: '488', '405 part 2', '174 ч. 1'. */
  article: requiredText(reportLimits.article),
});

const attachmentSchema = z.strictObject({
  id: requiredText(100),
  name: requiredText(255),
  mime: z.string().trim().regex(/^[\w.+-]+\/[\w.+-]+$/, { error: 'invalid_format' }),
  size: z.number().int().min(0),
});

const commonShape = {
  id: z.guid(),
  schemaVersion: z.literal(reportSchemaVersion).default(reportSchemaVersion),
  when: whenSchema,
  where: whereSchema,
  /** What happened. */
  narrative: requiredText(reportLimits.narrative),
  peopleAffected: z.array(personSchema).max(reportLimits.people).default([]),
  actors: uniqueList(z.enum(actors), actors.length).default([]),
  /** Null when unknown. */
  numberAffected: count().nullable().default(null),
  legalBasis: z.array(legalBasisSchema).max(reportLimits.legalBasis).default([]),
  outcome: outcomeSchema.default({ kind: 'unknown' }),
  source: z.enum(sources).nullable().default(null),
  /** How the monitor verified the account. */
  verification: optionalText(reportLimits.longText).default(''),
  freedoms: uniqueList(z.enum(freedoms), freedoms.length).default([]),
  /** References only; the bytes travel separately. */
  attachments: z.array(attachmentSchema).max(reportLimits.attachments).default([]),
  tags: uniqueList(requiredText(reportLimits.tag), reportLimits.tags).default([]),
};

function variant<T extends IncidentType>(type: T) {
  return z.strictObject({
    ...commonShape,
    incidentType: z.literal(type),
    // Every details field is optional, so {} is valid for every type; TypeScript cannot see that for a generic T.
    details: incidentDetailsSchemas[type].default({} as never),
  });
}

// One variant per type, so `details` always has the fields of `incidentType` (checked by types and at parse).
export const reportSchema = z.discriminatedUnion('incidentType', [
  variant('preventive_detention'),
  variant('detention_or_arrest'),
  variant('police_visit'),
  variant('meeting_disrupted'),
  variant('protest_or_picket'),
  variant('registration_refused'),
  variant('criminal_case'),
  variant('administrative_case'),
  variant('court_ruling'),
  variant('fine'),
  variant('defamation_suit'),
  variant('surveillance'),
  variant('intimidation_or_threat'),
  variant('attack_or_property_damage'),
  variant('media_obstruction'),
  variant('online_expression_case'),
  variant('other'),
]);

export type Report = z.infer<typeof reportSchema>;

/** What reportSchema accepts: the same with every defaulted field optional. */
export type ReportInput = z.input<typeof reportSchema>;

/** The report of one incident type, e.g. ReportOf<'police_visit'>['details']. */
export type ReportOf<T extends IncidentType> = Extract<Report, { incidentType: T }>;
