import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldErrorCodes, type FieldError } from '../../../src/domain/fieldError';
import { reportLimits } from '../../../src/domain/reportLimits';
import { validateReport } from '../../../src/domain/validateReport';
import { fullInput, minimalInput } from './reportFixtures';

function errorsOf(input: unknown): readonly FieldError[] {
  const result = validateReport(input);
  if (result.ok) throw new Error('expected the report to be refused');
  return result.errors;
}

const base = minimalInput('police_visit');

describe('validateReport', () => {
  it('returns the parsed report when valid', () => {
    const result = validateReport(fullInput('media_obstruction'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.incidentType).toBe('media_obstruction');
  });

  it.each<[string, Record<string, unknown>, FieldError]>([
    ['blank narrative', { narrative: '   ' }, { path: 'narrative', code: 'required' }],
    ['missing narrative', { narrative: undefined }, { path: 'narrative', code: 'required' }],
    ['blank city', { where: { city: ' ' } }, { path: 'where.city', code: 'required' }],
    ['missing where', { where: undefined }, { path: 'where', code: 'required' }],
    ['narrative too long', { narrative: 'x'.repeat(reportLimits.narrative + 1) }, { path: 'narrative', code: 'too_long' }],
    ['city too long', { where: { city: 'x'.repeat(reportLimits.shortText + 1) } }, { path: 'where.city', code: 'too_long' }],
    ['unknown incident type', { incidentType: 'riot' }, { path: 'incidentType', code: 'invalid_choice' }],
    ['missing incident type', { incidentType: undefined }, { path: 'incidentType', code: 'required' }],
    ['30 February', { when: { value: '2024-02-30', precision: 'day' } }, { path: 'when.value', code: 'invalid_date' }],
    ['empty date', { when: { value: '', precision: 'day' } }, { path: 'when.value', code: 'required' }],
    ['day given for exact', { when: { value: '2024-03-08', precision: 'exact' } }, { path: 'when.value', code: 'invalid_date' }],
    ['unknown precision', { when: { value: '2024-03', precision: 'week' } }, { path: 'when.precision', code: 'invalid_choice' }],
    ['person without name', { peopleAffected: [{ name: 'Ok' }, { name: '' }] }, { path: 'peopleAffected.1.name', code: 'required' }],
    ['consent as text', { peopleAffected: [{ name: 'A', consentToPublish: 'yes' }] }, { path: 'peopleAffected.0.consentToPublish', code: 'invalid_type' }],
    ['unknown actor', { actors: ['police', 'army'] }, { path: 'actors.1', code: 'invalid_choice' }],
    ['actor twice', { actors: ['police', 'police'] }, { path: 'actors', code: 'duplicate' }],
    ['negative count', { numberAffected: -1 }, { path: 'numberAffected', code: 'must_not_be_negative' }],
    ['fractional count', { numberAffected: 2.5 }, { path: 'numberAffected', code: 'not_an_integer' }],
    ['count typed as text', { numberAffected: 'three' }, { path: 'numberAffected', code: 'not_a_number' }],
    ['count NaN', { numberAffected: Number.NaN }, { path: 'numberAffected', code: 'not_a_number' }],
    ['huge count', { numberAffected: reportLimits.count + 1 }, { path: 'numberAffected', code: 'too_large' }],
    ['unknown legal code', { legalBasis: [{ code: 'tax', article: '1' }] }, { path: 'legalBasis.0.code', code: 'invalid_choice' }],
    ['article missing', { legalBasis: [{ code: 'criminal', article: '' }] }, { path: 'legalBasis.0.article', code: 'required' }],
    ['negative fine', { outcome: { kind: 'fine', amount: -5 } }, { path: 'outcome.amount', code: 'must_not_be_negative' }],
    ['fine without amount', { outcome: { kind: 'fine' } }, { path: 'outcome.amount', code: 'required' }],
    ['bad currency', { outcome: { kind: 'fine', amount: 10, currency: 'tenge' } }, { path: 'outcome.currency', code: 'invalid_currency' }],
    ['arrest of 0 days', { outcome: { kind: 'administrative_arrest', days: 0 } }, { path: 'outcome.days', code: 'must_be_positive' }],
    ['arrest of half a day', { outcome: { kind: 'administrative_arrest', days: 0.5 } }, { path: 'outcome.days', code: 'not_an_integer' }],
    ['unknown outcome kind', { outcome: { kind: 'exile' } }, { path: 'outcome.kind', code: 'invalid_choice' }],
    ['days on a fine', { outcome: { kind: 'fine', amount: 1, days: 3 } }, { path: 'outcome.days', code: 'unknown_field' }],
    ['latitude 91', { where: { city: 'A', coordinates: { lat: 91, lon: 0, precision: 'exact' } } }, { path: 'where.coordinates.lat', code: 'out_of_range' }],
    ['longitude -181', { where: { city: 'A', coordinates: { lat: 0, lon: -181, precision: 'city' } } }, { path: 'where.coordinates.lon', code: 'out_of_range' }],
    ['unknown source', { source: 'rumour' }, { path: 'source', code: 'invalid_choice' }],
    ['freedom twice', { freedoms: ['expression', 'expression'] }, { path: 'freedoms', code: 'duplicate' }],
    ['blank tag', { tags: ['ok', ' '] }, { path: 'tags.1', code: 'required' }],
    ['too many tags', { tags: Array.from({ length: reportLimits.tags + 1 }, (_, i) => `t${i}`) }, { path: 'tags', code: 'too_many' }],
    ['bad MIME type', { attachments: [{ id: 'a', name: 'x', mime: 'jpeg', size: 1 }] }, { path: 'attachments.0.mime', code: 'invalid_format' }],
    ['bad id', { id: 'not-a-uuid' }, { path: 'id', code: 'invalid_format' }],
    ['unknown top-level field', { secret: 1 }, { path: 'secret', code: 'unknown_field' }],
    ['details of another type', { details: { heldHours: 3 } }, { path: 'details.heldHours', code: 'unknown_field' }],
    ['bad tri-state', { details: { hadWarrant: 'maybe' } }, { path: 'details.hadWarrant', code: 'invalid_choice' }],
    ['negative officers', { details: { officersCount: -2 } }, { path: 'details.officersCount', code: 'must_not_be_negative' }],
  ])('%s', (_name, patch, expected) => {
    expect(errorsOf({ ...base, ...patch })).toContainEqual(expected);
  });

  it.each<[string, Record<string, unknown>, FieldError]>([
    ['registration attempt 0', { incidentType: 'registration_refused', details: { attemptNumber: 0 } }, { path: 'details.attemptNumber', code: 'must_be_positive' }],
    ['ruling date not a date', { incidentType: 'court_ruling', details: { rulingDate: '08.03.2024' } }, { path: 'details.rulingDate', code: 'invalid_date' }],
    ['claim currency', { incidentType: 'defamation_suit', details: { claimAmount: { amount: 1, currency: 'K' } } }, { path: 'details.claimAmount.currency', code: 'invalid_currency' }],
    ['post link not a web address', { incidentType: 'online_expression_case', details: { postUrl: 'javascript:alert(1)' } }, { path: 'details.postUrl', code: 'invalid_format' }],
    ['any details on "other"', { incidentType: 'other', details: { note: 'x' } }, { path: 'details.note', code: 'unknown_field' }],
  ])('type-specific: %s', (_name, patch, expected) => {
    expect(errorsOf({ ...base, ...patch })).toContainEqual(expected);
  });

  it('reports every problem at once, each once', () => {
    const errors = errorsOf({ ...base, narrative: '', where: { city: '' }, numberAffected: -3 });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'narrative', code: 'required' },
        { path: 'where.city', code: 'required' },
        { path: 'numberAffected', code: 'must_not_be_negative' },
      ]),
    );
    expect(new Set(errors.map((e) => `${e.path}:${e.code}`)).size).toBe(errors.length);
  });

  it('refuses something that is not a report at all, at the root', () => {
    expect(errorsOf(null)).toEqual([{ path: '', code: 'invalid_type' }]);
    expect(errorsOf('report')).toEqual([{ path: '', code: 'invalid_type' }]);
  });

  it('never answers with a code outside the closed list, whatever the input', () => {
    const codes = new Set<string>();
    const inputs: unknown[] = [
      {},
      [],
      { ...base, when: 5, where: [], peopleAffected: 'x', actors: {}, legalBasis: [1], outcome: 3, details: 'x' },
      { ...base, tags: [1, null], attachments: [{ size: -1 }], freedoms: null },
    ];
    for (const input of inputs) for (const error of errorsOf(input)) codes.add(error.code);
    expect(codes.size).toBeGreaterThan(1);
    for (const code of codes) expect(fieldErrorCodes).toContain(code);
  });

  it('answers any value with a result, never an exception, and only closed-list codes', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validateReport(input);
        if (!result.ok) for (const error of result.errors) expect(fieldErrorCodes).toContain(error.code);
      }),
    );
  });

  it('points at the damaged field when one field of a valid report is replaced by anything', () => {
    const valid = fullInput('protest_or_picket');
    const keys = Object.keys(valid).filter((key) => key !== 'incidentType');
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const result = validateReport({ ...valid, [key]: value });
        if (result.ok) return;
        for (const error of result.errors) {
          expect(error.path === key || error.path.startsWith(`${key}.`), `${error.path} for ${key}`).toBe(true);
          expect(fieldErrorCodes).toContain(error.code);
        }
      }),
    );
  });
});
