import { randomBytes } from 'node:crypto';

/** Fresh random bytes from the OS CSPRNG, as unpadded base64url (mailbox ids and tokens). */
export function randomBase64Url(byteLength: number): string {
  if (!Number.isInteger(byteLength) || byteLength < 16) {
    throw new RangeError(`byteLength must be an integer >= 16, got ${byteLength}`);
  }
  return randomBytes(byteLength).toString('base64url');
}
