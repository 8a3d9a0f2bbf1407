// Report versions -> signed, padded, sealed bundle bytes (BUNDLE_FORMAT.md). Used by sync on the device.
import { bytesEqual, concatBytes, utf8Encode, wipe } from '../crypto/bytes';
import { isUsableBoxPublicKey } from '../crypto/boxPublicKey';
import { generateKey } from '../crypto/keyWrap';
import { padToBucket } from '../crypto/padding';
import { sealToPublicKey } from '../crypto/sealedBox';
import { encryptWithKey } from '../crypto/secretbox';
import { contentId } from '../crypto/sha256';
import { signDetached } from '../crypto/signingKeys';
import type { SigningKeyPair } from '../crypto/signingKeys';
import { BUNDLE_MAILBOX_ID_PATTERN, BUNDLE_PAYLOAD_FIXED_BYTES, BUNDLE_SUITES, bundleLimits, bundleSizes } from '../protocol/bundleFormat';
import { encodeSignedHeader } from '../protocol/bundleHeader';
import { encodeUnsignedPayload, signedMessage } from './bundlePayload';
import { bundleVersionSchema } from './bundleVersion';
import type { BundleVersion } from './bundleVersion';

const HOUR_MS = 3_600_000;
/** The padding's 4-byte length prefix counts against the largest bucket too. */
const PADDING_PREFIX_BYTES = 4;
const ZERO_HASH = new Uint8Array(bundleSizes.previousBundleHash);

export interface SealBundleInput {
  /** The organisation's mailbox on the relay; the signature binds it. */
  readonly mailboxId: string;
  /** The coordinators' X25519 public keys, pinned at enrolment; 1..8, no repeats. */
  readonly recipients: readonly Uint8Array[];
  /** The device's Ed25519 key pair: its public key is the device id the coordinator sees. */
  readonly device: SigningKeyPair;
  /** 1..64 versions whose counters follow each other (c, c + 1, ...). */
  readonly versions: readonly BundleVersion[];
  /** SHA-256 of this device's previous bundle bytes; 32 zero bytes exactly when the first counter is 1. */
  readonly previousBundleHash: Uint8Array;
  /** Epoch milliseconds; only the whole hour is stored. Defaults to now. */
  readonly createdAt?: number;
}

export interface SealedBundle {
  readonly bytes: Uint8Array;
  /** base64url(SHA-256(bytes)): the id the relay stores it under. */
  readonly id: string;
  readonly firstCounter: number;
  readonly lastCounter: number;
}

/** 'too-large': the versions do not fit the largest padded payload; seal fewer per bundle. */
export type SealBundleResult = { ok: true; value: SealedBundle } | { ok: false; reason: 'too-large' };

function checkRecipients(recipients: readonly Uint8Array[]): void {
  if (!Array.isArray(recipients) || recipients.length < bundleLimits.minRecipients || recipients.length > bundleLimits.maxRecipients) {
    throw new RangeError(`sealBundle: recipients must hold ${bundleLimits.minRecipients}..${bundleLimits.maxRecipients} keys`);
  }
  recipients.forEach((key, i) => {
    if (!isUsableBoxPublicKey(key)) throw new TypeError(`sealBundle: recipients[${i}] must be a usable 32-byte X25519 public key`);
    if (recipients.slice(0, i).some((other) => bytesEqual(other, key))) throw new TypeError(`sealBundle: recipients[${i}] repeats a key`);
  });
}

function checkVersions(versions: readonly BundleVersion[]): BundleVersion[] {
  if (!Array.isArray(versions) || versions.length < bundleLimits.minVersions || versions.length > bundleLimits.maxVersions) {
    throw new RangeError(`sealBundle: versions must hold ${bundleLimits.minVersions}..${bundleLimits.maxVersions} records`);
  }
  return versions.map((version, i) => {
    const parsed = bundleVersionSchema.safeParse(version);
    if (!parsed.success) throw new TypeError(`sealBundle: versions[${i}] is not a valid report version: ${parsed.error.message}`);
    if (i > 0 && parsed.data.counter !== (versions[0]?.counter ?? 0) + i) {
      throw new RangeError(`sealBundle: versions[${i}].counter must follow versions[${i - 1}].counter`);
    }
    return parsed.data;
  });
}

function checkDevice(device: SigningKeyPair): void {
  const { publicKey, secretKey } = device;
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== bundleSizes.devicePublicKey) {
    throw new TypeError('sealBundle: device.publicKey must be a 32-byte Ed25519 public key');
  }
  // A tweetnacl secret key is seed || public key; a mismatch would seal bundles nobody can verify.
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== 64 || !bytesEqual(secretKey.subarray(32), publicKey)) {
    throw new TypeError('sealBundle: device.secretKey must be the 64-byte Ed25519 secret key of device.publicKey');
  }
}

/**
 * Seals report versions from one device to the organisation's coordinators. Arguments that break the
 * format (bad keys, counters with gaps, an invalid report) are bugs in the caller and throw.
 */
export function sealBundle(input: SealBundleInput): SealBundleResult {
  const { mailboxId, recipients, device, previousBundleHash, createdAt = Date.now() } = input;
  if (typeof mailboxId !== 'string' || !BUNDLE_MAILBOX_ID_PATTERN.test(mailboxId)) {
    throw new TypeError('sealBundle: mailboxId must be 1..64 characters of the base64url alphabet');
  }
  checkRecipients(recipients);
  checkDevice(device);
  const versions = checkVersions(input.versions);
  const firstCounter = versions[0]?.counter ?? 0;
  const lastCounter = firstCounter + versions.length - 1;
  if (lastCounter > bundleLimits.maxCounter) throw new RangeError('sealBundle: versions counters must stay below 2^32');
  if (!(previousBundleHash instanceof Uint8Array) || previousBundleHash.length !== bundleSizes.previousBundleHash) {
    throw new TypeError('sealBundle: previousBundleHash must be 32 bytes');
  }
  // The chain starts at counter 1, so a coordinator can tell a first bundle from one whose predecessor is missing.
  if ((firstCounter === bundleLimits.minCounter) !== bytesEqual(previousBundleHash, ZERO_HASH)) {
    throw new RangeError('sealBundle: previousBundleHash must be all zeros exactly when the first counter is 1');
  }
  if (!Number.isFinite(createdAt) || createdAt < 0 || createdAt / HOUR_MS > bundleLimits.maxCounter) {
    throw new RangeError('sealBundle: createdAt must be epoch milliseconds');
  }

  const versionsJson = utf8Encode(JSON.stringify(versions));
  const payloadLength = BUNDLE_PAYLOAD_FIXED_BYTES + versionsJson.length + bundleSizes.signature;
  if (PADDING_PREFIX_BYTES + payloadLength > bundleLimits.maxPaddedPayloadBytes) return { ok: false, reason: 'too-large' };

  const contentKey = generateKey();
  try {
    const signedHeader = encodeSignedHeader({
      suite: BUNDLE_SUITES.X25519_XSALSA20POLY1305_ED25519_SHA256,
      mailboxId,
      slots: recipients.map((recipient) => sealToPublicKey(contentKey, recipient)),
    });
    const unsigned = encodeUnsignedPayload({
      devicePublicKey: device.publicKey,
      firstCounter,
      lastCounter,
      previousBundleHash,
      createdAtHour: Math.floor(createdAt / HOUR_MS),
      versionsJson,
    });
    const message = signedMessage(signedHeader, unsigned);
    const payload = concatBytes(unsigned, signDetached(message, device.secretKey));
    const padded = padToBucket(payload);
    // encryptWithKey returns nonce || tag || ciphertext: the nonce ends the header, the rest is the body.
    const nonceAndBody = encryptWithKey(contentKey, padded);
    for (const plaintext of [versionsJson, unsigned, message, payload, padded]) wipe(plaintext);
    const bytes = concatBytes(signedHeader, nonceAndBody);
    return { ok: true, value: { bytes, id: contentId(bytes), firstCounter, lastCounter } };
  } finally {
    wipe(contentKey);
  }
}
