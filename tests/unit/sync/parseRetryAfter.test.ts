import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../src/sync/parseRetryAfter';

const NOW = Date.UTC(2025, 2, 1, 14, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP-date relative to now, and a past date as 0', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 14:02:30 GMT', NOW)).toBe(150_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 13:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores what is neither', () => {
    for (const header of [null, '', '-5', '1.5', 'soon', '2025-03-01T14:02:30Z', 'Sat, 01 Mar 2025 14:02:30 PST', '99999999999']) {
      expect(parseRetryAfter(header, NOW)).toBeNull();
    }
  });
});
