import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/crypto/bytes';
import { isUsableBoxPublicKey } from '../../../src/crypto/boxPublicKey';
import { sharedSecretStrict, sharedSecretStrictAsync } from '../../../src/crypto/x25519';
import { webCryptoCurves } from '../../../src/crypto/webCryptoCurves';
import { loadWycheproof, type X25519Group } from './wycheproof';

const file = loadWycheproof<X25519Group>('x25519_test.json');
const tests = file.testGroups.flatMap((group) => group.tests);
const ALL_ZERO = '00'.repeat(32);
const lowOrder = tests.filter((t) => t.shared === ALL_ZERO);
const ordinary = tests.filter((t) => t.shared !== ALL_ZERO);

describe('sharedSecretStrict against Wycheproof x25519_test.json', () => {
  it('reads the whole file: 518 vectors, all valid or acceptable, 31 with an all-zero shared secret', () => {
    expect(file.numberOfTests).toBe(518);
    expect(tests).toHaveLength(518);
    expect(file.testGroups.every((g) => g.curve === 'curve25519')).toBe(true);
    expect(tests.every((t) => t.result === 'valid' || t.result === 'acceptable')).toBe(true);
    expect(lowOrder).toHaveLength(31);
  });

  it('agrees with the expected shared secret on every other vector', () => {
    for (const t of ordinary) {
      const result = sharedSecretStrict(fromHex(t.private), fromHex(t.public));
      expect(result.ok ? toHex(result.value) : result.reason, `tcId ${t.tcId}`).toBe(t.shared);
    }
  });

  it('refuses every all-zero shared secret as low-order-point', () => {
    for (const t of lowOrder) {
      expect(sharedSecretStrict(fromHex(t.private), fromHex(t.public)), `tcId ${t.tcId}`).toEqual({ ok: false, reason: 'low-order-point' });
    }
  });

  it('positive control: plain nacl.scalarMult returns all zeros for those same vectors', () => {
    for (const t of lowOrder) expect(toHex(nacl.scalarMult(fromHex(t.private), fromHex(t.public))), `tcId ${t.tcId}`).toBe(ALL_ZERO);
  });

  it('isUsableBoxPublicKey refuses exactly the low-order public keys', () => {
    for (const t of tests) expect(isUsableBoxPublicKey(fromHex(t.public)), `tcId ${t.tcId}`).toBe(t.shared !== ALL_ZERO);
  });

  it('returns bad-length for keys that are not 32 bytes', () => {
    const key = new Uint8Array(32).fill(9);
    expect(sharedSecretStrict(key.subarray(0, 31), key)).toEqual({ ok: false, reason: 'bad-length' });
    expect(sharedSecretStrict(key, new Uint8Array(33).fill(9))).toEqual({ ok: false, reason: 'bad-length' });
    expect(sharedSecretStrict(key, key).ok).toBe(true);
  });
});

describe('sharedSecretStrictAsync (Web Crypto curves) against the same file', () => {
  it('runs on native Web Crypto here, not on the tweetnacl fallback', async () => {
    expect(await webCryptoCurves()).not.toBeNull();
  });

  it('agrees with the expected shared secret on every ordinary vector', async () => {
    for (const t of ordinary) {
      const result = await sharedSecretStrictAsync(fromHex(t.private), fromHex(t.public));
      expect(result.ok ? toHex(result.value) : result.reason, `tcId ${t.tcId}`).toBe(t.shared);
    }
  });

  it('refuses all 31 all-zero shared secrets as low-order-point', async () => {
    for (const t of lowOrder) {
      expect(await sharedSecretStrictAsync(fromHex(t.private), fromHex(t.public)), `tcId ${t.tcId}`).toEqual({ ok: false, reason: 'low-order-point' });
    }
  });

  it('returns bad-length for keys that are not 32 bytes', async () => {
    const key = new Uint8Array(32).fill(9);
    expect(await sharedSecretStrictAsync(key.subarray(0, 31), key)).toEqual({ ok: false, reason: 'bad-length' });
    expect((await sharedSecretStrictAsync(key, key)).ok).toBe(true);
  });
});
