// Turns whatever the form (or a decrypted bundle) holds into a Report, or into FieldErrors the UI shows
// next to each field in the interface language.
import type { z } from 'zod';
import { isFieldErrorCode, type FieldError, type FieldErrorCode } from './fieldError';
import { reportSchema, type Report } from './report';

export type ReportValidation = { ok: true; value: Report } | { ok: false; errors: readonly FieldError[] };

export function validateReport(input: unknown): ReportValidation {
  const parsed = reportSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: fieldErrorsOf(parsed.error.issues, input) };
}

function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const add = (path: readonly PropertyKey[], code: FieldErrorCode) => {
    const dotted = path.map(String).join('.');
    if (seen.has(`${dotted}\n${code}`)) return;
    seen.add(`${dotted}\n${code}`);
    errors.push({ path: dotted, code });
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], 'unknown_field');
    } else {
      add(issue.path, codeOf(issue, valueAt(input, issue.path)));
    }
  }
  return errors;
}

function codeOf(issue: z.core.$ZodIssue, value: unknown): FieldErrorCode {
  // Checks whose meaning the issue alone does not carry name their code as the message (fieldSchemas.ts).
  if (isFieldErrorCode(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'required';
      if (issue.expected === 'int') return 'not_an_integer';
      return issue.expected === 'number' ? 'not_a_number' : 'invalid_type';
    case 'too_small':
      if (issue.origin === 'number') {
        return Number(issue.minimum) <= 0 && issue.inclusive === true ? 'must_not_be_negative' : 'must_be_positive';
      }
      // The only minimum on text is "not empty".
      return 'required';
    case 'too_big':
      if (issue.origin === 'string') return 'too_long';
      return issue.origin === 'array' ? 'too_many' : 'too_large';
    case 'invalid_format':
      return 'invalid_format';
    case 'invalid_value':
      return 'invalid_choice';
    case 'invalid_union':
      // A discriminator (incident type, outcome kind) that is missing or not in the list.
      return value === undefined ? 'required' : 'invalid_choice';
    default:
      return 'invalid_type';
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
