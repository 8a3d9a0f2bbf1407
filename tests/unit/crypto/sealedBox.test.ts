import fc from 'fast-check';
import sodium from 'libsodium-wrappers';
import nacl from 'tweetnacl';
import { beforeAll, describe, expect, it } from 'vitest';
import { blake2b } from '../../../src/crypto/blake2b';
import { concatBytes, fromHex, toHex } from '../../../src/crypto/bytes';
import { isUsableBoxPublicKey } from '../../../src/crypto/boxPublicKey';
import { openSealedBox, openSealedBoxAsync, SEALED_BOX_OVERHEAD_BYTES, sealToPublicKey } from '../../../src/crypto/sealedBox';
import { boxKeyPairFromSecretKey, generateBoxKeyPair } from '../../../src/crypto/x25519';
import { loadWycheproof, type X25519Group } from './wycheproof';

beforeAll(async () => {
  await sodium.ready;
});

const message = fc.uint8Array({ maxLength: 2048 });
const lowOrderPublicKeys = [
  ...new Set(
    loadWycheproof<X25519Group>('x25519_test.json')
      .testGroups.flatMap((g) => g.tests)
      .filter((t) => t.shared === '00'.repeat(32))
      .map((t) => t.public),
  ),
].map(fromHex);

describe('sealed box interop with libsodium', () => {
  it('libsodium crypto_box_seal_open opens what sealToPublicKey seals', () => {
    fc.assert(
      fc.property(message, (plaintext) => {
        const recipient = sodium.crypto_box_keypair();
        const sealed = sealToPublicKey(plaintext, recipient.publicKey);
        expect(sealed).toHaveLength(plaintext.length + SEALED_BOX_OVERHEAD_BYTES);
        expect(toHex(sodium.crypto_box_seal_open(sealed, recipient.publicKey, recipient.privateKey))).toBe(toHex(plaintext));
      }),
      { numRuns: 60 },
    );
  });

  it('openSealedBox opens what libsodium crypto_box_seal seals', () => {
    fc.assert(
      fc.property(message, (plaintext) => {
        const recipient = generateBoxKeyPair();
        const opened = openSealedBox(sodium.crypto_box_seal(plaintext, recipient.publicKey), recipient.publicKey, recipient.secretKey);
        expect(opened.ok && toHex(opened.value)).toBe(toHex(plaintext));
      }),
      { numRuns: 60 },
    );
  });

  it('boxKeyPairFromSecretKey recomputes the public key libsodium derives', () => {
    const pair = sodium.crypto_box_keypair();
    expect(toHex(boxKeyPairFromSecretKey(pair.privateKey).publicKey)).toBe(toHex(pair.publicKey));
    expect(() => boxKeyPairFromSecretKey(new Uint8Array(31))).toThrow(/secretKey/);
  });
});

describe('sealed box refusals', () => {
  it('refuses any single-bit flip; the unflipped box opens', () => {
    const recipient = generateBoxKeyPair();
    const sealed = sealToPublicKey(new Uint8Array([1, 2, 3, 4, 5]), recipient.publicKey);
    expect(openSealedBox(sealed, recipient.publicKey, recipient.secretKey).ok).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sealed.length * 8 - 1 }), (bit) => {
        const flipped = new Uint8Array(sealed);
        flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        expect(openSealedBox(flipped, recipient.publicKey, recipient.secretKey).ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses the wrong recipient and anything shorter than 48 bytes', () => {
    const recipient = generateBoxKeyPair();
    const other = generateBoxKeyPair();
    const sealed = sealToPublicKey(new Uint8Array(0), recipient.publicKey);
    expect(sealed).toHaveLength(48);
    expect(openSealedBox(sealed, other.publicKey, other.secretKey)).toEqual({ ok: false, reason: 'auth-failed' });
    expect(openSealedBox(sealed.subarray(0, 47), recipient.publicKey, recipient.secretKey)).toEqual({ ok: false, reason: 'too-short' });
    expect(openSealedBox(sealed, recipient.publicKey, recipient.secretKey).ok).toBe(true);
  });

  it('refuses a box forged with a low-order ephemeral key, which a plain box.open would accept', () => {
    const recipient = generateBoxKeyPair();
    const plaintext = new Uint8Array([6, 6, 6]);
    for (const epk of lowOrderPublicKeys) {
      // The forger needs no secret: with a low-order epk the box key is the same for every recipient secret key.
      const forgedKey = nacl.box.before(epk, generateBoxKeyPair().secretKey);
      const nonce = blake2b(concatBytes(epk, recipient.publicKey), 24);
      const forged = concatBytes(epk, nacl.secretbox(plaintext, nonce, forgedKey));
      expect(toHex(nacl.box.open(forged.subarray(32), nonce, epk, recipient.secretKey) ?? new Uint8Array(0))).toBe(toHex(plaintext));
      expect(openSealedBox(forged, recipient.publicKey, recipient.secretKey)).toEqual({ ok: false, reason: 'low-order-point' });
    }
  });

  it('will not seal to a low-order public key, and says which parameter is wrong', () => {
    expect(lowOrderPublicKeys.length).toBeGreaterThan(0);
    for (const pk of lowOrderPublicKeys) {
      expect(isUsableBoxPublicKey(pk)).toBe(false);
      expect(() => sealToPublicKey(new Uint8Array(1), pk)).toThrow(/recipientPublicKey/);
    }
    const usable = generateBoxKeyPair().publicKey;
    expect(isUsableBoxPublicKey(usable)).toBe(true);
    expect(isUsableBoxPublicKey(usable.subarray(0, 31))).toBe(false);
    expect(() => sealToPublicKey(new Uint8Array(1), usable.subarray(0, 31))).toThrow(/recipientPublicKey/);
  });
});

describe('openSealedBoxAsync (X25519 in Web Crypto)', () => {
  it('opens what libsodium crypto_box_seal seals, and refuses the wrong recipient', async () => {
    for (let i = 0; i < 20; i += 1) {
      const plaintext = nacl.randomBytes(i * 7);
      const recipient = generateBoxKeyPair();
      const sealed = sodium.crypto_box_seal(plaintext, recipient.publicKey);
      const opened = await openSealedBoxAsync(sealed, recipient.publicKey, recipient.secretKey);
      expect(opened.ok && toHex(opened.value)).toBe(toHex(plaintext));
      const other = generateBoxKeyPair();
      expect(await openSealedBoxAsync(sealed, other.publicKey, other.secretKey)).toEqual({ ok: false, reason: 'auth-failed' });
    }
  });

  it('refuses every single-bit flip that the sync open refuses, and boxes under 48 bytes', async () => {
    const recipient = generateBoxKeyPair();
    const sealed = sealToPublicKey(new Uint8Array([1, 2, 3, 4, 5]), recipient.publicKey);
    expect((await openSealedBoxAsync(sealed, recipient.publicKey, recipient.secretKey)).ok).toBe(true);
    for (let bit = 0; bit < sealed.length * 8; bit += 3) {
      const flipped = new Uint8Array(sealed);
      flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      expect((await openSealedBoxAsync(flipped, recipient.publicKey, recipient.secretKey)).ok, `bit ${bit}`).toBe(false);
    }
    expect(await openSealedBoxAsync(sealed.subarray(0, 47), recipient.publicKey, recipient.secretKey)).toEqual({ ok: false, reason: 'too-short' });
  });

  it('refuses boxes forged with a low-order ephemeral key', async () => {
    const recipient = generateBoxKeyPair();
    for (const epk of lowOrderPublicKeys) {
      const forgedKey = nacl.box.before(epk, generateBoxKeyPair().secretKey);
      const nonce = blake2b(concatBytes(epk, recipient.publicKey), 24);
      const forged = concatBytes(epk, nacl.secretbox(new Uint8Array([6]), nonce, forgedKey));
      expect(await openSealedBoxAsync(forged, recipient.publicKey, recipient.secretKey)).toEqual({ ok: false, reason: 'low-order-point' });
    }
  });
});
