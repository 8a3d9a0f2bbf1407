// Building blocks shared by the report's schemas. Where the generic mapping in validateReport cannot
// tell which FieldErrorCode applies, the check names the code as its message.
import { z } from 'zod';
import { isCalendarDate } from './calendarDate';
import { reportLimits } from './reportLimits';

/** Free text that may be empty; trimmed. */
export function optionalText(max: number = reportLimits.shortText) {
  return z.string().trim().max(max);
}

/** Free text that must say something; trimmed, so blanks alone are 'required'. */
export function requiredText(max: number = reportLimits.shortText) {
  return z.string().trim().min(1).max(max);
}

/** A whole number of things, 0 or more. */
export function count(max: number = reportLimits.count) {
  return z.number().int().min(0).max(max);
}

/** A whole number, 1 or more (days of arrest, attempt number). */
export function positiveCount(max: number) {
  return z.number().int().min(1).max(max);
}

const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: 'invalid_currency' });

/** An amount of money; KZT unless said otherwise, since the monitors work in Kazakhstan. */
export const moneySchema = z.strictObject({
  amount: z.number().min(0).max(reportLimits.amount),
  currency: currencySchema.default('KZT'),
});

/** A calendar day, 'YYYY-MM-DD'. */
export const isoDaySchema = z.string().trim().refine((value) => isCalendarDate(value, 'day'), { error: 'invalid_date' });

/** A list without repeats (checkbox groups, tags). */
export function uniqueList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { error: 'duplicate' });
}
