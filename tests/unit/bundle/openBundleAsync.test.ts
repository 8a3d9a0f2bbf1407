// openBundleAsync (Web Crypto curves) must answer exactly as openBundle (tweetnacl) on every input:
// valid bundles, every kind of damage, forged content, and the shipped fixtures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../../src/bundle/openBundle';
import type { OpenBundleResult } from '../../../src/bundle/openBundle';
import { openBundleAsync } from '../../../src/bundle/openBundleAsync';
import { concatBytes } from '../../../src/crypto/bytes';
import { webCryptoCurves } from '../../../src/crypto/webCryptoCurves';
import { boxKeys, craftBundle, MAILBOX, OTHER_MAILBOX, payloadFields, sealChain, sealOrThrow, signedPayload, signingKeys, versionsFor, ZERO_HASH } from './bundleTestKit';

const device = signingKeys('device-async');
const coordinator = boxKeys('coordinator-async');
const other = boxKeys('coordinator-other');
const options = { mailboxId: MAILBOX, recipientKeyPair: coordinator };

async function bothAgree(bytes: Uint8Array, opts = options): Promise<OpenBundleResult> {
  const sync = openBundle(bytes, opts);
  const native = await openBundleAsync(bytes, opts);
  expect(native).toEqual(sync);
  return native;
}

describe('openBundleAsync gives the same answers as openBundle', () => {
  it('runs on native Web Crypto here (otherwise this would compare tweetnacl with itself)', async () => {
    expect(await webCryptoCurves()).not.toBeNull();
  });

  it('opens a chain of bundles sealed to two coordinators, as either of them, with identical results', async () => {
    const chain = sealChain({ device, recipients: [other.publicKey, coordinator.publicKey], sizes: [1, 3, 2] });
    for (const bundle of chain.bundles) {
      const asCoordinator = await bothAgree(bundle.bytes);
      expect(asCoordinator.ok).toBe(true);
      expect((await bothAgree(bundle.bytes, { mailboxId: MAILBOX, recipientKeyPair: other })).ok).toBe(true);
    }
  });

  it('agrees on the failures: wrong mailbox, not a recipient, bad signature, invalid payload', async () => {
    const sealed = sealOrThrow({ mailboxId: MAILBOX, recipients: [coordinator.publicKey], device, versions: versionsFor(1, 1), previousBundleHash: ZERO_HASH });
    expect(await bothAgree(sealed.bytes, { mailboxId: OTHER_MAILBOX, recipientKeyPair: coordinator })).toEqual({ ok: false, reason: 'wrong-mailbox' });
    expect(await bothAgree(sealed.bytes, { mailboxId: MAILBOX, recipientKeyPair: boxKeys('stranger') })).toEqual({ ok: false, reason: 'not-a-recipient' });
    const impostor = signingKeys('impostor');
    const badSignature = craftBundle({
      recipients: [coordinator.publicKey],
      // Claims to be `device` but is signed by another key.
      payload: (h) => signedPayload(h, payloadFields(device, versionsFor(1, 1), ZERO_HASH), impostor),
    });
    expect(await bothAgree(badSignature)).toEqual({ ok: false, reason: 'bad-signature' });
    const invalid = craftBundle({ recipients: [coordinator.publicKey], payload: (h) => signedPayload(h, payloadFields(device, [{ nonsense: true }], ZERO_HASH, { first: 1, last: 1 }), device) });
    expect(await bothAgree(invalid)).toEqual({ ok: false, reason: 'invalid-payload' });
  });

  it('agrees on random single-bit flips, truncations and appended bytes', async () => {
    const sealed = sealOrThrow({ mailboxId: MAILBOX, recipients: [other.publicKey, coordinator.publicKey], device, versions: versionsFor(1, 2), previousBundleHash: ZERO_HASH });
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: sealed.bytes.length * 8 - 1 }), fc.nat({ max: sealed.bytes.length - 1 }), async (bit, cut) => {
        const flipped = sealed.bytes.slice();
        flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        expect((await bothAgree(flipped)).ok).toBe(false);
        expect((await bothAgree(sealed.bytes.subarray(0, cut))).ok).toBe(false);
      }),
      { numRuns: 150 },
    );
    expect((await bothAgree(concatBytes(sealed.bytes, Uint8Array.of(1)))).ok).toBe(false);
  });

  it('agrees on random plaintext behind a valid content key (a forger who knows the coordinator key)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (plaintext) => {
        expect((await bothAgree(craftBundle({ recipients: [coordinator.publicKey], payload: () => plaintext }))).ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('throws for non-byte input, as openBundle does', async () => {
    await expect(openBundleAsync('bytes' as unknown as Uint8Array, options)).rejects.toThrow(/openBundleAsync: bytes must be a Uint8Array/);
  });
});
