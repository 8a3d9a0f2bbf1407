/**
 * The closed set of validation messages. The UI shows t(`domain:errors.${code}`) next to the field whose
 * name equals FieldError.path, so both codes and paths are stable API.
 *
 * required              empty after trimming, or missing
 * too_long              text longer than its limit (reportLimits)
 * too_many              list longer than its limit
 * not_a_number          a number field holds text, NaN or Infinity
 * not_an_integer        a count, day or month field holds a fraction
 * must_be_positive      must be 1 or more (arrest days, attempt number, prison months)
 * must_not_be_negative  must be 0 or more (counts, amounts)
 * too_large             a number above its limit
 * out_of_range          latitude outside -90..90 or longitude outside -180..180
 * invalid_date          not a real calendar date, or not the form its precision asks for
 * invalid_choice        not one of a closed list (incident type, actor, outcome kind, ...)
 * invalid_currency      not a three-letter ISO 4217 code such as KZT
 * invalid_format        a malformed id, MIME type or web address
 * duplicate             the same entry twice in a list (actors, freedoms, tags)
 * unknown_field         a field this incident type does not have
 * invalid_type          the wrong kind of value (e.g. text where yes/no is expected)
 */
export const fieldErrorCodes = [
  'required',
  'too_long',
  'too_many',
  'not_a_number',
  'not_an_integer',
  'must_be_positive',
  'must_not_be_negative',
  'too_large',
  'out_of_range',
  'invalid_date',
  'invalid_choice',
  'invalid_currency',
  'invalid_format',
  'duplicate',
  'unknown_field',
  'invalid_type',
] as const;

export type FieldErrorCode = (typeof fieldErrorCodes)[number];

export interface FieldError {
  /**
   * Dotted path from the report's root, list indices as numbers: 'where.city', 'peopleAffected.0.name',
   * 'outcome.days', 'details.heldHours'. '' is the report itself (e.g. not an object at all).
   */
  readonly path: string;
  readonly code: FieldErrorCode;
}

export function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && (fieldErrorCodes as readonly string[]).includes(value);
}
