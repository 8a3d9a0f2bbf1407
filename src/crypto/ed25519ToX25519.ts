import nacl from 'tweetnacl';
import { isUsableBoxPublicKey } from './boxPublicKey';
import { wipe } from './bytes';

/** The field prime of Curve25519 and Ed25519: 2^255 - 19. */
const P = (1n << 255n) - 19n;

function bytesToIntLE(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] ?? 0);
  return n;
}

function intToBytesLE(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = n;
  for (let i = 0; i < length; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** base^exponent mod P by square-and-multiply; only public values pass through here. */
function powMod(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % P;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
    e >>= 1n;
  }
  return result;
}

/**
 * The X25519 public key that belongs to an Ed25519 public key (the birational map of RFC 7748 §4.1:
 * u = (1 + y) / (1 - y) mod p), as libsodium's crypto_sign_ed25519_pk_to_curve25519 computes it.
 * Lets a coordinator seal to a device that only published its Ed25519 key. Answers null for a key
 * that is not 32 bytes, encodes y >= p or y = 1, or maps to a low-order X25519 key (nothing could be
 * sealed to it safely). It does not check that the Ed25519 point lies in the prime-order subgroup:
 * callers pass keys that just verified a signature.
 */
export function ed25519PublicKeyToX25519(publicKey: Uint8Array): Uint8Array | null {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) return null;
  const encoded = publicKey.slice();
  encoded[31] = (encoded[31] ?? 0) & 0x7f; // the top bit is the sign of x, which u does not depend on
  const y = bytesToIntLE(encoded);
  if (y >= P || y === 1n) return null;
  const u = (((1n + y) % P) * powMod((1n - y + P) % P, P - 2n)) % P;
  const out = intToBytesLE(u, 32);
  return isUsableBoxPublicKey(out) ? out : null;
}

/**
 * The X25519 secret key that belongs to an Ed25519 secret key (tweetnacl's 64 bytes: seed || public key):
 * the first 32 bytes of SHA-512(seed), clamped — the scalar Ed25519 itself signs with, and what
 * libsodium's crypto_sign_ed25519_sk_to_curve25519 returns. The caller wipes the result after use.
 */
export function ed25519SecretKeyToX25519(secretKey: Uint8Array): Uint8Array {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== 64) {
    throw new TypeError('ed25519SecretKeyToX25519: secretKey must be a 64-byte Uint8Array');
  }
  const digest = nacl.hash(secretKey.subarray(0, 32));
  const scalar = digest.slice(0, 32);
  wipe(digest);
  scalar[0] = (scalar[0] ?? 0) & 248;
  scalar[31] = ((scalar[31] ?? 0) & 127) | 64;
  return scalar;
}
