// The clear header of a bundle (BUNDLE_FORMAT.md §2): the only part a relay can read. It needs no key,
// so the relay may parse it too (e.g. to refuse a bundle whose mailbox id is not the URL's).
import {
  BUNDLE_FORMAT_VERSION,
  BUNDLE_HEADER_PREFIX_BYTES,
  BUNDLE_MAGIC,
  BUNDLE_MAILBOX_ID_PATTERN,
  BUNDLE_SUITES,
  bundleLimits,
  bundleSizes,
} from './bundleFormat';

export interface BundleHeader {
  readonly formatVersion: number;
  readonly suite: number;
  readonly mailboxId: string;
  /** One sealed content key per coordinator, each `bundleSizes.slot` bytes; views into the input. */
  readonly slots: readonly Uint8Array[];
  readonly nonce: Uint8Array;
  /** Bytes before the nonce: the part of the header the device signature covers. */
  readonly signedLength: number;
  /** Header length in bytes: the body starts here. */
  readonly length: number;
}

export type BundleHeaderFailure = 'malformed' | 'unknown-version' | 'unknown-suite';
export type BundleHeaderResult = { ok: true; value: BundleHeader } | { ok: false; reason: BundleHeaderFailure };

const SUITE_IDS: readonly number[] = Object.values(BUNDLE_SUITES);

function asciiOf(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/**
 * Reads the clear header from the start of `bytes`. Every length is checked before it is used, and
 * hostile input gives a reason, never an exception. The version byte is read before anything that a
 * later version might lay out differently.
 */
export function parseBundleHeader(bytes: Uint8Array): BundleHeaderResult {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('parseBundleHeader: bytes must be a Uint8Array');
  if (bytes.length < BUNDLE_HEADER_PREFIX_BYTES) return { ok: false, reason: 'malformed' };
  for (let i = 0; i < BUNDLE_MAGIC.length; i++) {
    if (bytes[i] !== BUNDLE_MAGIC[i]) return { ok: false, reason: 'malformed' };
  }
  const formatVersion = bytes[4] ?? 0;
  if (formatVersion !== BUNDLE_FORMAT_VERSION) return { ok: false, reason: 'unknown-version' };
  const suite = bytes[5] ?? 0;
  if (!SUITE_IDS.includes(suite)) return { ok: false, reason: 'unknown-suite' };

  const mailboxLength = bytes[6] ?? 0;
  let at = BUNDLE_HEADER_PREFIX_BYTES;
  if (mailboxLength < bundleLimits.mailboxIdMinChars || mailboxLength > bundleLimits.mailboxIdMaxChars) {
    return { ok: false, reason: 'malformed' };
  }
  if (bytes.length < at + mailboxLength + bundleSizes.recipientCount) return { ok: false, reason: 'malformed' };
  const mailboxId = asciiOf(bytes.subarray(at, at + mailboxLength));
  if (!BUNDLE_MAILBOX_ID_PATTERN.test(mailboxId)) return { ok: false, reason: 'malformed' };
  at += mailboxLength;

  const recipientCount = bytes[at] ?? 0;
  at += bundleSizes.recipientCount;
  if (recipientCount < bundleLimits.minRecipients || recipientCount > bundleLimits.maxRecipients) {
    return { ok: false, reason: 'malformed' };
  }
  const signedLength = at + recipientCount * bundleSizes.slot;
  const length = signedLength + bundleSizes.nonce;
  if (bytes.length < length) return { ok: false, reason: 'malformed' };
  const slots: Uint8Array[] = [];
  for (let i = 0; i < recipientCount; i++) slots.push(bytes.subarray(at + i * bundleSizes.slot, at + (i + 1) * bundleSizes.slot));
  const nonce = bytes.subarray(signedLength, length);
  return { ok: true, value: { formatVersion, suite, mailboxId, slots, nonce, signedLength, length } };
}

/**
 * Writes a version-1 header up to and including the slots. The nonce that completes it is the first
 * part of the secretbox output (nonce || tag || ciphertext), which is chosen after the device signs.
 * Arguments come from the sealing code, so wrong ones are bugs and throw.
 */
export function encodeSignedHeader(header: {
  readonly suite: number;
  readonly mailboxId: string;
  readonly slots: readonly Uint8Array[];
}): Uint8Array {
  const { suite, mailboxId, slots } = header;
  if (!SUITE_IDS.includes(suite)) throw new RangeError(`encodeSignedHeader: suite ${suite} is not a known suite id`);
  if (!BUNDLE_MAILBOX_ID_PATTERN.test(mailboxId)) {
    throw new TypeError('encodeSignedHeader: mailboxId must be 1..64 characters of the base64url alphabet');
  }
  if (slots.length < bundleLimits.minRecipients || slots.length > bundleLimits.maxRecipients) {
    throw new RangeError(`encodeSignedHeader: slots must number ${bundleLimits.minRecipients}..${bundleLimits.maxRecipients}`);
  }
  if (slots.some((slot) => !(slot instanceof Uint8Array) || slot.length !== bundleSizes.slot)) {
    throw new TypeError(`encodeSignedHeader: every slot must be a ${bundleSizes.slot}-byte Uint8Array`);
  }
  const out = new Uint8Array(BUNDLE_HEADER_PREFIX_BYTES + mailboxId.length + bundleSizes.recipientCount + slots.length * bundleSizes.slot);
  out.set(BUNDLE_MAGIC, 0);
  out[4] = BUNDLE_FORMAT_VERSION;
  out[5] = suite;
  out[6] = mailboxId.length;
  let at = BUNDLE_HEADER_PREFIX_BYTES;
  for (let i = 0; i < mailboxId.length; i++) out[at++] = mailboxId.charCodeAt(i);
  out[at++] = slots.length;
  for (const slot of slots) {
    out.set(slot, at);
    at += slot.length;
  }
  return out;
}
