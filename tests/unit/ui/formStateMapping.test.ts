import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeIncidentType } from '../../../src/domain/changeIncidentType';
import { emptyReport } from '../../../src/domain/emptyReport';
import { incidentDetailFields, type DetailFieldKind } from '../../../src/domain/incidentDetails';
import { incidentTypes, type IncidentType } from '../../../src/domain/incidentTypes';
import type { Report } from '../../../src/domain/report';
import { validateReport } from '../../../src/domain/validateReport';
import { changeFormIncidentType } from '../../../src/ui/form/changeFormIncidentType';
import { formStateFromReport } from '../../../src/ui/form/formStateFromReport';
import { numberOrNull, reportInputFromFormState } from '../../../src/ui/form/reportInputFromFormState';

const now = new Date(2026, 2, 14, 6, 10);
const id = '6f1c2a4e-8b3d-4c5e-9f60-7a8b9c0d1e2f';

/** A value of each details kind that the schema accepts. */
const sampleByKind: Record<DetailFieldKind, unknown> = {
  text: 'District police department No. 2',
  longText: 'Said the charter "contradicts the law".',
  count: 12,
  hours: 5,
  days: 15,
  attempt: 4,
  date: '2026-03-20',
  money: { amount: 5_000_000, currency: 'KZT' },
  url: 'https://example.org/post/1',
  triState: 'yes',
  timeOfDay: 'early_morning',
  detentionPlace: 'home',
  caseStage: 'trial',
  surveillanceMethod: 'vehicle',
  threatChannel: 'messenger',
};

/** A report of `type` with every field filled, valid by construction (checked below). */
function fullReport(type: IncidentType): Report {
  const fields: Readonly<Record<string, DetailFieldKind>> = incidentDetailFields[type];
  const input = {
    ...emptyReport(type, now, () => id),
    when: { value: '2026-03-14T06:10', precision: 'exact' },
    where: { region: 'Almaty Region', city: 'Қонаев', venue: 'Flat 12, Abai St. 5', coordinates: { lat: 43.87, lon: 77.07, precision: 'approximate' } },
    narrative: 'Полиция пришла в 6 утра.\nTwo officers, no warrant.',
    peopleAffected: [
      { name: 'A. K.', role: 'activist', affiliation: 'Party X', consentToPublish: true },
      { name: 'Anonymous 2', role: '', affiliation: '', consentToPublish: false },
    ],
    actors: ['police', 'unidentified_group'],
    numberAffected: 2,
    legalBasis: [
      { code: 'administrative_offences', article: '488 part 6' },
      { code: 'criminal', article: '405' },
    ],
    outcome: { kind: 'fine', amount: 196_600, currency: 'KZT' },
    source: 'eyewitness',
    verification: 'Called the lawyer.',
    freedoms: ['association', 'expression'],
    tags: ['march'],
    details: Object.fromEntries(Object.entries(fields).map(([name, kind]) => [name, sampleByKind[kind]])),
  };
  const validation = validateReport(input);
  if (!validation.ok) throw new Error(`fullReport(${type}) is invalid: ${JSON.stringify(validation.errors)}`);
  return validation.value;
}

function roundTrip(report: Report) {
  return validateReport(reportInputFromFormState(formStateFromReport(report)));
}

describe('form state <-> report', () => {
  it.each(incidentTypes)('a fully filled %s report survives form state unchanged', (type) => {
    const report = fullReport(type);
    expect(roundTrip(report)).toEqual({ ok: true, value: report });
  });

  it.each(['administrative_arrest', 'prison_term', 'restricted_freedom', 'warning', 'released', 'none', 'unknown'] as const)(
    'keeps an outcome of kind %s',
    (kind) => {
      const outcome =
        kind === 'administrative_arrest' ? { kind, days: 15 } : kind === 'prison_term' || kind === 'restricted_freedom' ? { kind, months: 30 } : { kind };
      const report = { ...fullReport('fine'), outcome } as Report;
      expect(roundTrip(report)).toEqual({ ok: true, value: report });
    },
  );

  it('shows every value as the text its input holds', () => {
    const state = formStateFromReport(fullReport('defamation_suit'));
    expect(state.numberAffected).toBe('2');
    expect(state.outcomeAmount).toBe('196600');
    expect(state.details).toEqual({
      plaintiff: 'District police department No. 2',
      'claimAmount.amount': '5000000',
      'claimAmount.currency': 'KZT',
      court: 'District police department No. 2',
    });
  });

  it('a new report from emptyReport needs only what happened and the city', () => {
    const state = formStateFromReport(emptyReport('police_visit', now, () => id));
    const empty = validateReport(reportInputFromFormState(state));
    expect(empty.ok ? [] : empty.errors.map((error) => `${error.path}:${error.code}`).sort()).toEqual(['narrative:required', 'where.city:required']);
    const filled = validateReport(reportInputFromFormState({ ...state, city: 'Almaty', narrative: 'Police came.' }));
    expect(filled.ok).toBe(true);
  });

  it('puts an error on the row it belongs to, without dropping or reordering rows', () => {
    const state = formStateFromReport(fullReport('police_visit'));
    const people = [state.people[0], { name: ' ', role: 'journalist', affiliation: '', consentToPublish: false }, state.people[1]].filter((row) => row !== undefined);
    const result = validateReport(reportInputFromFormState({ ...state, people }));
    expect(result.ok ? [] : result.errors).toEqual([{ path: 'peopleAffected.1.name', code: 'required' }]);
  });

  it('reports text typed into a number field as not_a_number, where it was typed', () => {
    const state = formStateFromReport(fullReport('police_visit'));
    const result = validateReport(reportInputFromFormState({ ...state, numberAffected: 'about ten', details: { ...state.details, officersCount: 'five' } }));
    expect(result.ok ? [] : result.errors.map((error) => `${error.path}:${error.code}`).sort()).toEqual([
      'details.officersCount:not_a_number',
      'numberAffected:not_a_number',
    ]);
  });

  it('treats empty number and details fields as not given', () => {
    const state = formStateFromReport(fullReport('police_visit'));
    const result = validateReport(reportInputFromFormState({ ...state, numberAffected: '  ', details: { officersCount: '', hadWarrant: '' } }));
    expect(result.ok && result.value.numberAffected).toBeNull();
    expect(result.ok && result.value.details).toEqual({});
  });

  it('reads numbers with a decimal comma and grouping spaces, as ru-RU and kk-KZ write them', () => {
    expect(numberOrNull('196 600,50')).toBe(196_600.5);
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull('12abc')).toBeNaN();
  });

  it('changes incident type by the same rule as the domain', () => {
    fc.assert(
      fc.property(fc.constantFrom(...incidentTypes), fc.constantFrom(...incidentTypes), fc.boolean(), (from, to, editedFreedoms) => {
        const base = fullReport(from);
        const report = editedFreedoms ? base : ({ ...base, freedoms: emptyReport(from, now, () => id).freedoms } as Report);
        expect(changeFormIncidentType(formStateFromReport(report), to)).toEqual(formStateFromReport(changeIncidentType(report, to)));
      }),
    );
  });
});
