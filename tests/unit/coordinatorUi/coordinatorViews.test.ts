import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { emptyReport } from '../../../src/domain/emptyReport';
import type { IncidentType } from '../../../src/domain/incidentTypes';
import type { Report } from '../../../src/domain/report';
import type { ReportView } from '../../../src/ui/coordinatorWorkspace/coordinatorApi';
import { emptyReportFilter, filterCoordinatorReports } from '../../../src/ui/coordinatorWorkspace/filterCoordinatorReports';
import { qrPath } from '../../../src/ui/coordinatorWorkspace/qrPath';
import { countBy, countByWeek, weekOf } from '../../../src/ui/coordinatorWorkspace/reportCounts';
import { spellFingerprint } from '../../../src/ui/coordinatorWorkspace/spellFingerprint';

let ids = 0;
function report(type: IncidentType, city: string, region: string, day: string, extra: Partial<Report> = {}): Report {
  const base = emptyReport(type, new Date(2026, 0, 1), () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`);
  return { ...base, where: { region, city, venue: '', coordinates: null }, when: { value: day, precision: 'day' }, narrative: `About ${city}`, ...extra } as Report;
}

function view(device: string, ...versions: Report[]): ReportView {
  const first = versions[0];
  if (first === undefined) throw new Error('view: needs a version');
  return {
    key: `m ${device} ${first.id}`,
    organisation: 'Org',
    reportId: first.id,
    deviceId: device,
    deviceFingerprint: `FP-${device}`,
    deviceName: '',
    versions: versions.map((r, i) => ({ version: i + 1, counter: i + 1, savedAt: '', receivedAt: `2026-03-0${i + 1}T10:00:00.000Z`, source: 'relay', report: r })),
  };
}

describe('filterCoordinatorReports', () => {
  const almaty = view('d1', report('meeting_disrupted', 'Almaty', 'Almaty Region', '2026-03-14', { peopleAffected: [{ name: 'Dana', role: 'activist', affiliation: '', consentToPublish: true }] }));
  const astana = view('d2', report('police_visit', 'Astana', '', '2026-02-01'), report('police_visit', 'Astana', '', '2026-04-20', { narrative: 'Amended: officers returned' }));
  const shymkent = view('d1', report('fine', 'Shymkent', 'Turkistan Region', '2026-03-01', { freedoms: ['expression'] }));
  const all = [almaty, astana, shymkent];
  const keys = (views: readonly ReportView[]) => views.map((v) => v.versions.at(-1)?.report.where.city);

  it('filters on the current version: an amended date and text count, the old ones do not', () => {
    expect(keys(filterCoordinatorReports(all, { ...emptyReportFilter, text: 'officers returned' }))).toEqual(['Astana']);
    expect(keys(filterCoordinatorReports(all, { ...emptyReportFilter, from: '2026-04-01' }))).toEqual(['Astana']);
    expect(keys(filterCoordinatorReports(all, { ...emptyReportFilter, to: '2026-02-28' }))).toEqual([]);
  });

  it('filters by type, freedom, region, device and people, case-insensitively', () => {
    expect(keys(filterCoordinatorReports(all, { ...emptyReportFilter, type: 'fine' }))).toEqual(['Shymkent']);
    expect(keys(filterCoordinatorReports(all, { ...emptyReportFilter, freedom: 'expression' }))).toEqual(['Shymkent']);
    expect(keys(filterCoordinatorReports(all, { ...emptyReportFilter, region: 'almaty region' }))).toEqual(['Almaty']);
    expect(keys(filterCoordinatorReports(all, { ...emptyReportFilter, device: 'd1', sort: 'oldest' }))).toEqual(['Shymkent', 'Almaty']);
    expect(keys(filterCoordinatorReports(all, { ...emptyReportFilter, people: 'ACTIVIST' }))).toEqual(['Almaty']);
  });

  it('sorts by incident date either way, or by the last arrival', () => {
    expect(keys(filterCoordinatorReports(all, emptyReportFilter))).toEqual(['Astana', 'Almaty', 'Shymkent']);
    expect(keys(filterCoordinatorReports(all, { ...emptyReportFilter, sort: 'oldest' }))).toEqual(['Shymkent', 'Almaty', 'Astana']);
    expect(keys(filterCoordinatorReports(all, { ...emptyReportFilter, sort: 'received' }))[0]).toBe('Astana');
  });
});

describe('report counts', () => {
  it('puts a date in the week starting on its Monday, and a month-precision date in the week of the 1st', () => {
    expect(weekOf('2026-03-14')).toBe('2026-03-09'); // a Saturday
    expect(weekOf('2026-03-09')).toBe('2026-03-09'); // the Monday itself
    expect(weekOf('2026-03-15T23:59')).toBe('2026-03-09'); // the Sunday
    expect(weekOf('2026-03')).toBe('2026-02-23'); // 1 March 2026 is a Sunday
  });

  it('counts every week from the first to the last, empty ones as 0, and totals match', () => {
    const reports = [report('fine', 'A', 'R1', '2026-03-02'), report('fine', 'B', 'R1', '2026-03-03'), report('police_visit', 'C', '', '2026-03-20')];
    const weeks = countByWeek(reports);
    expect(weeks).toEqual([
      { key: '2026-03-02', count: 2 },
      { key: '2026-03-09', count: 0 },
      { key: '2026-03-16', count: 1 },
    ]);
    expect(countBy(reports, (r) => r.incidentType)).toEqual([
      { key: 'fine', count: 2 },
      { key: 'police_visit', count: 1 },
    ]);
    expect(countByWeek([])).toEqual([]);
  });
});

describe('spellFingerprint', () => {
  it('spells every base32 character of every group, groups separated by commas', () => {
    expect(spellFingerprint('AB27 XYZ3')).toBe('Alfa Bravo two seven, X-ray Yankee Zulu three');
  });
});

describe('qrPath', () => {
  it('draws a QR code that a decoder reads back as the same link', () => {
    const link = 'https://relay.example.org/#join=eyJ2ZXJzaW9uIjoxLCJvcmdhbmlzYXRpb24iOiJTdGVwcGUgV2F0Y2gifQ';
    const { size, d } = qrPath(link);
    const scale = 4;
    const width = size * scale;
    const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
    for (const match of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
      const x0 = Number(match[1]) * scale;
      const y0 = Number(match[2]) * scale;
      for (let y = y0; y < y0 + scale; y++) for (let x = x0; x < x0 + scale; x++) pixels.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
    expect(jsQR(pixels, width, width)?.data).toBe(link);
    // Positive control for the decoder: a blank image holds no code.
    expect(jsQR(new Uint8ClampedArray(width * width * 4).fill(255), width, width)).toBeNull();
  });
});
