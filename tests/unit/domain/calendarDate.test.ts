import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../../src/domain/calendarDate';

describe('isCalendarDate', () => {
  it.each([
    ['2024-03', 'month'],
    ['2024-02-29', 'day'],
    ['2024-03-08T06:15', 'exact'],
    ['2024-03-08T06:15:30', 'exact'],
    ['2024-03-08T06:15:30.123Z', 'exact'],
    ['2024-03-08T23:59+05:00', 'exact'],
    ['2024-03-08T00:00-03:30', 'exact'],
  ] as const)('accepts %s as %s', (value, precision) => {
    expect(isCalendarDate(value, precision)).toBe(true);
  });

  it.each([
    ['2023-02-29', 'day'],
    ['2024-04-31', 'day'],
    ['2024-13', 'month'],
    ['2024-00-10', 'day'],
    ['2024-03-08T24:00', 'exact'],
    ['2024-03-08T12:60', 'exact'],
    ['2024-03-08T12:00+15:00', 'exact'],
    ['1899-12-31', 'day'],
    ['2024-3-8', 'day'],
    ['08.03.2024', 'day'],
    ['2024-03-08', 'exact'],
    ['2024-03-08', 'month'],
    ['2024-03', 'day'],
    ['2024-03-08T06:15', 'day'],
    ['', 'day'],
  ] as const)('rejects %s as %s', (value, precision) => {
    expect(isCalendarDate(value, precision)).toBe(false);
  });
});
