import { concatBytes, toBase64Url, utf8Encode } from './bytes';
import { sha256 } from './sha256';

const DOMAIN = utf8Encode('dala-device-mailbox-v1');

/**
 * The relay address of a device's own mailbox (receipts flow back through it): base64url of the first
 * 16 bytes of SHA-256("dala-device-mailbox-v1" || Ed25519 public key), 22 characters — the same form as
 * an organisation's mailbox id. One-way, so the relay cannot turn it back into the device id that only
 * coordinators see (PROTOCOL.md, "Device mailboxes").
 */
export function deviceMailboxId(devicePublicKey: Uint8Array): string {
  if (!(devicePublicKey instanceof Uint8Array) || devicePublicKey.length !== 32) {
    throw new TypeError('deviceMailboxId: devicePublicKey must be a 32-byte Uint8Array');
  }
  return toBase64Url(sha256(concatBytes(DOMAIN, devicePublicKey)).subarray(0, 16));
}
