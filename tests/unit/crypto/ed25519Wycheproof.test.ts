import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../src/crypto/bytes';
import { verifyDetachedStrict } from '../../../src/crypto/verifyStrict';
import { verifyDetachedStrictAsync } from '../../../src/crypto/verifyStrictAsync';
import { webCryptoCurves } from '../../../src/crypto/webCryptoCurves';
import { loadWycheproof, type Ed25519Group } from './wycheproof';

const file = loadWycheproof<Ed25519Group>('ed25519_test.json');
const cases = file.testGroups.flatMap((group) => group.tests.map((t) => ({ ...t, pk: group.publicKey.pk })));
const MALLEABLE_TC_IDS = [63, 64, 65, 66, 85];

/** tweetnacl throws on wrong lengths; count that as "does not verify". */
function plainNaclVerifies(msg: Uint8Array, sig: Uint8Array, pk: Uint8Array): boolean {
  try {
    return nacl.sign.detached.verify(msg, sig, pk);
  } catch {
    return false;
  }
}

describe('verifyDetachedStrict against Wycheproof ed25519_test.json', () => {
  it('reads the whole file: 151 vectors, 88 valid and 63 invalid', () => {
    expect(file.numberOfTests).toBe(151);
    expect(cases).toHaveLength(151);
    expect(cases.filter((t) => t.result === 'valid')).toHaveLength(88);
    expect(cases.filter((t) => t.result === 'invalid')).toHaveLength(63);
  });

  it('verifies every valid vector and rejects every invalid one', () => {
    for (const t of cases) {
      expect(verifyDetachedStrict(fromHex(t.msg), fromHex(t.sig), fromHex(t.pk)), `tcId ${t.tcId}`).toBe(t.result === 'valid');
    }
  });

  it('positive control: plain nacl.sign.detached.verify wrongly accepts exactly the S >= L vectors', () => {
    const wronglyAccepted = cases
      .filter((t) => t.result === 'invalid' && plainNaclVerifies(fromHex(t.msg), fromHex(t.sig), fromHex(t.pk)))
      .map((t) => t.tcId);
    expect(wronglyAccepted).toEqual(MALLEABLE_TC_IDS);
  });

  it('returns false, without throwing, for wrong signature and key lengths', () => {
    const pair = nacl.sign.keyPair();
    const msg = new Uint8Array([1, 2, 3]);
    const sig = nacl.sign.detached(msg, pair.secretKey);
    expect(verifyDetachedStrict(msg, sig, pair.publicKey)).toBe(true);
    expect(verifyDetachedStrict(msg, sig.subarray(0, 63), pair.publicKey)).toBe(false);
    expect(verifyDetachedStrict(msg, new Uint8Array([...sig, 0]), pair.publicKey)).toBe(false);
    expect(verifyDetachedStrict(msg, sig, pair.publicKey.subarray(0, 31))).toBe(false);
    expect(verifyDetachedStrict(msg, sig, new Uint8Array([...pair.publicKey, 0]))).toBe(false);
  });

  it('rejects S = L exactly and accepts the S below it that signs', () => {
    const pair = nacl.sign.keyPair();
    const msg = new Uint8Array([7]);
    const sig = nacl.sign.detached(msg, pair.secretKey);
    const withL = new Uint8Array(sig);
    withL.set(fromHex('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010'), 32);
    expect(verifyDetachedStrict(msg, withL, pair.publicKey)).toBe(false);
    expect(verifyDetachedStrict(msg, sig, pair.publicKey)).toBe(true);
  });
});

describe('verifyDetachedStrictAsync (Web Crypto curves) against the same file', () => {
  it('runs on native Web Crypto here, not on the tweetnacl fallback', async () => {
    expect(await webCryptoCurves()).not.toBeNull();
  });

  it('gives the same answer as the expected result on all 151 vectors, the five S >= L ones included', async () => {
    const answers = await Promise.all(cases.map((t) => verifyDetachedStrictAsync(fromHex(t.msg), fromHex(t.sig), fromHex(t.pk))));
    expect(answers.filter(Boolean)).toHaveLength(88);
    cases.forEach((t, i) => expect(answers[i], `tcId ${t.tcId}`).toBe(t.result === 'valid'));
  });

  it("positive control: Web Crypto's plain verify is what the strict checks guard (a good signature passes, a flipped bit fails)", async () => {
    const curves = await webCryptoCurves();
    if (curves === null) throw new Error('no Web Crypto curves');
    const pair = nacl.sign.keyPair();
    const msg = new Uint8Array([1, 2, 3]);
    const sig = nacl.sign.detached(msg, pair.secretKey);
    expect(await curves.verifyEd25519(msg, sig, pair.publicKey)).toBe(true);
    sig[10] = (sig[10] ?? 0) ^ 4;
    expect(await curves.verifyEd25519(msg, sig, pair.publicKey)).toBe(false);
  });

  it('returns false for wrong lengths and throws for non-byte arguments, as the sync wrapper does', async () => {
    const pair = nacl.sign.keyPair();
    const msg = new Uint8Array([1]);
    const sig = nacl.sign.detached(msg, pair.secretKey);
    expect(await verifyDetachedStrictAsync(msg, sig.subarray(0, 63), pair.publicKey)).toBe(false);
    expect(await verifyDetachedStrictAsync(msg, sig, pair.publicKey.subarray(0, 31))).toBe(false);
    await expect(verifyDetachedStrictAsync(msg, 'sig' as unknown as Uint8Array, pair.publicKey)).rejects.toThrow(/signature must be a Uint8Array/);
  });
});
