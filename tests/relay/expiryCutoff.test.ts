import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expiryCutoff } from '../../src/relay/expiryCutoff';
import { floorToHour } from '../../src/relay/floorToHour';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// What the relay does: it knows only the arrival hour, and purges hours at or before the cutoff.
function purged(receivedAt: number, now: number, ttlMs: number): boolean {
  return floorToHour(receivedAt) <= expiryCutoff(now, ttlMs);
}

describe('expiryCutoff', () => {
  it('keeps every bundle at least the time-to-live and at most one hour longer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 1, max: 400 * DAY }),
        fc.integer({ min: 0, max: 500 * DAY }),
        (receivedAt, ttlMs, age) => {
          const now = receivedAt + age;
          if (age < ttlMs) expect(purged(receivedAt, now, ttlMs)).toBe(false);
          if (age >= ttlMs + HOUR) expect(purged(receivedAt, now, ttlMs)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('with 30 days, a bundle from 10:59 is kept until the whole 10:00 hour is 30 days old', () => {
    const receivedAt = Date.parse('2025-01-01T10:59:00Z');
    expect(purged(receivedAt, Date.parse('2025-01-31T10:59:59Z'), 30 * DAY)).toBe(false);
    expect(purged(receivedAt, Date.parse('2025-01-31T11:00:00Z'), 30 * DAY)).toBe(true);
  });

  it('refuses a time-to-live that is not positive, naming the parameter', () => {
    expect(() => expiryCutoff(0, 0)).toThrow(/ttlMs/);
  });
});
