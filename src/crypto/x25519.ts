import nacl from 'tweetnacl';
import { webCryptoCurves } from './webCryptoCurves';

export const BOX_PUBLIC_KEY_BYTES = nacl.box.publicKeyLength; // 32
export const BOX_SECRET_KEY_BYTES = nacl.box.secretKeyLength; // 32

export interface BoxKeyPair {
  /** 32-byte X25519 public key: what bundles are sealed to. */
  readonly publicKey: Uint8Array;
  /** 32-byte X25519 secret scalar (tweetnacl clamps it on use). */
  readonly secretKey: Uint8Array;
}

export type SharedSecretFailure = 'bad-length' | 'low-order-point';
export type SharedSecretResult = { ok: true; value: Uint8Array } | { ok: false; reason: SharedSecretFailure };

export function generateBoxKeyPair(): BoxKeyPair {
  const pair = nacl.box.keyPair();
  return { publicKey: pair.publicKey, secretKey: pair.secretKey };
}

/** Recomputes the public key, e.g. for a coordinator whose vault stores only the secret key. */
export function boxKeyPairFromSecretKey(secretKey: Uint8Array): BoxKeyPair {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== BOX_SECRET_KEY_BYTES) {
    throw new TypeError(`boxKeyPairFromSecretKey: secretKey must be a ${BOX_SECRET_KEY_BYTES}-byte Uint8Array`);
  }
  const pair = nacl.box.keyPair.fromSecretKey(secretKey);
  return { publicKey: pair.publicKey, secretKey: pair.secretKey };
}

/** Reads every byte whatever the contents, so the time taken does not depend on the secret. */
function isAllZero(bytes: Uint8Array): boolean {
  let acc = 0;
  for (let i = 0; i < bytes.length; i++) acc |= bytes[i] ?? 0;
  return acc === 0;
}

/**
 * Raw X25519 (RFC 7748) that refuses an all-zero result. tweetnacl returns zeros for low-order public
 * keys, which would make the "shared" secret one that anybody can compute. Keys come from outside
 * (invites, sealed boxes), so both failures are values, not exceptions.
 */
export function sharedSecretStrict(secretKey: Uint8Array, publicKey: Uint8Array): SharedSecretResult {
  if (!(secretKey instanceof Uint8Array) || !(publicKey instanceof Uint8Array)) {
    throw new TypeError('sharedSecretStrict: secretKey and publicKey must be Uint8Arrays');
  }
  if (secretKey.length !== BOX_SECRET_KEY_BYTES || publicKey.length !== BOX_PUBLIC_KEY_BYTES) {
    return { ok: false, reason: 'bad-length' };
  }
  const shared = nacl.scalarMult(secretKey, publicKey);
  if (isAllZero(shared)) return { ok: false, reason: 'low-order-point' };
  return { ok: true, value: shared };
}

/**
 * `sharedSecretStrict` with the curve maths in native code where Web Crypto has X25519 (it refuses an
 * all-zero result itself, RFC 7748 §6.1; checked here again all the same). Same answers on the
 * Wycheproof set (tests/unit/crypto/x25519Wycheproof.test.ts runs both).
 */
export async function sharedSecretStrictAsync(secretKey: Uint8Array, publicKey: Uint8Array): Promise<SharedSecretResult> {
  if (!(secretKey instanceof Uint8Array) || !(publicKey instanceof Uint8Array)) {
    throw new TypeError('sharedSecretStrictAsync: secretKey and publicKey must be Uint8Arrays');
  }
  if (secretKey.length !== BOX_SECRET_KEY_BYTES || publicKey.length !== BOX_PUBLIC_KEY_BYTES) return { ok: false, reason: 'bad-length' };
  const curves = await webCryptoCurves();
  if (curves === null) return sharedSecretStrict(secretKey, publicKey);
  const shared = await curves.x25519(secretKey, publicKey);
  if (shared === null || isAllZero(shared)) return { ok: false, reason: 'low-order-point' };
  return { ok: true, value: shared };
}
