// Small known-answer vectors from ../shared/test-vectors/README.md, RFC 8032 §7.1 and RFC 7693 Appendix A.
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { blake2b } from '../../../src/crypto/blake2b';
import { concatBytes, fromHex, toHex, utf8Encode } from '../../../src/crypto/bytes';
import { decryptWithKey } from '../../../src/crypto/secretbox';
import { signDetached, signingKeyPairFromSeed } from '../../../src/crypto/signingKeys';
import { verifyDetachedStrict } from '../../../src/crypto/verifyStrict';
import { sharedSecretStrict } from '../../../src/crypto/x25519';

const ALICE_SK = fromHex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
const BOB_PK = fromHex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
const NONCE = fromHex('69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37');

/** The 131-byte message of libsodium test/default/secretbox.c (its m[163] after the 32 leading zero bytes). */
const SECRETBOX_C_MESSAGE = fromHex(
  'be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705',
);

describe('NaCl chain: X25519 -> HSalsa20 -> XSalsa20-Poly1305', () => {
  it('X25519 shared secret of RFC 7748 §6.1 Alice and Bob', () => {
    const shared = sharedSecretStrict(ALICE_SK, BOB_PK);
    expect(shared.ok && toHex(shared.value)).toBe('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742');
  });

  it('nacl.box.before(bobPk, aliceSk)', () => {
    expect(toHex(nacl.box.before(BOB_PK, ALICE_SK))).toBe('1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389');
  });

  it('secretbox of the secretbox.c message: length, tag and last bytes, and decryptWithKey opens it', () => {
    expect(SECRETBOX_C_MESSAGE).toHaveLength(131);
    const key = nacl.box.before(BOB_PK, ALICE_SK);
    const box = nacl.secretbox(SECRETBOX_C_MESSAGE, NONCE, key);
    expect(box).toHaveLength(147);
    expect(toHex(box.subarray(0, 16))).toBe('f3ffc7703f9400e52a7dfb4b3d3305d9');
    expect(toHex(box.subarray(-8))).toBe('654cb45a74e355a5');
    const opened = decryptWithKey(key, concatBytes(NONCE, box));
    expect(opened.ok && toHex(opened.value)).toBe(toHex(SECRETBOX_C_MESSAGE));
  });
});

describe('Ed25519 RFC 8032 §7.1 TEST 1', () => {
  const seed = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');

  it('derives the public key from the seed', () => {
    expect(toHex(signingKeyPairFromSeed(seed).publicKey)).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  });

  it('signs the empty message as the RFC says, and the strict verifier accepts only the right message', () => {
    const pair = signingKeyPairFromSeed(seed);
    const sig = signDetached(new Uint8Array(0), pair.secretKey);
    expect(toHex(sig)).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    expect(verifyDetachedStrict(new Uint8Array(0), sig, pair.publicKey)).toBe(true);
    expect(verifyDetachedStrict(new Uint8Array([0]), sig, pair.publicKey)).toBe(false);
  });

  it('refuses seeds and secret keys of the wrong length, naming the parameter', () => {
    expect(() => signingKeyPairFromSeed(seed.subarray(0, 31))).toThrow(/seed/);
    expect(() => signDetached(new Uint8Array(0), seed)).toThrow(/secretKey/);
  });
});

describe('BLAKE2b RFC 7693 Appendix A', () => {
  it('BLAKE2b-512("abc")', () => {
    expect(toHex(blake2b(utf8Encode('abc'), 64))).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
  });

  it('refuses output lengths outside 1..64, naming the parameter', () => {
    expect(() => blake2b(new Uint8Array(0), 0)).toThrow(/outputLength/);
    expect(() => blake2b(new Uint8Array(0), 65)).toThrow(/outputLength/);
    expect(blake2b(new Uint8Array(0), 1)).toHaveLength(1);
  });
});
