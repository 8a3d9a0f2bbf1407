import { describe, expect, it } from 'vitest';
import { emptyReport } from '../../../src/domain/emptyReport';
import { defaultFreedoms, incidentTypes, type IncidentType } from '../../../src/domain/incidentTypes';
import { validateReport } from '../../../src/domain/validateReport';
import { fixedId } from './reportFixtures';

// Local time: the draft's date is what the monitor's own clock shows.
const now = new Date(2024, 2, 8, 6, 5, 59);

describe('emptyReport', () => {
  it.each(incidentTypes)('starts a %s draft that asks only for what happened and the city', (type) => {
    const draft = emptyReport(type, now, () => fixedId);
    const result = validateReport(draft);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual(
        expect.arrayContaining([
          { path: 'narrative', code: 'required' },
          { path: 'where.city', code: 'required' },
        ]),
      );
      expect(result.errors).toHaveLength(2);
    }
  });

  it.each(incidentTypes)('validates a %s draft once narrative and city are filled, unchanged otherwise', (type) => {
    const draft = emptyReport(type, now, () => fixedId);
    const filled = { ...draft, narrative: 'Officers came at dawn.', where: { ...draft.where, city: 'Aqtöbe' } };
    const result = validateReport(filled);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toEqual(filled);
  });

  it('dates the draft now, to the minute, as exact local time', () => {
    expect(emptyReport('police_visit', now, () => fixedId).when).toEqual({ value: '2024-03-08T06:05', precision: 'exact' });
  });

  it('pre-fills the freedoms of the type, as a copy', () => {
    const draft = emptyReport('meeting_disrupted', now, () => fixedId);
    expect(draft.freedoms).toEqual(['association', 'peaceful_assembly']);
    expect(draft.freedoms).not.toBe(defaultFreedoms.meeting_disrupted);
  });

  it('takes a fresh id from newId each time', () => {
    let n = 0;
    const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    const newId = () => ids[n++] ?? 'exhausted';
    expect(emptyReport('fine', now, newId).id).toBe(ids[0]);
    expect(emptyReport('fine', now, newId).id).toBe(ids[1]);
  });

  it('names the bad argument', () => {
    expect(() => emptyReport('riot' as IncidentType, now, () => fixedId)).toThrow(/incidentType/);
    expect(() => emptyReport('fine', new Date(Number.NaN), () => fixedId)).toThrow(/now/);
  });
});
