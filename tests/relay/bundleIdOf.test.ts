import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentId } from '../../src/crypto/sha256';
import { bundleIdSchema } from '../../src/protocol/relayApi';
import { bundleIdOf } from '../../src/relay/bundleIdOf';

// FIPS 180-2 SHA-256 test vectors, as published in hex.
const VECTORS = [
  { input: '', hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  { input: 'abc', hex: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
];

describe('bundleIdOf', () => {
  it.each(VECTORS)('is the unpadded base64url of SHA-256 ("$input")', ({ input, hex }) => {
    const expected = Buffer.from(hex, 'hex').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(bundleIdOf(new TextEncoder().encode(input))).toBe(expected);
  });

  it('agrees with the crypto layer (a second SHA-256 implementation) and with the wire schema', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const id = bundleIdOf(bytes);
        expect(id).toBe(contentId(bytes));
        expect(id).toHaveLength(43);
        expect(bundleIdSchema.safeParse(id).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
