import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/ui/format/formatBytes';
import { formatDateTime } from '../../../src/ui/format/formatDateTime';
import { formatIncidentWhen } from '../../../src/ui/format/formatIncidentWhen';
import { formatNumber } from '../../../src/ui/format/formatNumber';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('formatNumber', () => {
  it('groups and separates decimals the way each language writes numbers', () => {
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    // ru-RU and kk-KZ group with a (narrow) no-break space and use a decimal comma.
    expect(formatNumber(1234567.5, 'ru').replace(/\s/gu, ' ')).toBe('1 234 567,5');
    expect(formatNumber(1234567.5, 'kk').replace(/\s/gu, ' ')).toBe('1 234 567,5');
  });
});

describe('formatBytes', () => {
  it('picks the largest fitting unit with one decimal', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(999, 'en')).toBe('999 bytes');
    expect(formatBytes(1_500, 'en')).toBe('1.5 kB');
    expect(formatBytes(73_700, 'en')).toBe('73.7 kB');
    expect(formatBytes(10_700_000_000, 'en')).toBe('10.7 GB');
  });

  it('writes the unit and decimal comma in Russian', () => {
    expect(formatBytes(1_500_000, 'ru')).toBe('1,5 МБ');
  });

  it('refuses a negative or non-finite count, naming the parameter', () => {
    expect(() => formatBytes(-1, 'en')).toThrow(/bytes/);
    expect(() => formatBytes(Number.NaN, 'en')).toThrow(/bytes/);
  });
});

describe('formatIncidentWhen', () => {
  it('shows only as much as the precision says', () => {
    expect(formatIncidentWhen({ value: '2026-03', precision: 'month' }, 'en')).toBe('March 2026');
    expect(formatIncidentWhen({ value: '2026-03-14', precision: 'day' }, 'en')).toBe('14 Mar 2026');
    expect(formatIncidentWhen({ value: '2026-03-14T06:10', precision: 'exact' }, 'en')).toBe('14 Mar 2026, 06:10');
  });

  it('does not shift a local incident time into the phone’s time zone', () => {
    const localHours = new Set<number>();
    for (const tz of ['America/Los_Angeles', 'Asia/Almaty', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      localHours.add(new Date(Date.UTC(2026, 2, 14, 6, 10)).getHours());
      expect(formatIncidentWhen({ value: '2026-03-14T06:10', precision: 'exact' }, 'en')).toBe('14 Mar 2026, 06:10');
      expect(formatIncidentWhen({ value: '2026-03-01', precision: 'day' }, 'en')).toBe('1 Mar 2026');
    }
    // Control: the zone really changed between rounds, so the check above could have failed.
    expect(localHours.size).toBe(3);
  });

  it('formats in the interface language', () => {
    expect(formatIncidentWhen({ value: '2026-03', precision: 'month' }, 'ru')).toBe('март 2026 г.');
    expect(formatIncidentWhen({ value: '2026-03', precision: 'month' }, 'kk')).toContain('наурыз');
  });

  it('shows an unparseable value as written rather than inventing a date', () => {
    expect(formatIncidentWhen({ value: 'sometime', precision: 'day' }, 'en')).toBe('sometime');
  });
});

describe('formatDateTime', () => {
  it('formats an instant in the given zone and language', () => {
    const instant = Date.UTC(2026, 10, 24, 23, 41);
    expect(formatDateTime(instant, 'en', 'UTC')).toBe('24 Nov 2026, 23:41');
    expect(formatDateTime(instant, 'en', 'Asia/Almaty')).toBe('25 Nov 2026, 04:41');
    expect(formatDateTime(instant, 'ru', 'UTC')).toBe('24 нояб. 2026 г., 23:41');
  });
});
