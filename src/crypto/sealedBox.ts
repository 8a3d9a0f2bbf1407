import nacl from 'tweetnacl';
import { blake2b } from './blake2b';
import { boxKeyFromSharedSecret } from './boxKeyFromSharedSecret';
import { concatBytes, wipe } from './bytes';
import { BOX_PUBLIC_KEY_BYTES, BOX_SECRET_KEY_BYTES, sharedSecretStrict, sharedSecretStrictAsync } from './x25519';
import type { SharedSecretResult } from './x25519';

/*
 * libsodium's crypto_box_seal, so that any libsodium binding can open what Dala seals (DESIGN.md P7):
 *
 *   sealed = epk(32) || crypto_box(m, nonce, rpk, esk)            (box = tag(16) || ciphertext)
 *   nonce  = BLAKE2b(epk || rpk, output 24 bytes)
 *
 * where (epk, esk) is a fresh X25519 key pair used once and rpk is the recipient's public key.
 */

const NONCE_BYTES = nacl.box.nonceLength; // 24
export const SEALED_BOX_OVERHEAD_BYTES = BOX_PUBLIC_KEY_BYTES + nacl.box.overheadLength; // 48

export type SealedBoxOpenFailure = 'too-short' | 'auth-failed' | 'low-order-point';
export type SealedBoxOpenResult = { ok: true; value: Uint8Array } | { ok: false; reason: SealedBoxOpenFailure };

function checkKey(key: Uint8Array, length: number, name: string, fn: string): void {
  if (!(key instanceof Uint8Array) || key.length !== length) {
    throw new TypeError(`${fn}: ${name} must be a ${length}-byte Uint8Array`);
  }
}

function sealNonce(ephemeralPublicKey: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  return blake2b(concatBytes(ephemeralPublicKey, recipientPublicKey), NONCE_BYTES);
}

/**
 * Seals a message to one recipient; only the holder of the matching secret key can open it, and the
 * sealed box says nothing about the sender. Throws if the recipient key is of low order: such a key
 * must have been refused where it entered (see `isUsableBoxPublicKey`).
 */
export function sealToPublicKey(message: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  if (!(message instanceof Uint8Array)) throw new TypeError('sealToPublicKey: message must be a Uint8Array');
  checkKey(recipientPublicKey, BOX_PUBLIC_KEY_BYTES, 'recipientPublicKey', 'sealToPublicKey');
  const ephemeral = nacl.box.keyPair();
  try {
    const shared = sharedSecretStrict(ephemeral.secretKey, recipientPublicKey);
    if (!shared.ok) throw new RangeError('sealToPublicKey: recipientPublicKey is a low-order point');
    // box.before = HSalsa20 over the X25519 result, now known not to be all zeros.
    const key = boxKeyFromSharedSecret(shared.value);
    wipe(shared.value);
    const box = nacl.secretbox(message, sealNonce(ephemeral.publicKey, recipientPublicKey), key);
    wipe(key);
    return concatBytes(ephemeral.publicKey, box);
  } finally {
    wipe(ephemeral.secretKey);
  }
}

/** Opens a sealed box addressed to (recipientPublicKey, recipientSecretKey). Altered bytes give `auth-failed`. */
export function openSealedBox(sealed: Uint8Array, recipientPublicKey: Uint8Array, recipientSecretKey: Uint8Array): SealedBoxOpenResult {
  const early = checkOpenArguments('openSealedBox', sealed, recipientPublicKey, recipientSecretKey);
  if (early !== null) return early;
  return openWithSharedSecret(sealed, recipientPublicKey, sharedSecretStrict(recipientSecretKey, sealed.subarray(0, BOX_PUBLIC_KEY_BYTES)));
}

/** `openSealedBox` with the X25519 step in native code where Web Crypto has it (`sharedSecretStrictAsync`). */
export async function openSealedBoxAsync(sealed: Uint8Array, recipientPublicKey: Uint8Array, recipientSecretKey: Uint8Array): Promise<SealedBoxOpenResult> {
  const early = checkOpenArguments('openSealedBoxAsync', sealed, recipientPublicKey, recipientSecretKey);
  if (early !== null) return early;
  const shared = await sharedSecretStrictAsync(recipientSecretKey, sealed.subarray(0, BOX_PUBLIC_KEY_BYTES));
  return openWithSharedSecret(sealed, recipientPublicKey, shared);
}

function checkOpenArguments(fn: string, sealed: Uint8Array, recipientPublicKey: Uint8Array, recipientSecretKey: Uint8Array): SealedBoxOpenResult | null {
  if (!(sealed instanceof Uint8Array)) throw new TypeError(`${fn}: sealed must be a Uint8Array`);
  checkKey(recipientPublicKey, BOX_PUBLIC_KEY_BYTES, 'recipientPublicKey', fn);
  checkKey(recipientSecretKey, BOX_SECRET_KEY_BYTES, 'recipientSecretKey', fn);
  return sealed.length < SEALED_BOX_OVERHEAD_BYTES ? { ok: false, reason: 'too-short' } : null;
}

function openWithSharedSecret(sealed: Uint8Array, recipientPublicKey: Uint8Array, shared: SharedSecretResult): SealedBoxOpenResult {
  // An attacker who picks a low-order epk knows the resulting key, so such a box proves nothing.
  if (!shared.ok) return { ok: false, reason: 'low-order-point' };
  const ephemeralPublicKey = sealed.subarray(0, BOX_PUBLIC_KEY_BYTES);
  const key = boxKeyFromSharedSecret(shared.value);
  wipe(shared.value);
  const opened = nacl.secretbox.open(sealed.subarray(BOX_PUBLIC_KEY_BYTES), sealNonce(ephemeralPublicKey, recipientPublicKey), key);
  wipe(key);
  return opened ? { ok: true, value: opened } : { ok: false, reason: 'auth-failed' };
}
