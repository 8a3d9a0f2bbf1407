import { fromBase64Url } from '../crypto/bytes';
import { fingerprint } from '../crypto/fingerprint';

/** "XXXX XXXX XXXX XXXX" for a device id (base64url Ed25519 public key), as the monitor's settings show it. */
export function deviceFingerprint(deviceId: string): string {
  const key = fromBase64Url(deviceId);
  if (key === null || key.length !== 32) throw new TypeError(`deviceFingerprint: deviceId must be 32 bytes of base64url, got "${deviceId}"`);
  return fingerprint(key);
}
