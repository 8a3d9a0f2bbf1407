import { deviceMailboxId } from '../crypto/deviceMailboxId';

/** The device mailbox a coordinator's receipts for this device go to (PROTOCOL.md, "Device mailboxes"). */
export function receiptAddress(devicePublicKey: Uint8Array): string {
  return deviceMailboxId(devicePublicKey);
}
