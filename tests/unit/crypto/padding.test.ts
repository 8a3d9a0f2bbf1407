import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { padToBucket, PADDING_BUCKETS, PADDING_MAX_BYTES, PADDING_MAX_DATA_BYTES, unpad } from '../../../src/crypto/padding';

const KIB = 1024;
const MIB = 1024 * KIB;
const isBucket = (n: number) => PADDING_BUCKETS.includes(n);

/** Data whose bytes depend on position and a seed, so a shifted or truncated copy would not compare equal. */
function patterned(length: number, seed: number): Uint8Array {
  const data = new Uint8Array(length);
  for (let i = 0; i < length; i++) data[i] = ((i * 31 + seed) & 0xff) | 1;
  return data;
}

function expectRoundTrip(data: Uint8Array): Uint8Array {
  const padded = padToBucket(data);
  const result = unpad(padded);
  if (!result.ok) throw new Error(`length ${data.length}: unpad refused with ${result.reason}`);
  expect(Buffer.from(result.value).equals(Buffer.from(data))).toBe(true);
  return padded;
}

describe('bucket padding', () => {
  it('has the buckets of the protocol: 1, 4, 16, 64 KiB, then every MiB up to 64 MiB', () => {
    expect(PADDING_BUCKETS.slice(0, 5)).toEqual([1 * KIB, 4 * KIB, 16 * KIB, 64 * KIB, 1 * MIB]);
    expect(PADDING_BUCKETS.slice(4)).toEqual(Array.from({ length: 64 }, (_, i) => (i + 1) * MIB));
    expect(PADDING_MAX_BYTES).toBe(64 * MIB);
    expect(PADDING_MAX_DATA_BYTES).toBe(64 * MIB - 4);
  });

  it('round-trips every length from 0 to 70,000 bytes into the smallest bucket that fits', () => {
    const source = patterned(70_000, 7);
    for (let length = 0; length <= 70_000; length++) {
      const data = source.subarray(0, length);
      const padded = padToBucket(data);
      const smallest = PADDING_BUCKETS.find((b) => b >= length + 4);
      if (padded.length !== smallest) throw new Error(`length ${length}: padded to ${padded.length}, expected ${smallest}`);
      const result = unpad(padded);
      if (!result.ok || result.value.length !== length || result.value[length - 1] !== data[length - 1]) {
        throw new Error(`length ${length}: did not round-trip`);
      }
    }
  });

  it('round-trips random lengths up to 5 MiB', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 * MIB }), fc.integer({ min: 0, max: 255 }), (length, seed) => {
        const padded = expectRoundTrip(patterned(length, seed));
        expect(isBucket(padded.length)).toBe(true);
        expect(padded.length).toBeGreaterThanOrEqual(length + 4);
      }),
      { numRuns: 30 },
    );
  });

  it('switches bucket exactly where the 4-byte prefix no longer fits', () => {
    const cases: [number, number][] = [
      [0, 1 * KIB], [1020, 1 * KIB], [1021, 4 * KIB], [4092, 4 * KIB], [4093, 16 * KIB], [16_380, 16 * KIB],
      [16_381, 64 * KIB], [65_532, 64 * KIB], [65_533, 1 * MIB], [MIB - 4, 1 * MIB], [MIB - 3, 2 * MIB],
      [PADDING_MAX_DATA_BYTES - MIB, 63 * MIB], [PADDING_MAX_DATA_BYTES, 64 * MIB],
    ];
    for (const [length, bucket] of cases) expect(padToBucket(new Uint8Array(length)).length, `length ${length}`).toBe(bucket);
  });

  it('lays out a 4-byte big-endian length, the data, then zeros', () => {
    const padded = padToBucket(new Uint8Array([0xaa, 0xbb, 0xcc]));
    expect(Array.from(padded.subarray(0, 8))).toEqual([0, 0, 0, 3, 0xaa, 0xbb, 0xcc, 0]);
    expect(padded.subarray(7).every((b) => b === 0)).toBe(true);
  });

  it('refuses to pad more than 64 MiB - 4 bytes, naming the parameter', () => {
    expect(() => padToBucket(new Uint8Array(PADDING_MAX_DATA_BYTES + 1))).toThrow(/data/);
  });
});

describe('unpad rejections', () => {
  const good = () => padToBucket(new Uint8Array([1, 2, 3, 4, 5]));

  it('positive control: the untouched padding opens', () => {
    const result = unpad(good());
    expect(result.ok && Array.from(result.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a length prefix beyond the data', () => {
    const padded = good();
    new DataView(padded.buffer).setUint32(0, 1021);
    expect(unpad(padded)).toEqual({ ok: false, reason: 'bad-padding' });
    new DataView(padded.buffer).setUint32(0, 0xffffffff);
    expect(unpad(padded)).toEqual({ ok: false, reason: 'bad-padding' });
    new DataView(padded.buffer).setUint32(0, 1020);
    expect(unpad(padded).ok).toBe(true);
  });

  it('refuses a non-zero fill byte at every position of the fill, also in a view at any byte offset', () => {
    for (const offset of [0, 1, 2, 3]) {
      const outer = new Uint8Array(offset + 1024);
      outer.set(good(), offset);
      const padded = outer.subarray(offset, offset + 1024);
      expect(unpad(padded).ok, `offset ${offset}`).toBe(true);
      for (let at = 9; at < 1024; at++) {
        padded[at] = 0x80;
        if (unpad(padded).ok) throw new Error(`offset ${offset}: a non-zero fill byte at ${at} was accepted`);
        padded[at] = 0;
      }
    }
  });

  it('refuses sizes that are not buckets, and a bucket larger than the data needs', () => {
    for (const size of [0, 3, 4, 1023, 1025, 4095, MIB + 1]) {
      expect(unpad(new Uint8Array(size)), `size ${size}`).toEqual({ ok: false, reason: 'bad-padding' });
    }
    const tooRoomy = new Uint8Array(4 * KIB);
    new DataView(tooRoomy.buffer).setUint32(0, 10);
    expect(unpad(tooRoomy)).toEqual({ ok: false, reason: 'bad-padding' });
    new DataView(tooRoomy.buffer).setUint32(0, 1021);
    expect(unpad(tooRoomy).ok).toBe(true);
  });

  it('reports too-large beyond 64 MiB', () => {
    expect(unpad(new Uint8Array(PADDING_MAX_BYTES + MIB))).toEqual({ ok: false, reason: 'too-large' });
    expect(unpad(new Uint8Array(PADDING_MAX_BYTES + 1))).toEqual({ ok: false, reason: 'too-large' });
  });
});
