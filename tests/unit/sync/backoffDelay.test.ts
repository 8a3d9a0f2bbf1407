import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay } from '../../../src/sync/backoffDelay';

const MINUTE = 60_000;

describe('backoffDelay', () => {
  it('stays within the upper half of 1 s · 2^(attempt-1), capped at 15 min, for any random value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const ceiling = Math.min(15 * MINUTE, 1000 * 2 ** Math.min(attempt - 1, 60));
        const delay = backoffDelay({ attempt, random: () => r });
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
  });

  it('doubles from the 1 s base and reaches the 15 min cap, spreading phones over the upper half', () => {
    const at = (attempt: number, r: number) => backoffDelay({ attempt, random: () => r });
    expect([1, 2, 3, 4].map((n) => at(n, 0))).toEqual([500, 1000, 2000, 4000]);
    expect(at(1, 0.999_999)).toBe(999);
    expect(at(10, 0)).toBe(256_000);
    // 2^10 s is past 15 min: the cap holds from attempt 11 on.
    expect(at(11, 0)).toBe(7.5 * MINUTE);
    expect(at(12, 0.999_999)).toBe(15 * MINUTE - 1);
    expect(at(1_000_000, 0.5)).toBe(11.25 * MINUTE);
    expect([BACKOFF_BASE_MS, BACKOFF_CAP_MS]).toEqual([1000, 15 * MINUTE]);
  });

  it('waits at least Retry-After, but never longer than the cap', () => {
    expect(backoffDelay({ attempt: 1, random: () => 0, retryAfterMs: 30_000 })).toBe(30_000);
    // Retry-After shorter than the backoff changes nothing.
    expect(backoffDelay({ attempt: 10, random: () => 0, retryAfterMs: 1000 })).toBe(256_000);
    expect(backoffDelay({ attempt: 1, random: () => 0, retryAfterMs: 7 * 24 * 60 * MINUTE })).toBe(15 * MINUTE);
  });

  it('waits long at once when asked (relay disk full)', () => {
    expect(backoffDelay({ attempt: 1, random: () => 0, long: true })).toBe(7.5 * MINUTE);
  });

  it('names the bad argument', () => {
    expect(() => backoffDelay({ attempt: 0, random: () => 0 })).toThrow(/attempt/);
    expect(() => backoffDelay({ attempt: 1, random: () => 1 })).toThrow(/random/);
    expect(() => backoffDelay({ attempt: 1, random: () => 0, retryAfterMs: -1 })).toThrow(/retryAfterMs/);
  });
});
