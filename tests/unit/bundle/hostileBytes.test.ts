// Hostile bytes: whatever arrives, openBundle answers with a reason and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../../src/bundle/openBundle';
import type { BundleOpenFailure, OpenBundleResult } from '../../../src/bundle/openBundle';
import { concatBytes } from '../../../src/crypto/bytes';
import { parseBundleHeader } from '../../../src/protocol/bundleHeader';
import { boxKeys, craftBundle, MAILBOX, must, payloadFields, sealOrThrow, signedPayload, signingKeys, versionsFor, ZERO_HASH } from './bundleTestKit';

const REASONS: readonly BundleOpenFailure[] = [
  'malformed',
  'unknown-version',
  'unknown-suite',
  'wrong-mailbox',
  'not-a-recipient',
  'tampered',
  'bad-padding',
  'bad-signature',
  'invalid-payload',
];

const device = signingKeys('device-1');
const coordinator = boxKeys('coordinator-1');
const sealed = sealOrThrow({ mailboxId: MAILBOX, recipients: [coordinator.publicKey], device, versions: versionsFor(1, 1), previousBundleHash: ZERO_HASH });
const header = parseBundleHeader(sealed.bytes);
if (!header.ok) throw new Error('set-up: the sealed bundle has no header');
const { signedLength, length: headerLength } = header.value;
const mailboxStart = 7;
const recipientCountAt = mailboxStart + MAILBOX.length;

function open(bytes: Uint8Array): OpenBundleResult {
  return openBundle(bytes, { mailboxId: MAILBOX, recipientKeyPair: coordinator });
}

/** The reasons a change at `offset` may produce: each region of the layout fails in its own way. */
function expectedReasons(offset: number): readonly BundleOpenFailure[] {
  if (offset < 4) return ['malformed'];
  if (offset === 4) return ['unknown-version'];
  if (offset === 5) return ['unknown-suite'];
  if (offset < recipientCountAt) return ['malformed', 'wrong-mailbox'];
  // More slots than there are swallow the nonce and body; fewer (0) are malformed.
  if (offset === recipientCountAt) return ['malformed', 'tampered'];
  if (offset < signedLength) return ['not-a-recipient'];
  return ['tampered'];
}

describe('openBundle on hostile bytes', () => {
  it('positive control: the untouched bundle opens', () => {
    expect(open(sealed.bytes).ok).toBe(true);
  });

  // All 8 bits of every byte, in chunks so that no single test runs long on a slow machine.
  const CHUNK = 128;
  const chunks = Array.from({ length: Math.ceil(sealed.bytes.length / CHUNK) }, (_, i): [number, number] => [i * CHUNK, Math.min((i + 1) * CHUNK, sealed.bytes.length)]);
  it.each(chunks)('every single-bit flip in bytes %i..%i of the bundle is refused with the reason of its region', (from, to) => {
    let flips = 0;
    for (let offset = from; offset < to; offset++) {
      for (let bit = 0; bit < 8; bit++) {
        const flipped = sealed.bytes.slice();
        flipped[offset] = must(flipped[offset], 'byte') ^ (1 << bit);
        const result = open(flipped);
        if (result.ok) throw new Error(`bit ${bit} of byte ${offset} flipped and the bundle still opened`);
        if (!expectedReasons(offset).includes(result.reason)) {
          throw new Error(`bit ${bit} of byte ${offset}: ${result.reason}, expected one of ${expectedReasons(offset).join(', ')}`);
        }
        flips++;
      }
    }
    expect(flips).toBe((to - from) * 8);
  });

  it('the flip chunks cover the whole bundle', () => {
    expect(chunks.at(-1)?.[1]).toBe(sealed.bytes.length);
    expect(chunks.every(([from], i) => from === (i === 0 ? 0 : chunks[i - 1]?.[1]))).toBe(true);
  });

  it('every truncation is refused: malformed while the header or tag is cut, tampered after', () => {
    for (let length = 0; length < sealed.bytes.length; length++) {
      const result = open(sealed.bytes.subarray(0, length));
      expect(result).toEqual({ ok: false, reason: length < headerLength + 16 ? 'malformed' : 'tampered' });
    }
  });

  it('bytes appended to a bundle are refused: tampered', () => {
    expect(open(concatBytes(sealed.bytes, Uint8Array.of(0)))).toEqual({ ok: false, reason: 'tampered' });
  });

  it('random bytes never open and never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const result = open(bytes);
        expect(result.ok).toBe(false);
        expect(REASONS).toContain(!result.ok && result.reason);
      }),
      { numRuns: 500 },
    );
  });

  it('random bytes behind a valid header never open and never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (body) => {
        const result = open(concatBytes(sealed.bytes.subarray(0, headerLength), body));
        expect(result).toEqual({ ok: false, reason: body.length < 16 ? 'malformed' : 'tampered' });
      }),
      { numRuns: 200 },
    );
  });

  it('random edits of a valid bundle (overwrite, insert, delete, splice) never open and never throw', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 64 }) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let bytes: Uint8Array = sealed.bytes.slice();
        for (const e of edits) {
          const at = e.at % (bytes.length + 1);
          if (e.kind === 'overwrite') {
            const next = bytes.slice();
            next.set(e.bytes.subarray(0, next.length - at), at);
            bytes = next;
          } else if (e.kind === 'insert') {
            bytes = concatBytes(bytes.subarray(0, at), e.bytes, bytes.subarray(at));
          } else {
            bytes = concatBytes(bytes.subarray(0, at), bytes.subarray(at + e.count));
          }
        }
        fc.pre(bytes.length !== sealed.bytes.length || bytes.some((b, i) => b !== sealed.bytes[i]));
        const result = open(bytes);
        expect(result.ok).toBe(false);
        expect(REASONS).toContain(!result.ok && result.reason);
      }),
      { numRuns: 300 },
    );
  });

  it('random plaintext behind a valid header and content key (a forger who knows the coordinator key) never opens', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1100 }), fc.boolean(), (plaintext, padIt) => {
        const crafted = craftBundle({ recipients: [coordinator.publicKey], payload: () => plaintext, ...(padIt ? {} : { pad: (p) => p }) });
        const result = open(crafted);
        expect(result.ok).toBe(false);
        expect(['bad-padding', 'malformed', 'bad-signature']).toContain(!result.ok && result.reason);
      }),
      { numRuns: 200 },
    );
  });

  it('any signed JSON that is not a valid versions list is invalid-payload, never an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const crafted = craftBundle({
          recipients: [coordinator.publicKey],
          payload: (h) => signedPayload(h, payloadFields(device, json as unknown[], ZERO_HASH, { first: 1, last: 1 }), device),
        });
        expect(open(crafted)).toEqual({ ok: false, reason: 'invalid-payload' });
      }),
      { numRuns: 100 },
    );
  });
});
