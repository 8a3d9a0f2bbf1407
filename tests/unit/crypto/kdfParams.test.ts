import { describe, expect, it } from 'vitest';
import { checkKdfParams, KDF_CEILING, KDF_DEFAULTS, KDF_FLOOR, type KdfParams } from '../../../src/crypto/kdfParams';

const defaults: KdfParams = { algorithm: 'argon2id', ...KDF_DEFAULTS, salt: new Uint8Array(16) };
const MIB_IN_KIB = 1024;

describe('checkKdfParams', () => {
  it('accepts the defaults (m = 64 MiB, t = 3, p = 1) and the floor itself', () => {
    expect(KDF_DEFAULTS).toEqual({ memoryKiB: 64 * MIB_IN_KIB, iterations: 3, parallelism: 1 });
    expect(checkKdfParams(defaults)).toBeNull();
    expect(checkKdfParams({ ...defaults, memoryKiB: 19 * MIB_IN_KIB, iterations: 2 })).toBeNull();
    expect(checkKdfParams({ ...defaults, ...KDF_CEILING })).toBeNull();
  });

  it('refuses parameters below the floor (m = 19 MiB, t = 2)', () => {
    expect(checkKdfParams({ ...defaults, memoryKiB: 19 * MIB_IN_KIB - 1 })).toBe('below-floor');
    expect(checkKdfParams({ ...defaults, iterations: 1 })).toBe('below-floor');
    expect(checkKdfParams({ ...defaults, parallelism: 0 })).toBe('below-floor');
    expect(checkKdfParams({ ...defaults, memoryKiB: 64 * MIB_IN_KIB + 0.5 })).toBe('below-floor');
    expect(checkKdfParams({ ...defaults, iterations: Number.NaN })).toBe('below-floor');
    expect(KDF_FLOOR).toEqual({ memoryKiB: 19 * MIB_IN_KIB, iterations: 2 });
  });

  it('refuses parameters above the ceiling, so a tampered header cannot hang unlock', () => {
    expect(checkKdfParams({ ...defaults, memoryKiB: KDF_CEILING.memoryKiB + 1 })).toBe('above-ceiling');
    expect(checkKdfParams({ ...defaults, iterations: KDF_CEILING.iterations + 1 })).toBe('above-ceiling');
    expect(checkKdfParams({ ...defaults, parallelism: KDF_CEILING.parallelism + 1 })).toBe('above-ceiling');
  });

  it('refuses another algorithm and a salt that is not 16 bytes', () => {
    expect(checkKdfParams({ ...defaults, algorithm: 'scrypt' as 'argon2id' })).toBe('unknown-algorithm');
    expect(checkKdfParams({ ...defaults, salt: new Uint8Array(15) })).toBe('bad-salt');
    expect(checkKdfParams({ ...defaults, salt: new Uint8Array(17) })).toBe('bad-salt');
  });
});
