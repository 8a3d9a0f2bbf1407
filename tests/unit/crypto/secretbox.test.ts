import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import fc from 'fast-check';
import sodium from 'libsodium-wrappers';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, toHex } from '../../../src/crypto/bytes';
import { generateKey, unwrapKey, wrapKey } from '../../../src/crypto/keyWrap';
import { decryptWithKey, encryptWithKey, SECRETBOX_NONCE_BYTES } from '../../../src/crypto/secretbox';

beforeAll(async () => {
  await sodium.ready;
});

const key32 = fc.uint8Array({ minLength: 32, maxLength: 32 });
const message = fc.uint8Array({ maxLength: 4096 });

describe('secretbox differential', () => {
  it('encryptWithKey equals libsodium crypto_secretbox_easy and @noble/ciphers for the nonce it chose', () => {
    fc.assert(
      fc.property(key32, message, (key, plaintext) => {
        const sealed = encryptWithKey(key, plaintext);
        const nonce = sealed.subarray(0, SECRETBOX_NONCE_BYTES);
        const box = toHex(sealed.subarray(SECRETBOX_NONCE_BYTES));
        expect(toHex(sodium.crypto_secretbox_easy(plaintext, nonce, key))).toBe(box);
        expect(toHex(xsalsa20poly1305(key, nonce).encrypt(plaintext))).toBe(box);
      }),
      { numRuns: 200 },
    );
  });

  it('decryptWithKey opens what libsodium and @noble/ciphers seal, and libsodium opens what we seal', () => {
    fc.assert(
      fc.property(key32, fc.uint8Array({ minLength: 24, maxLength: 24 }), message, (key, nonce, plaintext) => {
        const fromSodium = decryptWithKey(key, concatBytes(nonce, sodium.crypto_secretbox_easy(plaintext, nonce, key)));
        const fromNoble = decryptWithKey(key, concatBytes(nonce, xsalsa20poly1305(key, nonce).encrypt(plaintext)));
        expect(fromSodium.ok && toHex(fromSodium.value)).toBe(toHex(plaintext));
        expect(fromNoble.ok && toHex(fromNoble.value)).toBe(toHex(plaintext));
        const ours = encryptWithKey(key, plaintext);
        const opened = sodium.crypto_secretbox_open_easy(ours.subarray(SECRETBOX_NONCE_BYTES), ours.subarray(0, SECRETBOX_NONCE_BYTES), key);
        expect(toHex(opened)).toBe(toHex(plaintext));
      }),
      { numRuns: 200 },
    );
  });

  it('uses a fresh nonce each time', () => {
    const key = generateKey();
    const plaintext = new Uint8Array(8);
    expect(toHex(encryptWithKey(key, plaintext))).not.toBe(toHex(encryptWithKey(key, plaintext)));
  });
});

describe('secretbox tampering', () => {
  it('rejects every single-bit flip of nonce || tag || ciphertext; the unflipped one opens', () => {
    const key = generateKey();
    const plaintext = Uint8Array.from({ length: 40 }, (_, i) => i);
    const sealed = encryptWithKey(key, plaintext);
    expect(sealed).toHaveLength(24 + 16 + 40);
    const control = decryptWithKey(key, sealed);
    expect(control.ok && toHex(control.value)).toBe(toHex(plaintext));
    let rejected = 0;
    for (let bit = 0; bit < sealed.length * 8; bit++) {
      const flipped = new Uint8Array(sealed);
      flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      if (decryptWithKey(key, flipped).ok === false) rejected++;
    }
    expect(rejected).toBe(80 * 8);
  });

  it('reports too-short below nonce + tag, auth-failed for a wrong key or a truncated box', () => {
    const key = generateKey();
    const sealed = encryptWithKey(key, new Uint8Array(10));
    expect(decryptWithKey(key, sealed.subarray(0, 39))).toEqual({ ok: false, reason: 'too-short' });
    expect(decryptWithKey(key, sealed.subarray(0, sealed.length - 1))).toEqual({ ok: false, reason: 'auth-failed' });
    expect(decryptWithKey(generateKey(), sealed)).toEqual({ ok: false, reason: 'auth-failed' });
    expect(decryptWithKey(key, sealed).ok).toBe(true);
  });

  it('throws, naming the key, for a key that is not 32 bytes', () => {
    expect(() => encryptWithKey(new Uint8Array(31), new Uint8Array(1))).toThrow(/key/);
    expect(() => decryptWithKey(new Uint8Array(33), new Uint8Array(64))).toThrow(/key/);
  });
});

describe('keyWrap', () => {
  it('unwraps with the right key-encryption key only', () => {
    const kek = generateKey();
    const dataKey = generateKey();
    const wrapped = wrapKey(kek, dataKey);
    const unwrapped = unwrapKey(kek, wrapped);
    expect(unwrapped.ok && toHex(unwrapped.key)).toBe(toHex(dataKey));
    expect(unwrapKey(generateKey(), wrapped)).toEqual({ ok: false, reason: 'wrong-key' });
  });

  it('refuses a box that opens but does not hold a 32-byte key', () => {
    const kek = generateKey();
    expect(unwrapKey(kek, encryptWithKey(kek, new Uint8Array(31)))).toEqual({ ok: false, reason: 'wrong-key' });
  });
});
