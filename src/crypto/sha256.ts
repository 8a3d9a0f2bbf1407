import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { toBase64Url } from './bytes';

export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** Content id used for bundles and attachments: base64url(SHA-256(bytes)), 43 characters. */
export function contentId(data: Uint8Array): string {
  return toBase64Url(nobleSha256(data));
}
