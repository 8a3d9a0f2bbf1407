import { createHash } from 'node:crypto';

/** The id a bundle must be stored under: base64url(SHA-256(bytes)), unpadded (43 characters). */
export function bundleIdOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}
