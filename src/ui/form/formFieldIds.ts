import type { FieldError, FieldErrorCode } from '../../domain/fieldError';

/** Finds each field's input and error by the FieldError path it is validated under. */
export interface FormFields {
  /** The DOM id of the input for a report path, e.g. 'where.city' -> 'f1-where-city'. */
  idFor(path: string): string;
  /** The first error at exactly this path, if the errors are being shown. */
  errorAt(path: string): FieldErrorCode | undefined;
}

export function formFields(prefix: string, errors: readonly FieldError[]): FormFields {
  const byPath = new Map<string, FieldErrorCode>();
  for (const error of errors) if (!byPath.has(error.path)) byPath.set(error.path, error.code);
  return {
    idFor: (path) => `${prefix}-${path === '' ? 'report' : path.replaceAll('.', '-')}`,
    errorAt: (path) => byPath.get(path),
  };
}

/** Paths shown in the first screenful; an error anywhere else opens "More details". */
export const quickPaths: ReadonlySet<string> = new Set(['incidentType', 'when.value', 'when.precision', 'where.city', 'narrative']);
