import fc from 'fast-check';
import sodium from 'libsodium-wrappers';
import nacl from 'tweetnacl';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/crypto/bytes';
import { deviceMailboxId } from '../../../src/crypto/deviceMailboxId';
import { ed25519PublicKeyToX25519, ed25519SecretKeyToX25519 } from '../../../src/crypto/ed25519ToX25519';
import { openSealedBox, sealToPublicKey } from '../../../src/crypto/sealedBox';
import { sha256 } from '../../../src/crypto/sha256';
import { signingKeyPairFromSeed } from '../../../src/crypto/signingKeys';

beforeAll(async () => {
  await sodium.ready;
});

// RFC 8032 §7.1, TEST 1, 2, 3 and 1024: secret key (seed) and public key.
const RFC8032 = [
  ['9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'],
  ['4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb', '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c'],
  ['c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7', 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025'],
  ['f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5', '278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e'],
] as const;

const seeds = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('Ed25519 -> X25519 key conversion', () => {
  it('matches libsodium on the RFC 8032 keys (public and secret)', () => {
    for (const [seedHex, publicHex] of RFC8032) {
      const pair = signingKeyPairFromSeed(fromHex(seedHex));
      expect(toHex(pair.publicKey)).toBe(publicHex);
      expect(toHex(ed25519PublicKeyToX25519(pair.publicKey) ?? new Uint8Array())).toBe(toHex(sodium.crypto_sign_ed25519_pk_to_curve25519(pair.publicKey)));
      expect(toHex(ed25519SecretKeyToX25519(pair.secretKey))).toBe(toHex(sodium.crypto_sign_ed25519_sk_to_curve25519(pair.secretKey)));
    }
  });

  it('matches libsodium on random keys, and the two halves form one X25519 key pair', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const pair = signingKeyPairFromSeed(seed);
        const boxPublic = ed25519PublicKeyToX25519(pair.publicKey);
        const boxSecret = ed25519SecretKeyToX25519(pair.secretKey);
        expect(boxPublic).not.toBeNull();
        expect(toHex(boxPublic ?? new Uint8Array())).toBe(toHex(sodium.crypto_sign_ed25519_pk_to_curve25519(pair.publicKey)));
        expect(toHex(boxSecret)).toBe(toHex(sodium.crypto_sign_ed25519_sk_to_curve25519(pair.secretKey)));
        expect(toHex(nacl.scalarMult.base(boxSecret))).toBe(toHex(boxPublic ?? new Uint8Array()));
      }),
      { numRuns: 100 },
    );
  });

  it('a sealed box to the converted public key opens only with the converted secret key of the same device', () => {
    const device = signingKeyPairFromSeed(new Uint8Array(32).fill(7));
    const other = signingKeyPairFromSeed(new Uint8Array(32).fill(8));
    const boxPublic = ed25519PublicKeyToX25519(device.publicKey);
    if (boxPublic === null) throw new Error('conversion failed');
    const sealed = sealToPublicKey(new Uint8Array([1, 2, 3]), boxPublic);
    const opened = openSealedBox(sealed, boxPublic, ed25519SecretKeyToX25519(device.secretKey));
    expect(opened.ok && toHex(opened.value)).toBe('010203');
    const wrong = openSealedBox(sealed, boxPublic, ed25519SecretKeyToX25519(other.secretKey));
    expect(wrong).toEqual({ ok: false, reason: 'auth-failed' });
  });

  it('refuses keys with no usable X25519 counterpart', () => {
    const identity = new Uint8Array(32);
    identity[0] = 1; // y = 1: the neutral point, u would be infinite
    expect(ed25519PublicKeyToX25519(identity)).toBeNull();
    const notCanonical = new Uint8Array(32).fill(0xff);
    notCanonical[31] = 0x7f; // y = 2^255 - 1 >= p
    expect(ed25519PublicKeyToX25519(notCanonical)).toBeNull();
    expect(ed25519PublicKeyToX25519(new Uint8Array(31))).toBeNull();
    // y = 0 maps to u = 1, a low-order X25519 point
    expect(ed25519PublicKeyToX25519(new Uint8Array(32))).toBeNull();
    expect(() => ed25519SecretKeyToX25519(new Uint8Array(32))).toThrow(/secretKey/);
  });
});

describe('deviceMailboxId', () => {
  it('is the first 16 bytes of SHA-256(domain || key), as 22 base64url characters', () => {
    const key = fromHex(RFC8032[0][1]);
    const expected = Buffer.from(sha256(Buffer.concat([Buffer.from('dala-device-mailbox-v1'), key])).subarray(0, 16)).toString('base64url');
    expect(deviceMailboxId(key)).toBe(expected);
    expect(deviceMailboxId(key)).toMatch(/^[A-Za-z0-9_-]{21}[AQgw]$/);
    expect(deviceMailboxId(fromHex(RFC8032[1][1]))).not.toBe(expected);
    expect(() => deviceMailboxId(new Uint8Array(16))).toThrow(/devicePublicKey/);
  });
});
