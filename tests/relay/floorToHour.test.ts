import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { receivedHourSchema } from '../../src/protocol/relayApi';
import { floorToHour, formatHour } from '../../src/relay/floorToHour';

const HOUR = 3_600_000;
const anyTime = fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) });

describe('floorToHour', () => {
  it('rounds down to the start of the UTC hour', () => {
    expect(floorToHour(Date.parse('2025-03-01T14:59:59.999Z'))).toBe(Date.parse('2025-03-01T14:00:00Z'));
    expect(floorToHour(Date.parse('2025-03-01T15:00:00.000Z'))).toBe(Date.parse('2025-03-01T15:00:00Z'));
  });

  it('never rounds up and never moves more than an hour', () => {
    fc.assert(
      fc.property(anyTime, (t) => {
        const hour = floorToHour(t);
        expect(hour).toBeLessThanOrEqual(t);
        expect(t - hour).toBeLessThan(HOUR);
        expect(hour % HOUR).toBe(0);
      }),
    );
  });

  it('refuses a time that is not a finite number, naming the parameter', () => {
    expect(() => floorToHour(Number.NaN)).toThrow(/epochMs/);
  });
});

describe('formatHour', () => {
  it('prints the hour in the documented wire form', () => {
    expect(formatHour(Date.parse('2025-03-01T14:37:12.345Z'))).toBe('2025-03-01T14:00:00Z');
  });

  it('always matches receivedHourSchema and names the same hour', () => {
    fc.assert(
      fc.property(anyTime, (t) => {
        const text = formatHour(t);
        expect(receivedHourSchema.safeParse(text).success).toBe(true);
        expect(Date.parse(text)).toBe(floorToHour(t));
      }),
    );
  });
});
