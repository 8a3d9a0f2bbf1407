import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../src/crypto/bytes';
import { BUNDLE_MAX_HEADER_BYTES, BUNDLE_SUITES, bundleLimits, bundleSizes } from '../../../src/protocol/bundleFormat';
import { encodeSignedHeader, parseBundleHeader } from '../../../src/protocol/bundleHeader';

const SUITE = BUNDLE_SUITES.X25519_XSALSA20POLY1305_ED25519_SHA256;
const mailboxId = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const slots = fc.array(fc.uint8Array({ minLength: bundleSizes.slot, maxLength: bundleSizes.slot }), {
  minLength: bundleLimits.minRecipients,
  maxLength: bundleLimits.maxRecipients,
});
const nonce = fc.uint8Array({ minLength: bundleSizes.nonce, maxLength: bundleSizes.nonce });

describe('bundle header codec', () => {
  it('parses back what it encodes, with the nonce after the signed part and the body after the nonce', () => {
    fc.assert(
      fc.property(mailboxId, slots, nonce, fc.uint8Array({ maxLength: 64 }), (id, s, n, body) => {
        const signed = encodeSignedHeader({ suite: SUITE, mailboxId: id, slots: s });
        const parsed = parseBundleHeader(concatBytes(signed, n, body));
        if (!parsed.ok) throw new Error(parsed.reason);
        expect(parsed.value.mailboxId).toBe(id);
        expect(parsed.value.slots.map((x) => [...x])).toEqual(s.map((x) => [...x]));
        expect([...parsed.value.nonce]).toEqual([...n]);
        expect(parsed.value.signedLength).toBe(signed.length);
        expect(parsed.value.length).toBe(signed.length + bundleSizes.nonce);
        expect(parsed.value.length).toBeLessThanOrEqual(BUNDLE_MAX_HEADER_BYTES);
      }),
    );
  });

  it('refuses a header cut anywhere before the end of the nonce', () => {
    const header = concatBytes(encodeSignedHeader({ suite: SUITE, mailboxId: 'abc', slots: [new Uint8Array(80)] }), new Uint8Array(24));
    expect(parseBundleHeader(header).ok).toBe(true);
    for (let length = 0; length < header.length; length++) {
      expect(parseBundleHeader(header.subarray(0, length))).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses out-of-range counts and characters outside the alphabet', () => {
    const good = concatBytes(encodeSignedHeader({ suite: SUITE, mailboxId: 'abc', slots: [new Uint8Array(80)] }), new Uint8Array(24));
    const withByte = (offset: number, value: number) => {
      const copy = good.slice();
      copy[offset] = value;
      return parseBundleHeader(copy);
    };
    expect(withByte(6, 0)).toEqual({ ok: false, reason: 'malformed' }); // empty mailbox id
    expect(withByte(6, 65)).toEqual({ ok: false, reason: 'malformed' });
    expect(withByte(8, '/'.charCodeAt(0))).toEqual({ ok: false, reason: 'malformed' });
    expect(withByte(10, 0)).toEqual({ ok: false, reason: 'malformed' }); // no recipients
    expect(withByte(10, 9)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('encoding refuses arguments that would make a header no reader accepts', () => {
    const slot = new Uint8Array(80);
    expect(() => encodeSignedHeader({ suite: 2, mailboxId: 'abc', slots: [slot] })).toThrow(/suite/);
    expect(() => encodeSignedHeader({ suite: SUITE, mailboxId: 'a/b', slots: [slot] })).toThrow(/mailboxId/);
    expect(() => encodeSignedHeader({ suite: SUITE, mailboxId: 'abc', slots: [] })).toThrow(/slots/);
    expect(() => encodeSignedHeader({ suite: SUITE, mailboxId: 'abc', slots: [new Uint8Array(79)] })).toThrow(/slot/);
  });
});
