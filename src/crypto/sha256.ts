import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { toBase64Url } from './bytes';

export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** Content id used for bundles and attachments: base64url(SHA-256(bytes)), 43 characters. */
export function contentId(data: Uint8Array): string {
  return toBase64Url(nobleSha256(data));
}

/**
 * `contentId` with the hashing in native code (Web Crypto's SHA-256) where the platform has it: a
 * coordinator hashes every bundle it pulls, megabytes at a time. Same answer (tests/unit/crypto/sha256.test.ts).
 */
export async function contentIdAsync(data: Uint8Array): Promise<string> {
  if (!(data instanceof Uint8Array)) throw new TypeError('contentIdAsync: data must be a Uint8Array');
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return contentId(data);
  const buffer = data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
  return toBase64Url(new Uint8Array(await subtle.digest('SHA-256', buffer)));
}
