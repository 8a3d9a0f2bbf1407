import fc from 'fast-check';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { boxKeyFromSharedSecret } from '../../../src/crypto/boxKeyFromSharedSecret';
import { fromHex, toHex } from '../../../src/crypto/bytes';

describe('boxKeyFromSharedSecret', () => {
  it('matches the NaCl known answer: HSalsa20 over the RFC 7748 shared secret', () => {
    // From ../shared/test-vectors/README.md: X25519(alice, bob) and nacl.box.before(bobPk, aliceSk).
    const shared = fromHex('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742');
    expect(toHex(boxKeyFromSharedSecret(shared))).toBe('1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389');
  });

  it('equals nacl.box.before on random key pairs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (a, b) => {
        const mine = nacl.box.keyPair.fromSecretKey(a);
        const theirs = nacl.box.keyPair.fromSecretKey(b);
        const shared = nacl.scalarMult(mine.secretKey, theirs.publicKey);
        expect(toHex(boxKeyFromSharedSecret(shared))).toBe(toHex(nacl.box.before(theirs.publicKey, mine.secretKey)));
      }),
      { numRuns: 50 },
    );
  });

  it('names the parameter on a wrong length', () => {
    expect(() => boxKeyFromSharedSecret(new Uint8Array(31))).toThrow(/sharedSecret/);
  });
});
