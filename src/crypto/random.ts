import nacl from 'tweetnacl';

/** Cryptographically secure random bytes (crypto.getRandomValues underneath). */
export function randomBytes(length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0) throw new RangeError(`randomBytes: length must be a non-negative integer, got ${length}`);
  return nacl.randomBytes(length);
}
