// Sealed bundle bytes -> verified report versions (BUNDLE_FORMAT.md §5). Used by the coordinator.
// The bytes come from a relay, a file or anybody: every failure is a reason, never an exception.
import { bytesEqual, toBase64Url, utf8Decode, wipe } from '../crypto/bytes';
import { unpad } from '../crypto/padding';
import { openSealedBox } from '../crypto/sealedBox';
import { decryptWithKey } from '../crypto/secretbox';
import { contentId } from '../crypto/sha256';
import { verifyDetachedStrict } from '../crypto/verifyStrict';
import type { BoxKeyPair } from '../crypto/x25519';
import { BUNDLE_MAX_BYTES, bundleLimits, bundleSizes } from '../protocol/bundleFormat';
import { parseBundleHeader } from '../protocol/bundleHeader';
import { decodePayload, signedMessage } from './bundlePayload';
import type { DecodedPayload } from './bundlePayload';
import { parseBundleVersions } from './bundleVersion';
import type { BundleVersion } from './bundleVersion';

export type BundleOpenFailure =
  /** Lengths or fields that no sealer produces (also: too big, a truncated header or body). */
  | 'malformed'
  | 'unknown-version'
  | 'unknown-suite'
  /** A well-formed bundle for another mailbox (replayed from elsewhere, or misfiled). */
  | 'wrong-mailbox'
  /** No content-key slot opens with this coordinator's key. */
  | 'not-a-recipient'
  /** The body does not authenticate under the content key: altered, truncated or spliced. */
  | 'tampered'
  | 'bad-padding'
  /** The device signature does not verify (strictly) over the header and payload. */
  | 'bad-signature'
  /** Signed, but the content breaks the rules: versions fail the report schema, counters or chain inconsistent. */
  | 'invalid-payload';

export interface OpenedBundle {
  /** base64url(SHA-256(bytes)). */
  readonly id: string;
  readonly devicePublicKey: Uint8Array;
  /** base64url of devicePublicKey, the device id used across the app. */
  readonly deviceId: string;
  readonly firstCounter: number;
  readonly lastCounter: number;
  /** SHA-256 of the device's previous bundle; all zeros when firstCounter is 1. */
  readonly previousBundleHash: Uint8Array;
  /** Whole hours since the Unix epoch, as the device's clock said when sealing. */
  readonly createdAtHour: number;
  readonly versions: readonly BundleVersion[];
}

export type OpenBundleResult = { ok: true; value: OpenedBundle } | { ok: false; reason: BundleOpenFailure };

export interface OpenBundleOptions {
  /** The mailbox this bundle was pulled from; a bundle naming another one is refused. */
  readonly mailboxId: string;
  readonly recipientKeyPair: BoxKeyPair;
}

const ZERO_HASH = new Uint8Array(bundleSizes.previousBundleHash);

function fail(reason: BundleOpenFailure): OpenBundleResult {
  return { ok: false, reason };
}

/** Tries this coordinator's key on every slot: the header carries no hint of whose slot is whose. */
function findContentKey(slots: readonly Uint8Array[], recipient: BoxKeyPair): Uint8Array | null {
  for (const slot of slots) {
    const opened = openSealedBox(slot, recipient.publicKey, recipient.secretKey);
    if (opened.ok && opened.value.length === bundleSizes.contentKey) return opened.value;
  }
  return null;
}

/** The signed content's own rules: counters, the chain's start, and the versions themselves. */
function readVersions(payload: DecodedPayload): BundleVersion[] | null {
  const { firstCounter, lastCounter, previousBundleHash } = payload;
  if (firstCounter < bundleLimits.minCounter || lastCounter < firstCounter) return null;
  if ((firstCounter === bundleLimits.minCounter) !== bytesEqual(previousBundleHash, ZERO_HASH)) return null;
  let json: unknown;
  try {
    json = JSON.parse(utf8Decode(payload.versionsJson));
  } catch {
    return null; // not UTF-8 or not JSON: signed garbage is still garbage
  }
  const versions = parseBundleVersions(json, firstCounter, lastCounter);
  return versions.ok ? versions.value : null;
}

export function openBundle(bytes: Uint8Array, options: OpenBundleOptions): OpenBundleResult {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('openBundle: bytes must be a Uint8Array');
  const { mailboxId, recipientKeyPair } = options;
  if (typeof mailboxId !== 'string') throw new TypeError('openBundle: options.mailboxId must be a string');
  if (!(recipientKeyPair?.publicKey instanceof Uint8Array) || !(recipientKeyPair.secretKey instanceof Uint8Array)) {
    throw new TypeError('openBundle: options.recipientKeyPair must be an X25519 key pair');
  }
  if (bytes.length > BUNDLE_MAX_BYTES) return fail('malformed');

  const header = parseBundleHeader(bytes);
  if (!header.ok) return fail(header.reason);
  if (header.value.mailboxId !== mailboxId) return fail('wrong-mailbox');
  if (bytes.length < header.value.length + bundleSizes.bodyTag) return fail('malformed');

  const contentKey = findContentKey(header.value.slots, recipientKeyPair);
  if (contentKey === null) return fail('not-a-recipient');
  // The nonce ends the header and the body follows it: together they are decryptWithKey's nonce || box.
  const decrypted = decryptWithKey(contentKey, bytes.subarray(header.value.signedLength));
  wipe(contentKey);
  if (!decrypted.ok) return fail('tampered');
  const padded = decrypted.value;
  try {
    const unpadded = unpad(padded);
    if (!unpadded.ok) return fail('bad-padding');
    const payload = decodePayload(unpadded.value);
    if (payload === null) return fail('malformed');
    const message = signedMessage(bytes.subarray(0, header.value.signedLength), payload.unsigned);
    const verified = verifyDetachedStrict(message, payload.signature, payload.devicePublicKey);
    wipe(message);
    if (!verified) return fail('bad-signature');
    const versions = readVersions(payload);
    if (versions === null) return fail('invalid-payload');
    return {
      ok: true,
      value: {
        id: contentId(bytes),
        devicePublicKey: payload.devicePublicKey,
        deviceId: toBase64Url(payload.devicePublicKey),
        firstCounter: payload.firstCounter,
        lastCounter: payload.lastCounter,
        previousBundleHash: payload.previousBundleHash,
        createdAtHour: payload.createdAtHour,
        versions,
      },
    };
  } finally {
    wipe(padded);
  }
}
