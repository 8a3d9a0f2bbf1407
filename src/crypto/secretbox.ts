import nacl from 'tweetnacl';
import { concatBytes } from './bytes';
import { randomBytes } from './random';

export const SECRETBOX_KEY_BYTES = nacl.secretbox.keyLength; // 32
export const SECRETBOX_NONCE_BYTES = nacl.secretbox.nonceLength; // 24
export const SECRETBOX_TAG_BYTES = nacl.secretbox.overheadLength; // 16

export type OpenFailure = 'too-short' | 'auth-failed';
export type OpenResult = { ok: true; value: Uint8Array } | { ok: false; reason: OpenFailure };

function checkKey(key: Uint8Array, fn: string): void {
  if (!(key instanceof Uint8Array) || key.length !== SECRETBOX_KEY_BYTES) {
    throw new TypeError(`${fn}: key must be a ${SECRETBOX_KEY_BYTES}-byte Uint8Array`);
  }
}

/** XSalsa20-Poly1305 with a fresh random nonce: returns nonce(24) || box. */
export function encryptWithKey(key: Uint8Array, plaintext: Uint8Array): Uint8Array {
  checkKey(key, 'encryptWithKey');
  const nonce = randomBytes(SECRETBOX_NONCE_BYTES);
  return concatBytes(nonce, nacl.secretbox(plaintext, nonce, key));
}

/** Opens nonce(24) || box. A wrong key or any altered byte gives `auth-failed`. */
export function decryptWithKey(key: Uint8Array, sealed: Uint8Array): OpenResult {
  checkKey(key, 'decryptWithKey');
  if (sealed.length < SECRETBOX_NONCE_BYTES + SECRETBOX_TAG_BYTES) return { ok: false, reason: 'too-short' };
  const opened = nacl.secretbox.open(sealed.subarray(SECRETBOX_NONCE_BYTES), sealed.subarray(0, SECRETBOX_NONCE_BYTES), key);
  return opened ? { ok: true, value: opened } : { ok: false, reason: 'auth-failed' };
}
