import { fromBase64Url, toBase64Url } from '../crypto/bytes';
import { isUsableBoxPublicKey } from '../crypto/boxPublicKey';
import { fingerprint } from '../crypto/fingerprint';
import type { CoordinatorKeys, PinnedCoordinator, Result } from './storeApi';

const PUBLIC_KEY_BYTES = 32;

/** The 32 key bytes of canonical unpadded base64url text, or null. */
function decodeKey(text: unknown): Uint8Array | null {
  if (typeof text !== 'string') return null;
  const bytes = fromBase64Url(text);
  if (bytes === null || bytes.length !== PUBLIC_KEY_BYTES || toBase64Url(bytes) !== text) return null;
  return bytes;
}

/**
 * Checks each coordinator's keys and adds their fingerprints. An X25519 key of low order (every
 * "shared" secret all zeros) or an all-zero Ed25519 key is refused: nobody could be sealed to or
 * verified with it, so an invite carrying one is broken or hostile.
 */
export function pinCoordinatorKeys(coordinators: readonly CoordinatorKeys[]): Result<PinnedCoordinator[], 'unusable-key'> {
  if (!Array.isArray(coordinators) || coordinators.length === 0) throw new TypeError('pinCoordinatorKeys: coordinators must be a non-empty array');
  const pinned: PinnedCoordinator[] = [];
  for (const coordinator of coordinators) {
    const box = decodeKey(coordinator.boxPublicKey);
    const sign = decodeKey(coordinator.signPublicKey);
    if (box === null || sign === null || !isUsableBoxPublicKey(box) || sign.every((byte) => byte === 0)) return { ok: false, reason: 'unusable-key' };
    pinned.push({
      name: coordinator.name,
      boxPublicKey: coordinator.boxPublicKey,
      signPublicKey: coordinator.signPublicKey,
      boxFingerprint: fingerprint(box),
      signFingerprint: fingerprint(sign),
    });
  }
  return { ok: true, value: pinned };
}

/** The X25519 keys to seal bundles to, decoded; the keys were checked when pinned. */
export function recipientKeysOf(coordinators: readonly CoordinatorKeys[]): Uint8Array[] {
  return coordinators.map((coordinator, i) => {
    const key = decodeKey(coordinator.boxPublicKey);
    if (key === null) throw new Error(`recipientKeysOf: pinned coordinator ${i} has no valid box key`);
    return key;
  });
}
