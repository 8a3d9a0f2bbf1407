import { blake2b as nobleBlake2b } from '@noble/hashes/blake2.js';

/** Unkeyed BLAKE2b (RFC 7693) with an output of 1..64 bytes; the sealed box takes its nonce from it. */
export function blake2b(data: Uint8Array, outputLength: number): Uint8Array {
  if (!(data instanceof Uint8Array)) throw new TypeError('blake2b: data must be a Uint8Array');
  if (!Number.isInteger(outputLength) || outputLength < 1 || outputLength > 64) {
    throw new RangeError(`blake2b: outputLength must be an integer from 1 to 64, got ${outputLength}`);
  }
  return nobleBlake2b(data, { dkLen: outputLength });
}
