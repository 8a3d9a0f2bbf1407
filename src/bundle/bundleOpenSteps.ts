// The steps of opening a bundle (BUNDLE_FORMAT.md §5) that do not depend on how the curve maths runs,
// shared by `openBundle` (tweetnacl) and `openBundleAsync` (Web Crypto), so both give the same answers.
import { bytesEqual, toBase64Url, utf8Decode, wipe } from '../crypto/bytes';
import { unpad } from '../crypto/padding';
import { decryptWithKey } from '../crypto/secretbox';
import { BUNDLE_MAX_BYTES, bundleLimits, bundleSizes } from '../protocol/bundleFormat';
import { parseBundleHeader } from '../protocol/bundleHeader';
import type { BundleHeader } from '../protocol/bundleHeader';
import { decodePayload, signedMessage } from './bundlePayload';
import type { DecodedPayload } from './bundlePayload';
import { parseBundleVersions } from './bundleVersion';
import type { BundleVersion } from './bundleVersion';
import type { BundleOpenFailure, OpenBundleOptions, OpenBundleResult } from './openBundle';

type Step<T> = { ok: true; value: T } | { ok: false; reason: BundleOpenFailure };

const ZERO_HASH = new Uint8Array(bundleSizes.previousBundleHash);

/** Arguments (bugs throw), size and clear header (failures are reasons), before any key is tried. */
export function checkBundleFrame(fn: string, bytes: Uint8Array, options: OpenBundleOptions): Step<BundleHeader> {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`${fn}: bytes must be a Uint8Array`);
  const { mailboxId, recipientKeyPair } = options;
  if (typeof mailboxId !== 'string') throw new TypeError(`${fn}: options.mailboxId must be a string`);
  if (!(recipientKeyPair?.publicKey instanceof Uint8Array) || !(recipientKeyPair.secretKey instanceof Uint8Array)) {
    throw new TypeError(`${fn}: options.recipientKeyPair must be an X25519 key pair`);
  }
  if (bytes.length > BUNDLE_MAX_BYTES) return { ok: false, reason: 'malformed' };
  const header = parseBundleHeader(bytes);
  if (!header.ok) return header;
  if (header.value.mailboxId !== mailboxId) return { ok: false, reason: 'wrong-mailbox' };
  if (bytes.length < header.value.length + bundleSizes.bodyTag) return { ok: false, reason: 'malformed' };
  return header;
}

export interface DecryptedBody {
  readonly payload: DecodedPayload;
  /** What the device signed: the clear header and the unsigned payload. Wipe after verifying. */
  readonly message: Uint8Array;
  /** The decrypted padded payload, which `payload` points into. Wipe when done. */
  readonly padded: Uint8Array;
}

/** Decrypts with the content key (then wiped), unpads and decodes. On failure nothing is left behind. */
export function decryptBundleBody(bytes: Uint8Array, header: BundleHeader, contentKey: Uint8Array): Step<DecryptedBody> {
  // The nonce ends the header and the body follows it: together they are decryptWithKey's nonce || box.
  const decrypted = decryptWithKey(contentKey, bytes.subarray(header.signedLength));
  wipe(contentKey);
  if (!decrypted.ok) return { ok: false, reason: 'tampered' };
  const padded = decrypted.value;
  const unpadded = unpad(padded);
  const payload = unpadded.ok ? decodePayload(unpadded.value) : null;
  if (payload === null) {
    wipe(padded);
    return { ok: false, reason: unpadded.ok ? 'malformed' : 'bad-padding' };
  }
  const message = signedMessage(bytes.subarray(0, header.signedLength), payload.unsigned);
  return { ok: true, value: { payload, message, padded } };
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

/** After the signature verified: the versions, and the opened bundle (`id` = contentId of its bytes). */
export function finishOpenedBundle(id: string, payload: DecodedPayload): OpenBundleResult {
  const versions = readVersions(payload);
  if (versions === null) return { ok: false, reason: 'invalid-payload' };
  return {
    ok: true,
    value: {
      id,
      devicePublicKey: payload.devicePublicKey,
      deviceId: toBase64Url(payload.devicePublicKey),
      firstCounter: payload.firstCounter,
      lastCounter: payload.lastCounter,
      previousBundleHash: payload.previousBundleHash,
      createdAtHour: payload.createdAtHour,
      versions,
    },
  };
}
