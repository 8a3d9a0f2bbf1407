import { decryptWithKey, encryptWithKey, SECRETBOX_KEY_BYTES } from './secretbox';
import { randomBytes } from './random';

/** A fresh random 32-byte key (the vault's data key, a bundle's content key). */
export function generateKey(): Uint8Array {
  return randomBytes(SECRETBOX_KEY_BYTES);
}

/** Wraps a key under a key-encryption key; same layout as any secretbox: nonce || box. */
export function wrapKey(kek: Uint8Array, key: Uint8Array): Uint8Array {
  return encryptWithKey(kek, key);
}

export type UnwrapResult = { ok: true; key: Uint8Array } | { ok: false; reason: 'wrong-key' };

/** A wrong passphrase (and so a wrong KEK) shows up here as `wrong-key`. */
export function unwrapKey(kek: Uint8Array, wrapped: Uint8Array): UnwrapResult {
  const opened = decryptWithKey(kek, wrapped);
  if (!opened.ok || opened.value.length !== SECRETBOX_KEY_BYTES) return { ok: false, reason: 'wrong-key' };
  return { ok: true, key: opened.value };
}
