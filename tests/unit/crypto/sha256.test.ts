import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toBase64Url, utf8Encode } from '../../../src/crypto/bytes';
import { contentId, contentIdAsync, sha256 } from '../../../src/crypto/sha256';

describe('sha256 and content ids', () => {
  it('known answers: FIPS 180-2 "abc" and the empty string', async () => {
    const abc = fromHex('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256(utf8Encode('abc'))).toEqual(abc);
    expect(contentId(utf8Encode('abc'))).toBe(toBase64Url(abc));
    expect(await contentIdAsync(utf8Encode('abc'))).toBe(toBase64Url(abc));
    expect(await contentIdAsync(new Uint8Array(0))).toBe(toBase64Url(fromHex('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')));
  });

  it('contentIdAsync (Web Crypto) equals contentId (noble) on random inputs, subarrays included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), fc.nat({ max: 16 }), async (bytes, skip) => {
        const view = bytes.subarray(Math.min(skip, bytes.length));
        expect(await contentIdAsync(view)).toBe(contentId(view));
      }),
      { numRuns: 200 },
    );
  });
});
