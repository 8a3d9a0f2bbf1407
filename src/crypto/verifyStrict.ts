import nacl from 'tweetnacl';

export const SIGNATURE_BYTES = 64;
export const SIGNING_PUBLIC_KEY_BYTES = 32;

/** The Ed25519 group order L = 2^252 + 27742317777372353535851937790883648493, little-endian. */
const GROUP_ORDER_LE = Uint8Array.from([
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
]);

/** S (bytes 32..63 of the signature, little-endian) must be a canonical scalar: S < L (RFC 8032 §5.1.7). */
export function isCanonicalScalar(signature: Uint8Array): boolean {
  // Signatures are public, so an early-exit comparison leaks nothing.
  for (let i = 31; i >= 0; i--) {
    const s = signature[32 + i] ?? 0;
    const l = GROUP_ORDER_LE[i] ?? 0;
    if (s !== l) return s < l;
  }
  return false; // S === L
}

/**
 * Ed25519 verification that refuses what tweetnacl 1.0.3 lets through: wrong lengths (where tweetnacl
 * throws) and malleable signatures with S >= L (which tweetnacl accepts). A bad signature is an expected
 * failure, so every such case returns false; only non-byte arguments throw.
 */
export function verifyDetachedStrict(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (!passesStrictChecks('verifyDetachedStrict', message, signature, publicKey)) return false;
  return nacl.sign.detached.verify(message, signature, publicKey);
}

/** The argument checks and refusals shared by the sync and the Web Crypto verifier. */
export function passesStrictChecks(fn: string, message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (!(message instanceof Uint8Array)) throw new TypeError(`${fn}: message must be a Uint8Array`);
  if (!(signature instanceof Uint8Array)) throw new TypeError(`${fn}: signature must be a Uint8Array`);
  if (!(publicKey instanceof Uint8Array)) throw new TypeError(`${fn}: publicKey must be a Uint8Array`);
  if (signature.length !== SIGNATURE_BYTES || publicKey.length !== SIGNING_PUBLIC_KEY_BYTES) return false;
  return isCanonicalScalar(signature);
}
