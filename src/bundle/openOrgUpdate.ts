// A device opens what arrives in its mailbox as an organisation update: sealed to it, then judged by
// acceptOrgUpdate against what it pins now.
import { wipe } from '../crypto/bytes';
import { ed25519PublicKeyToX25519, ed25519SecretKeyToX25519 } from '../crypto/ed25519ToX25519';
import { unpad } from '../crypto/padding';
import { openSealedBox } from '../crypto/sealedBox';
import { acceptOrgUpdate } from './acceptOrgUpdate';
import type { AcceptedOrgUpdate, OrgUpdateRefusal, PinnedOrganisation } from './acceptOrgUpdate';

export type OpenOrgUpdateResult = { ok: true; value: AcceptedOrgUpdate } | { ok: false; reason: OrgUpdateRefusal | 'not-for-this-device' };

/** `device` is the device's Ed25519 key pair (tweetnacl's 64-byte secret key); the caller wipes it afterwards. */
export function openOrgUpdate(
  bytes: Uint8Array,
  device: { readonly publicKey: Uint8Array; readonly secretKey: Uint8Array },
  pinned: PinnedOrganisation,
): OpenOrgUpdateResult {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('openOrgUpdate: bytes must be a Uint8Array');
  const boxPublic = ed25519PublicKeyToX25519(device.publicKey);
  if (boxPublic === null) throw new TypeError('openOrgUpdate: device.publicKey is not a usable Ed25519 key');
  const boxSecret = ed25519SecretKeyToX25519(device.secretKey);
  const opened = openSealedBox(bytes, boxPublic, boxSecret);
  wipe(boxSecret);
  if (!opened.ok) return { ok: false, reason: 'not-for-this-device' };
  const unpadded = unpad(opened.value);
  if (!unpadded.ok) return { ok: false, reason: 'malformed' };
  return acceptOrgUpdate(pinned, unpadded.value);
}
