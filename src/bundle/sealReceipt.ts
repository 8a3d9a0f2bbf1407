// A coordinator's receipt for one device: statement JSON signed by the coordinator, padded, and sealed
// to the device's X25519 key (converted from its Ed25519 device key), so only that device can read it.
import { concatBytes, toBase64Url } from '../crypto/bytes';
import { deviceMailboxId } from '../crypto/deviceMailboxId';
import { ed25519PublicKeyToX25519 } from '../crypto/ed25519ToX25519';
import { padToBucket } from '../crypto/padding';
import { sealToPublicKey } from '../crypto/sealedBox';
import { signDetached } from '../crypto/signingKeys';
import type { SigningKeyPair } from '../crypto/signingKeys';
import { encodeReceiptStatement, RECEIPT_FORMAT, RECEIPT_MAX_RANGES, receiptSignedMessage } from './receiptStatement';

export interface SealReceiptInput {
  /** The device's Ed25519 public key, as its bundles carry it. */
  readonly devicePublicKey: Uint8Array;
  readonly organisationMailbox: string;
  /** Counter ranges the coordinator holds for this device, ascending and disjoint. */
  readonly counters: readonly { readonly first: number; readonly last: number }[];
  readonly coordinator: SigningKeyPair;
  /** Epoch milliseconds. */
  readonly now: number;
}

export interface SealedReceipt {
  /** Where to put it on the relay. */
  readonly deviceMailbox: string;
  readonly bytes: Uint8Array;
}

/** Answers null when the device key has no usable X25519 counterpart (no device key that signed a bundle is like that). */
export function sealReceipt(input: SealReceiptInput): SealedReceipt | null {
  const recipient = ed25519PublicKeyToX25519(input.devicePublicKey);
  if (recipient === null) return null;
  const deviceMailbox = deviceMailboxId(input.devicePublicKey);
  const statement = encodeReceiptStatement({
    format: RECEIPT_FORMAT,
    deviceMailbox,
    deviceId: toBase64Url(input.devicePublicKey),
    organisationMailbox: input.organisationMailbox,
    counters: input.counters.slice(0, RECEIPT_MAX_RANGES).map((range): [number, number] => [range.first, range.last]),
    issuedAtHour: Math.floor(input.now / 3_600_000),
  });
  const signature = signDetached(receiptSignedMessage(statement), input.coordinator.secretKey);
  return { deviceMailbox, bytes: sealToPublicKey(padToBucket(concatBytes(signature, statement)), recipient) };
}
