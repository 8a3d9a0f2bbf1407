import { describe, expect, it } from 'vitest';
import { emptyReport } from '../../../src/domain/emptyReport';
import type { IncidentType } from '../../../src/domain/incidentTypes';
import type { Report } from '../../../src/domain/report';
import type { ReportSummary } from '../../../src/store/storeApi';
import { filterReports, isFiltering, noFilter, reportFilterOf } from '../../../src/ui/home/filterReports';

let next = 0;
function summary(type: IncidentType, city: string, when: Report['when'], narrative: string): ReportSummary {
  next += 1;
  const id = `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`;
  const report = { ...emptyReport(type, new Date(2026, 0, 1), () => id), where: { region: '', city, venue: '', coordinates: null }, when, narrative } as Report;
  return { reportId: id, versionCount: 1, state: 'local', latest: { reportId: id, version: 1, counter: next, savedAt: next, report } };
}

const reports = [
  summary('police_visit', 'Almaty', { value: '2026-03-14T06:10', precision: 'exact' }, 'Police came at dawn'),
  summary('meeting_disrupted', 'Shymkent', { value: '2026-02-01', precision: 'day' }, 'Организованная группа сорвала собрание'),
  summary('police_visit', 'Shymkent', { value: '2026-04', precision: 'month' }, 'A second visit'),
];

const cities = (list: readonly ReportSummary[]) => list.map((item) => `${item.latest.report.incidentType}@${item.latest.report.where.city}`);

describe('filterReports', () => {
  it('shows everything with no filter', () => {
    expect(filterReports(reports, noFilter)).toHaveLength(3);
    expect(isFiltering(noFilter)).toBe(false);
  });

  it('combines type, city, date range and text', () => {
    expect(cities(filterReports(reports, { ...noFilter, incidentType: 'police_visit' }))).toEqual(['police_visit@Almaty', 'police_visit@Shymkent']);
    expect(cities(filterReports(reports, { ...noFilter, city: 'shymkent' }))).toEqual(['meeting_disrupted@Shymkent', 'police_visit@Shymkent']);
    expect(cities(filterReports(reports, { ...noFilter, from: '2026-03-01', to: '2026-04-10' }))).toEqual(['police_visit@Almaty', 'police_visit@Shymkent']);
    expect(cities(filterReports(reports, { ...noFilter, text: 'СОБРАНИЕ' }))).toEqual(['meeting_disrupted@Shymkent']);
    expect(cities(filterReports(reports, { ...noFilter, incidentType: 'police_visit', city: 'Shymkent', text: 'visit' }))).toEqual(['police_visit@Shymkent']);
  });

  it('ignores a date the browser has not finished (an incomplete date input reads as "")', () => {
    expect(reportFilterOf({ ...noFilter, from: '2026-03', to: '' })).toEqual({});
    expect(filterReports(reports, { ...noFilter, from: '2026-03' })).toHaveLength(3);
  });

  it('counts whitespace-only inputs as no filter', () => {
    expect(isFiltering({ ...noFilter, text: '   ' })).toBe(false);
    expect(isFiltering({ ...noFilter, city: 'Taraz' })).toBe(true);
  });
});
