import { describe, expect, it } from 'vitest';
import { freedoms } from '../../../src/domain/freedoms';
import { defaultFreedoms, incidentTypes, isIncidentType, quickLogTypes } from '../../../src/domain/incidentTypes';

describe('incidentTypes', () => {
  it('lists the 17 types of DESIGN §8 once each', () => {
    expect(incidentTypes).toHaveLength(17);
    expect(new Set(incidentTypes).size).toBe(17);
    expect(incidentTypes).toContain('media_obstruction');
    expect(incidentTypes[incidentTypes.length - 1]).toBe('other');
  });

  it('gives every type default freedoms from the three, without repeats', () => {
    expect(Object.keys(defaultFreedoms).sort()).toEqual([...incidentTypes].sort());
    for (const type of incidentTypes) {
      const list = defaultFreedoms[type];
      expect(new Set(list).size).toBe(list.length);
      for (const freedom of list) expect(freedoms).toContain(freedom);
    }
    expect(defaultFreedoms.protest_or_picket).toEqual(['peaceful_assembly']);
    expect(defaultFreedoms.registration_refused).toEqual(['association']);
    expect(defaultFreedoms.online_expression_case).toEqual(['expression']);
  });

  it('puts the quick-log buttons in the agreed order', () => {
    expect(quickLogTypes).toEqual([
      'police_visit',
      'preventive_detention',
      'meeting_disrupted',
      'detention_or_arrest',
      'intimidation_or_threat',
    ]);
  });

  it('recognises only its own ids', () => {
    expect(isIncidentType('fine')).toBe(true);
    expect(isIncidentType('Fine')).toBe(false);
    expect(isIncidentType('toString')).toBe(false);
    expect(isIncidentType(undefined)).toBe(false);
  });
});
