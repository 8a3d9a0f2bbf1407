import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/crypto/fingerprint';

const RFC4648_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An independent rendering: the first 80 bits of SHA-256 as one big integer, read 5 bits at a time. */
function expectedFingerprint(publicKey: Uint8Array): string {
  const n = BigInt(`0x${createHash('sha256').update(publicKey).digest('hex').slice(0, 20)}`);
  const chars = Array.from({ length: 16 }, (_, i) => RFC4648_BASE32[Number((n >> BigInt(75 - 5 * i)) & 31n)]).join('');
  return `${chars.slice(0, 4)} ${chars.slice(4, 8)} ${chars.slice(8, 12)} ${chars.slice(12)}`;
}

describe('fingerprint', () => {
  it('is the first 10 bytes of SHA-256 in base32, as four groups of four', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (publicKey) => {
        const shown = fingerprint(publicKey);
        expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){3}$/);
        expect(shown).toBe(expectedFingerprint(publicKey));
      }),
      { numRuns: 200 },
    );
  });

  it('changes when one bit of the key changes', () => {
    const key = new Uint8Array(32).fill(1);
    const other = new Uint8Array(key);
    other[31] = 0;
    expect(fingerprint(other)).not.toBe(fingerprint(key));
  });

  it('throws, naming the parameter, for a key that is not 32 bytes', () => {
    expect(() => fingerprint(new Uint8Array(31))).toThrow(/publicKey/);
  });
});
