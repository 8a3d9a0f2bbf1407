import nacl from 'tweetnacl';

// tweetnacl 1.0.3 exports its primitives under `lowlevel` but declares no types for them.
const { crypto_core_hsalsa20: hsalsa20 } = (nacl as unknown as {
  lowlevel: { crypto_core_hsalsa20(out: Uint8Array, input: Uint8Array, key: Uint8Array, constant: Uint8Array): void };
}).lowlevel;

const SIGMA = new TextEncoder().encode('expand 32-byte k');
const ZERO_16 = new Uint8Array(16);

/**
 * crypto_box's precomputed key from an X25519 result: HSalsa20(shared, 0^16), exactly what
 * `nacl.box.before(pk, sk)` computes after its own scalar multiplication. Taking the result of
 * `sharedSecretStrict` (already checked not to be all zeros) saves a second multiplication per box.
 */
export function boxKeyFromSharedSecret(sharedSecret: Uint8Array): Uint8Array {
  if (!(sharedSecret instanceof Uint8Array) || sharedSecret.length !== 32) {
    throw new TypeError('boxKeyFromSharedSecret: sharedSecret must be a 32-byte Uint8Array');
  }
  const key = new Uint8Array(32);
  hsalsa20(key, ZERO_16, sharedSecret, SIGMA);
  return key;
}
