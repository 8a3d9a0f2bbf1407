// A device opens what arrives in its mailbox: only a receipt sealed to it, signed by one of the
// coordinators pinned at joining, and naming this very device and organisation is believed.
import { fromBase64Url, toBase64Url, utf8Decode, wipe } from '../crypto/bytes';
import { deviceMailboxId } from '../crypto/deviceMailboxId';
import { ed25519PublicKeyToX25519, ed25519SecretKeyToX25519 } from '../crypto/ed25519ToX25519';
import { unpad } from '../crypto/padding';
import { openSealedBox } from '../crypto/sealedBox';
import { SIGNATURE_BYTES, verifyDetachedStrict } from '../crypto/verifyStrict';
import { receiptSignedMessage, receiptStatementSchema } from './receiptStatement';

export type ReceiptOpenFailure =
  /** Not sealed to this device, or altered. */
  | 'not-for-this-device'
  /** Opens, but is not a receipt of a format this code reads. */
  | 'malformed'
  /** No pinned coordinator signed it. */
  | 'bad-signature'
  /** Signed, but for another device, device mailbox or organisation (copied from elsewhere). */
  | 'wrong-recipient';

export interface OpenedReceipt {
  /** Index into the pinned signing keys of the coordinator who signed. */
  readonly signer: number;
  readonly counters: readonly { readonly first: number; readonly last: number }[];
  readonly issuedAtHour: number;
}

export type OpenReceiptResult = { ok: true; value: OpenedReceipt } | { ok: false; reason: ReceiptOpenFailure };

export interface OpenReceiptOptions {
  /** The device's Ed25519 key pair (tweetnacl's 64-byte secret key); the caller wipes it afterwards. */
  readonly device: { readonly publicKey: Uint8Array; readonly secretKey: Uint8Array };
  readonly organisationMailbox: string;
  /** The Ed25519 public keys of the coordinators pinned at joining, base64url. */
  readonly coordinatorSignKeys: readonly string[];
}

export function openReceipt(bytes: Uint8Array, options: OpenReceiptOptions): OpenReceiptResult {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('openReceipt: bytes must be a Uint8Array');
  const boxPublic = ed25519PublicKeyToX25519(options.device.publicKey);
  if (boxPublic === null) throw new TypeError('openReceipt: options.device.publicKey is not a usable Ed25519 key');
  const boxSecret = ed25519SecretKeyToX25519(options.device.secretKey);
  const opened = openSealedBox(bytes, boxPublic, boxSecret);
  wipe(boxSecret);
  if (!opened.ok) return { ok: false, reason: 'not-for-this-device' };
  const unpadded = unpad(opened.value);
  if (!unpadded.ok || unpadded.value.length <= SIGNATURE_BYTES) return { ok: false, reason: 'malformed' };
  const signature = unpadded.value.subarray(0, SIGNATURE_BYTES);
  const statementJson = unpadded.value.subarray(SIGNATURE_BYTES);
  const message = receiptSignedMessage(statementJson);
  const signer = options.coordinatorSignKeys.findIndex((key) => {
    const publicKey = fromBase64Url(key);
    return publicKey !== null && verifyDetachedStrict(message, signature, publicKey);
  });
  if (signer < 0) return { ok: false, reason: 'bad-signature' };
  let json: unknown;
  try {
    json = JSON.parse(utf8Decode(statementJson));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const statement = receiptStatementSchema.safeParse(json);
  if (!statement.success) return { ok: false, reason: 'malformed' };
  const { deviceMailbox, deviceId, organisationMailbox, counters, issuedAtHour } = statement.data;
  if (
    deviceId !== toBase64Url(options.device.publicKey) ||
    deviceMailbox !== deviceMailboxId(options.device.publicKey) ||
    organisationMailbox !== options.organisationMailbox
  ) {
    return { ok: false, reason: 'wrong-recipient' };
  }
  return { ok: true, value: { signer, counters: counters.map(([first, last]) => ({ first, last })), issuedAtHour } };
}
