import { describe, expect, it } from 'vitest';
import { changeIncidentType } from '../../../src/domain/changeIncidentType';
import { incidentTypes } from '../../../src/domain/incidentTypes';
import { reportSchema, type Report } from '../../../src/domain/report';
import { validateReport } from '../../../src/domain/validateReport';
import { fullInput } from './reportFixtures';

function full(type: Report['incidentType']): Report {
  return reportSchema.parse(fullInput(type));
}

describe('changeIncidentType', () => {
  it('gives a valid report of the new type for every pair of types', () => {
    for (const from of incidentTypes) {
      for (const to of incidentTypes) {
        const changed = changeIncidentType(full(from), to);
        expect(changed.incidentType).toBe(to);
        expect(validateReport(changed).ok).toBe(true);
      }
    }
  });

  it('keeps the common fields and the details both types share', () => {
    const report = reportSchema.parse({
      ...fullInput('administrative_case'),
      details: { offence: 'Unsanctioned picket', court: 'Specialised court of Astana', hearingDate: '2024-03-10' },
    });
    const changed = changeIncidentType(report, 'court_ruling');
    expect(changed.details).toEqual({ court: 'Specialised court of Astana' });
    expect(changed.narrative).toBe(report.narrative);
    expect(changed.peopleAffected).toEqual(report.peopleAffected);
    expect(changed.outcome).toEqual(report.outcome);
  });

  it('moves untouched default freedoms to the new type, keeps ones the monitor chose', () => {
    const untouched = reportSchema.parse({ ...fullInput('police_visit'), freedoms: ['association'] });
    expect(changeIncidentType(untouched, 'media_obstruction').freedoms).toEqual(['expression']);
    const chosen = reportSchema.parse({ ...fullInput('police_visit'), freedoms: ['association', 'expression'] });
    expect(changeIncidentType(chosen, 'media_obstruction').freedoms).toEqual(['association', 'expression']);
  });

  it('returns the same report when the type does not change', () => {
    const report = full('fine');
    expect(changeIncidentType(report, 'fine')).toBe(report);
  });
});
