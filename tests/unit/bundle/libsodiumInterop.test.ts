// P7 (no lock-in): a bundle opens with nothing but libsodium and BUNDLE_FORMAT.md, and a bundle built
// the same way opens with openBundle. Nothing here uses the project's own parsing, padding or crypto.
import { createHash } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../src/bundle/openBundle';
import { boxKeys, MAILBOX, must, sealOrThrow, signingKeys, versionsFor, ZERO_HASH } from './bundleTestKit';

beforeAll(async () => {
  await sodium.ready;
});

const SIGNATURE_CONTEXT = 'dala/bundle/v1/signature';
const BUCKETS = [1024, 4096, 16384, 65536, ...Array.from({ length: 64 }, (_, i) => (i + 1) * 1024 * 1024)];

function u32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, false);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

function be32(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, false);
  return out;
}

/** A reader written from BUNDLE_FORMAT.md alone, with libsodium for every primitive. */
function readWithLibsodium(bytes: Uint8Array, publicKey: Uint8Array, privateKey: Uint8Array) {
  expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('DALA');
  expect([bytes[4], bytes[5]]).toEqual([1, 1]);
  const m = must(bytes[6], 'mailbox id length');
  const mailboxId = new TextDecoder().decode(bytes.subarray(7, 7 + m));
  const r = must(bytes[7 + m], 'recipient count');
  const slotsStart = 8 + m;
  const signedLength = slotsStart + 80 * r;
  const nonce = bytes.subarray(signedLength, signedLength + 24);
  const body = bytes.subarray(signedLength + 24);
  let contentKey: Uint8Array | undefined;
  for (let i = 0; i < r && contentKey === undefined; i++) {
    try {
      contentKey = sodium.crypto_box_seal_open(bytes.subarray(slotsStart + 80 * i, slotsStart + 80 * (i + 1)), publicKey, privateKey);
    } catch {
      // not this coordinator's slot
    }
  }
  if (contentKey === undefined) throw new Error('no slot opened');
  const padded = sodium.crypto_secretbox_open_easy(body, nonce, contentKey);
  const payload = padded.subarray(4, 4 + u32(padded, 0));
  const devicePublicKey = payload.subarray(0, 32);
  const versionsLength = u32(payload, 76);
  const unsigned = payload.subarray(0, 80 + versionsLength);
  const signature = payload.subarray(80 + versionsLength, 80 + versionsLength + 64);
  const signed = concat(new TextEncoder().encode(SIGNATURE_CONTEXT), bytes.subarray(0, signedLength), unsigned);
  return {
    id: createHash('sha256').update(bytes).digest('base64url'),
    mailboxId,
    signatureValid: sodium.crypto_sign_verify_detached(signature, signed, devicePublicKey),
    devicePublicKey: sodium.to_base64(devicePublicKey, sodium.base64_variants.URLSAFE_NO_PADDING),
    firstCounter: u32(payload, 32),
    lastCounter: u32(payload, 36),
    previousBundleHash: payload.slice(40, 72),
    createdAtHour: u32(payload, 72),
    versions: JSON.parse(new TextDecoder().decode(payload.subarray(80, 80 + versionsLength))) as unknown,
    fillIsZero: padded.subarray(4 + payload.length).every((b) => b === 0),
    paddedLength: padded.length,
  };
}

describe('bundles and libsodium', () => {
  it('libsodium alone opens a sealed bundle for each of its coordinators and verifies the signature', () => {
    const device = signingKeys('device-1');
    const coordinators = [sodium.crypto_box_keypair(), sodium.crypto_box_keypair()];
    const versions = versionsFor(1, 3);
    const sealed = sealOrThrow({
      mailboxId: MAILBOX,
      recipients: coordinators.map((c) => c.publicKey),
      device,
      versions,
      previousBundleHash: ZERO_HASH,
      createdAt: Date.UTC(2025, 2, 1, 14, 59),
    });
    for (const coordinator of coordinators) {
      const read = readWithLibsodium(sealed.bytes, coordinator.publicKey, coordinator.privateKey);
      expect(read.id).toBe(sealed.id);
      expect(read.mailboxId).toBe(MAILBOX);
      expect(read.signatureValid).toBe(true);
      expect(read.devicePublicKey).toBe(sodium.to_base64(device.publicKey, sodium.base64_variants.URLSAFE_NO_PADDING));
      expect([read.firstCounter, read.lastCounter]).toEqual([1, 3]);
      expect(read.previousBundleHash).toEqual(ZERO_HASH);
      expect(read.createdAtHour).toBe(Date.UTC(2025, 2, 1, 14) / 3_600_000);
      expect(read.versions).toEqual(versions);
      expect(read.fillIsZero).toBe(true);
      expect(BUCKETS).toContain(read.paddedLength);
    }
  });

  it('openBundle opens a bundle built with libsodium from the document alone', () => {
    const seed = sodium.randombytes_buf(32);
    const signer = sodium.crypto_sign_seed_keypair(seed);
    const coordinator = boxKeys('coordinator-1');
    const versions = versionsFor(1, 2);

    const contentKey = sodium.randombytes_buf(32);
    const signedHeader = concat(
      new TextEncoder().encode('DALA'),
      Uint8Array.of(1, 1, MAILBOX.length),
      new TextEncoder().encode(MAILBOX),
      Uint8Array.of(1),
      sodium.crypto_box_seal(contentKey, coordinator.publicKey),
    );
    const versionsJson = new TextEncoder().encode(JSON.stringify(versions));
    const unsigned = concat(signer.publicKey, be32(1), be32(2), new Uint8Array(32), be32(486_710), be32(versionsJson.length), versionsJson);
    const signature = sodium.crypto_sign_detached(concat(new TextEncoder().encode(SIGNATURE_CONTEXT), signedHeader, unsigned), signer.privateKey);
    const payload = concat(unsigned, signature);
    const padded = new Uint8Array(must(BUCKETS.find((b) => b >= payload.length + 4), 'bucket'));
    padded.set(be32(payload.length), 0);
    padded.set(payload, 4);
    const nonce = sodium.randombytes_buf(24);
    const bytes = concat(signedHeader, nonce, sodium.crypto_secretbox_easy(padded, nonce, contentKey));

    const opened = openBundle(bytes, { mailboxId: MAILBOX, recipientKeyPair: coordinator });
    if (!opened.ok) throw new Error(`expected ok, got ${opened.reason}`);
    expect(opened.value.deviceId).toBe(sodium.to_base64(signer.publicKey, sodium.base64_variants.URLSAFE_NO_PADDING));
    expect(opened.value.createdAtHour).toBe(486_710);
    expect(opened.value.versions).toEqual(versions);
    expect(opened.value.id).toBe(createHash('sha256').update(bytes).digest('base64url'));
  });
});
