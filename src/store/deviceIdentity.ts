import { toBase64Url, wipe } from '../crypto/bytes';
import { generateSigningKeyPair } from '../crypto/signingKeys';
import type { DataKeyHolder } from './dataKeyHolder';

const SECRET_KEY_BYTES = 64;

/**
 * A new device Ed25519 key pair, sealed under the data key. The raw 64-byte secret key is sealed
 * (not JSON) so that no copy of it lingers in an immutable string.
 */
export function createDeviceIdentity(holder: DataKeyHolder): { sealedIdentity: Uint8Array; deviceId: string } {
  const pair = generateSigningKeyPair();
  const sealedIdentity = holder.sealBytes(pair.secretKey, 'createVault');
  wipe(pair.secretKey);
  return { sealedIdentity, deviceId: toBase64Url(pair.publicKey) };
}

/** The device id (base64url Ed25519 public key) from the sealed identity; the secret key is wiped at once. */
export function readDeviceId(holder: DataKeyHolder, sealedIdentity: Uint8Array): string {
  const secretKey = holder.openBytes(sealedIdentity, 'unlock');
  if (secretKey.length !== SECRET_KEY_BYTES) throw new Error('unlock: the stored device identity has the wrong length');
  // tweetnacl's Ed25519 secret key is seed(32) || public key(32).
  const deviceId = toBase64Url(secretKey.subarray(32));
  wipe(secretKey);
  return deviceId;
}

/** The device's Ed25519 key pair for one signing operation; the caller wipes secretKey right after. */
export function openDeviceKeyPair(holder: DataKeyHolder, sealedIdentity: Uint8Array, operation: string): { publicKey: Uint8Array; secretKey: Uint8Array } {
  const secretKey = holder.openBytes(sealedIdentity, operation);
  if (secretKey.length !== SECRET_KEY_BYTES) {
    wipe(secretKey);
    throw new Error(`${operation}: the stored device identity has the wrong length`);
  }
  return { publicKey: secretKey.slice(32), secretKey };
}
