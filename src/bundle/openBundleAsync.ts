import { wipe } from '../crypto/bytes';
import { openSealedBoxAsync } from '../crypto/sealedBox';
import { contentIdAsync } from '../crypto/sha256';
import { verifyDetachedStrictAsync } from '../crypto/verifyStrictAsync';
import type { BoxKeyPair } from '../crypto/x25519';
import { bundleSizes } from '../protocol/bundleFormat';
import { checkBundleFrame, decryptBundleBody, finishOpenedBundle } from './bundleOpenSteps';
import type { OpenBundleOptions, OpenBundleResult } from './openBundle';

async function findContentKeyAsync(slots: readonly Uint8Array[], recipient: BoxKeyPair): Promise<Uint8Array | null> {
  for (const slot of slots) {
    const opened = await openSealedBoxAsync(slot, recipient.publicKey, recipient.secretKey);
    if (opened.ok && opened.value.length === bundleSizes.contentKey) return opened.value;
  }
  return null;
}

/**
 * `openBundle` with the X25519 slot opening and the Ed25519 check in native code where Web Crypto has
 * them (a coordinator opens thousands of bundles): the same steps in the same order, the same reasons.
 * tests/unit/bundle/openBundleAsync.test.ts holds the two to the same answers.
 */
export async function openBundleAsync(bytes: Uint8Array, options: OpenBundleOptions): Promise<OpenBundleResult> {
  const frame = checkBundleFrame('openBundleAsync', bytes, options);
  if (!frame.ok) return frame;
  const contentKey = await findContentKeyAsync(frame.value.slots, options.recipientKeyPair);
  if (contentKey === null) return { ok: false, reason: 'not-a-recipient' };
  const body = decryptBundleBody(bytes, frame.value, contentKey);
  if (!body.ok) return body;
  try {
    const { payload, message } = body.value;
    const verified = await verifyDetachedStrictAsync(message, payload.signature, payload.devicePublicKey);
    wipe(message);
    if (!verified) return { ok: false, reason: 'bad-signature' };
    return finishOpenedBundle(await contentIdAsync(bytes), payload);
  } finally {
    wipe(body.value.padded);
  }
}
