// What came of the incident (DESIGN.md §8), one of a closed set of kinds, each with its own numbers.
import { z } from 'zod';
import { moneySchema, positiveCount } from './fieldSchemas';
import { reportLimits } from './reportLimits';

export const outcomeKinds = [
  'fine',
  'administrative_arrest',
  'prison_term',
  'restricted_freedom',
  'warning',
  'released',
  'none',
  'unknown',
] as const;

export type OutcomeKind = (typeof outcomeKinds)[number];

export const outcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fine'), ...moneySchema.shape }),
  z.strictObject({ kind: z.literal('administrative_arrest'), days: positiveCount(reportLimits.days) }),
  z.strictObject({ kind: z.literal('prison_term'), months: positiveCount(reportLimits.months) }),
  z.strictObject({ kind: z.literal('restricted_freedom'), months: positiveCount(reportLimits.months) }),
  z.strictObject({ kind: z.literal('warning') }),
  z.strictObject({ kind: z.literal('released') }),
  /** No sanction followed. */
  z.strictObject({ kind: z.literal('none') }),
  /** Not known yet: the default while a case is open. */
  z.strictObject({ kind: z.literal('unknown') }),
]);

export type Outcome = z.infer<typeof outcomeSchema>;
