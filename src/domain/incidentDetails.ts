// Each incident type's own small set of fields (DESIGN.md §8). The table below is the single source:
// the UI renders a details field by its kind, and the schemas are derived from it. All fields are
// optional (the monitor fills what they know); objects are strict, so a field of another type is
// 'unknown_field' rather than silently kept.
import { z } from 'zod';
import type { IncidentType } from './incidentTypes';
import { count, isoDaySchema, moneySchema, optionalText, positiveCount } from './fieldSchemas';
import { reportLimits } from './reportLimits';

/** Closed lists a details field can choose from; labels are domain:detailChoices.<list>.<value>. */
export const detailChoiceLists = {
  triState: ['yes', 'no', 'unknown'],
  timeOfDay: ['night', 'early_morning', 'day', 'evening'],
  detentionPlace: ['home', 'street', 'event', 'workplace', 'other'],
  caseStage: ['pre_trial_investigation', 'trial', 'appeal', 'closed'],
  surveillanceMethod: ['physical', 'vehicle', 'phone', 'online', 'other'],
  threatChannel: ['in_person', 'phone', 'messenger', 'online', 'via_relatives', 'other'],
} as const;

export type DetailChoiceList = keyof typeof detailChoiceLists;

const kindSchemas = {
  text: optionalText(),
  longText: optionalText(reportLimits.longText),
  count: count(),
  hours: count(24 * 365),
  days: count(reportLimits.days),
  attempt: positiveCount(1_000),
  date: isoDaySchema,
  money: moneySchema,
  url: z.url({ protocol: /^https?$/ }).max(2_000),
  triState: z.enum(detailChoiceLists.triState),
  timeOfDay: z.enum(detailChoiceLists.timeOfDay),
  detentionPlace: z.enum(detailChoiceLists.detentionPlace),
  caseStage: z.enum(detailChoiceLists.caseStage),
  surveillanceMethod: z.enum(detailChoiceLists.surveillanceMethod),
  threatChannel: z.enum(detailChoiceLists.threatChannel),
} as const;

/**
 * How the form shows a details field: 'text'/'longText' an input/textarea, 'count'/'hours'/'days'/'attempt'
 * a whole number (attempt starts at 1), 'date' a day (YYYY-MM-DD), 'money' {amount, currency}, 'url' a web
 * address, and a DetailChoiceList name a choice from that list.
 */
export type DetailFieldKind = keyof typeof kindSchemas;

/** Field name -> kind, per incident type. Labels are domain:fields.details.<name>. */
export const incidentDetailFields = {
  preventive_detention: { announcedEvent: 'text', heldAt: 'text', heldHours: 'hours' },
  detention_or_arrest: { detainedAt: 'detentionPlace', heldAt: 'text', heldHours: 'hours', lawyerAccess: 'triState' },
  police_visit: { timeOfDay: 'timeOfDay', officersCount: 'count', hadWarrant: 'triState', plainClothes: 'triState' },
  meeting_disrupted: { organiser: 'text', disruptedBy: 'text', participants: 'count' },
  protest_or_picket: { cause: 'text', participants: 'count', permitRequested: 'triState', detainedCount: 'count' },
  registration_refused: { organisation: 'text', attemptNumber: 'attempt', refusalReason: 'longText' },
  criminal_case: { charge: 'text', stage: 'caseStage', inCustody: 'triState' },
  administrative_case: { offence: 'text', court: 'text', hearingDate: 'date' },
  court_ruling: { court: 'text', judge: 'text', rulingDate: 'date', appealed: 'triState' },
  // The fine's amount lives in the report's outcome; these say who imposed it and whether it was paid.
  fine: { imposedBy: 'text', paid: 'triState' },
  defamation_suit: { plaintiff: 'text', claimAmount: 'money', court: 'text' },
  surveillance: { method: 'surveillanceMethod', durationDays: 'days', ongoing: 'triState' },
  intimidation_or_threat: { channel: 'threatChannel', reportedToPolice: 'triState' },
  attack_or_property_damage: { injuries: 'triState', propertyDamaged: 'text', reportedToPolice: 'triState' },
  media_obstruction: { outlet: 'text', deviceTaken: 'triState', contentDeleted: 'triState', returned: 'triState' },
  online_expression_case: { platform: 'text', postUrl: 'url', postDate: 'date' },
  other: {},
} as const satisfies { readonly [T in IncidentType]: Readonly<Record<string, DetailFieldKind>> };

type Fields = typeof incidentDetailFields;
type DetailsShape<T extends IncidentType> = {
  -readonly [F in keyof Fields[T]]: z.ZodOptional<(typeof kindSchemas)[Fields[T][F] & DetailFieldKind]>;
};

function detailsSchema<T extends IncidentType>(type: T): z.ZodObject<DetailsShape<T>, z.core.$strict> {
  const shape = Object.fromEntries(
    Object.entries(incidentDetailFields[type]).map(([name, kind]) => [name, kindSchemas[kind].optional()]),
  );
  // Object.fromEntries loses the key types; the mapped type above restores them.
  return z.strictObject(shape) as unknown as z.ZodObject<DetailsShape<T>, z.core.$strict>;
}

export const incidentDetailsSchemas: { readonly [T in IncidentType]: ReturnType<typeof detailsSchema<T>> } = {
  preventive_detention: detailsSchema('preventive_detention'),
  detention_or_arrest: detailsSchema('detention_or_arrest'),
  police_visit: detailsSchema('police_visit'),
  meeting_disrupted: detailsSchema('meeting_disrupted'),
  protest_or_picket: detailsSchema('protest_or_picket'),
  registration_refused: detailsSchema('registration_refused'),
  criminal_case: detailsSchema('criminal_case'),
  administrative_case: detailsSchema('administrative_case'),
  court_ruling: detailsSchema('court_ruling'),
  fine: detailsSchema('fine'),
  defamation_suit: detailsSchema('defamation_suit'),
  surveillance: detailsSchema('surveillance'),
  intimidation_or_threat: detailsSchema('intimidation_or_threat'),
  attack_or_property_damage: detailsSchema('attack_or_property_damage'),
  media_obstruction: detailsSchema('media_obstruction'),
  online_expression_case: detailsSchema('online_expression_case'),
  other: detailsSchema('other'),
};

export type IncidentDetails<T extends IncidentType = IncidentType> = z.infer<(typeof incidentDetailsSchemas)[T]>;
