// Sealed bundle bytes -> verified report versions (BUNDLE_FORMAT.md §5). Used by the coordinator.
// The bytes come from a relay, a file or anybody: every failure is a reason, never an exception.
import { wipe } from '../crypto/bytes';
import { openSealedBox } from '../crypto/sealedBox';
import { contentId } from '../crypto/sha256';
import { verifyDetachedStrict } from '../crypto/verifyStrict';
import type { BoxKeyPair } from '../crypto/x25519';
import { bundleSizes } from '../protocol/bundleFormat';
import { checkBundleFrame, decryptBundleBody, finishOpenedBundle } from './bundleOpenSteps';
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

/** Tries this coordinator's key on every slot: the header carries no hint of whose slot is whose. */
function findContentKey(slots: readonly Uint8Array[], recipient: BoxKeyPair): Uint8Array | null {
  for (const slot of slots) {
    const opened = openSealedBox(slot, recipient.publicKey, recipient.secretKey);
    if (opened.ok && opened.value.length === bundleSizes.contentKey) return opened.value;
  }
  return null;
}

/** Opens and verifies with tweetnacl alone (synchronous); `openBundleAsync` gives the same answers faster. */
export function openBundle(bytes: Uint8Array, options: OpenBundleOptions): OpenBundleResult {
  const frame = checkBundleFrame('openBundle', bytes, options);
  if (!frame.ok) return frame;
  const contentKey = findContentKey(frame.value.slots, options.recipientKeyPair);
  if (contentKey === null) return { ok: false, reason: 'not-a-recipient' };
  const body = decryptBundleBody(bytes, frame.value, contentKey);
  if (!body.ok) return body;
  try {
    const { payload, message } = body.value;
    const verified = verifyDetachedStrict(message, payload.signature, payload.devicePublicKey);
    wipe(message);
    if (!verified) return { ok: false, reason: 'bad-signature' };
    return finishOpenedBundle(contentId(bytes), payload);
  } finally {
    wipe(body.value.padded);
  }
}
