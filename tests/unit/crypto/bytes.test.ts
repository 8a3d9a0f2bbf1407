import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual, concatBytes, fromBase64Url, fromHex, toBase64Url, toHex, utf8Decode, utf8Encode, wipe } from '../../../src/crypto/bytes';

const B64URL_ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];

describe('base64url', () => {
  it('round-trips and matches Node\'s unpadded base64url', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts only canonical text: whatever decodes re-encodes to the same string', () => {
    const unit = fc.constantFrom(...B64URL_ALPHABET, '=', '+', '/', ' ', '\n', '.');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        const bytes = fromBase64Url(text);
        if (bytes !== null) expect(toBase64Url(bytes)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses padding, the standard alphabet, stray characters, impossible lengths and non-zero trailing bits', () => {
    for (const bad of ['AA==', 'AAA=', 'a+b/', 'AA A', 'AAAAA', 'A', 'AB', 'AAB', '\u00e9AAA']) {
      expect(fromBase64Url(bad), bad).toBeNull();
    }
    // Positive controls for the last three: the canonical spellings decode.
    expect(fromBase64Url('AA')).toEqual(new Uint8Array([0]));
    expect(fromBase64Url('AAE')).toEqual(new Uint8Array([0, 1]));
    expect(fromBase64Url('')).toEqual(new Uint8Array(0));
  });
});

describe('hex, utf-8 and helpers', () => {
  it('hex round-trips and refuses odd or non-hex input, naming the parameter', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(fromHex(toHex(bytes))).toEqual(bytes);
      }),
    );
    expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
    expect(() => fromHex('abc')).toThrow(/hex/);
    expect(() => fromHex('zz')).toThrow(/hex/);
  });

  it('utf-8 round-trips and refuses invalid UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (text) => {
        expect(utf8Decode(utf8Encode(text))).toBe(text);
      }),
    );
    expect(() => utf8Decode(new Uint8Array([0xff]))).toThrow();
  });

  it('concatBytes, bytesEqual and wipe', () => {
    expect(concatBytes(new Uint8Array([1]), new Uint8Array(0), new Uint8Array([2, 3]))).toEqual(new Uint8Array([1, 2, 3]));
    expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(bytesEqual(new Uint8Array([1]), new Uint8Array([1, 0]))).toBe(false);
    const secret = new Uint8Array([9, 9, 9]);
    wipe(secret);
    expect(secret).toEqual(new Uint8Array(3));
  });
});
