import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BundleVersion } from '../../../src/bundle/bundleVersion';
import { openBundle } from '../../../src/bundle/openBundle';
import { sealBundle } from '../../../src/bundle/sealBundle';
import { bytesEqual, concatBytes, toBase64Url } from '../../../src/crypto/bytes';
import { contentId, sha256 } from '../../../src/crypto/sha256';
import { parseBundleHeader } from '../../../src/protocol/bundleHeader';
import { BUNDLE_PAYLOAD_FIXED_BYTES, bundleSizes } from '../../../src/protocol/bundleFormat';
import type { ReportVersionRecord } from '../../../src/store/storeApi';
import {
  boxKeys,
  craftBundle,
  MAILBOX,
  must,
  OTHER_MAILBOX,
  payloadFields,
  rewritePayload,
  SAVED_AT,
  sealOrThrow,
  signedPayload,
  signingKeys,
  testReport,
  versionsFor,
  ZERO_HASH,
} from './bundleTestKit';

const device = signingKeys('device-1');
const [c1, c2, c3] = [boxKeys('coordinator-1'), boxKeys('coordinator-2'), boxKeys('coordinator-3')];
const outsider = boxKeys('outsider');

function sealFirst(recipients: readonly Uint8Array[], versions: BundleVersion[] = versionsFor(1, 2)) {
  return sealOrThrow({ mailboxId: MAILBOX, recipients, device, versions, previousBundleHash: ZERO_HASH, createdAt: SAVED_AT });
}

describe('sealBundle -> openBundle round trip', () => {
  it('a single coordinator gets back exactly what the device sealed, attributed to the device', () => {
    const versions = versionsFor(1, 2);
    const sealed = sealFirst([c1.publicKey], versions);
    const opened = openBundle(sealed.bytes, { mailboxId: MAILBOX, recipientKeyPair: c1 });
    if (!opened.ok) throw new Error(`expected ok, got ${opened.reason}`);
    expect(opened.value.id).toBe(contentId(sealed.bytes));
    expect(sealed.id).toBe(opened.value.id);
    expect(opened.value.deviceId).toBe(toBase64Url(device.publicKey));
    expect(bytesEqual(opened.value.devicePublicKey, device.publicKey)).toBe(true);
    expect([opened.value.firstCounter, opened.value.lastCounter]).toEqual([1, 2]);
    expect([sealed.firstCounter, sealed.lastCounter]).toEqual([1, 2]);
    expect(bytesEqual(opened.value.previousBundleHash, ZERO_HASH)).toBe(true);
    expect(opened.value.createdAtHour * 3_600_000).toBe(Date.UTC(2025, 2, 1, 14));
    expect(opened.value.versions).toEqual(versions);
  });

  it('with three coordinators each one opens the same content with its own key', () => {
    const versions = versionsFor(1, 3);
    const sealed = sealFirst([c1.publicKey, c2.publicKey, c3.publicKey], versions);
    for (const coordinator of [c1, c2, c3]) {
      const opened = openBundle(sealed.bytes, { mailboxId: MAILBOX, recipientKeyPair: coordinator });
      expect(opened.ok && opened.value.versions).toEqual(versions);
    }
  });

  it('a later bundle carries its counters and the hash of the previous bundle', () => {
    const first = sealFirst([c1.publicKey]);
    const second = sealOrThrow({ mailboxId: MAILBOX, recipients: [c1.publicKey], device, versions: versionsFor(3, 1), previousBundleHash: sha256(first.bytes) });
    const opened = openBundle(second.bytes, { mailboxId: MAILBOX, recipientKeyPair: c1 });
    if (!opened.ok) throw new Error(opened.reason);
    expect([opened.value.firstCounter, opened.value.lastCounter]).toEqual([3, 3]);
    expect(bytesEqual(opened.value.previousBundleHash, sha256(first.bytes))).toBe(true);
  });

  it('amendments of one report travel together and keep their version numbers', () => {
    const report = testReport(7);
    const amended = { ...report, narrative: 'Corrected: 25 people, not 20.' };
    const versions: BundleVersion[] = [
      { reportId: report.id, version: 1, counter: 1, savedAt: SAVED_AT, report },
      { reportId: report.id, version: 2, counter: 2, savedAt: SAVED_AT + 1, report: amended },
    ];
    const opened = openBundle(sealFirst([c1.publicKey], versions).bytes, { mailboxId: MAILBOX, recipientKeyPair: c1 });
    expect(opened.ok && opened.value.versions.map((v) => [v.version, v.report.narrative])).toEqual([
      [1, report.narrative],
      [2, 'Corrected: 25 people, not 20.'],
    ]);
  });

  it('the same input sealed twice gives different bytes (fresh content key, nonce and ephemeral keys)', () => {
    const versions = versionsFor(1, 1);
    expect(bytesEqual(sealFirst([c1.publicKey], versions).bytes, sealFirst([c1.publicKey], versions).bytes)).toBe(false);
  });

  it('the clear header shows the mailbox and slot count but nothing of the device or the reports', () => {
    const sealed = sealFirst([c1.publicKey, c2.publicKey]);
    const header = parseBundleHeader(sealed.bytes);
    if (!header.ok) throw new Error(header.reason);
    expect(header.value.mailboxId).toBe(MAILBOX);
    expect(header.value.slots).toHaveLength(2);
    expect(Buffer.from(sealed.bytes).includes(Buffer.from(device.publicKey))).toBe(false);
    expect(Buffer.from(sealed.bytes).includes(Buffer.from('Konaev'))).toBe(false);
    // Positive control: the search does find bytes that are there.
    expect(Buffer.from(sealed.bytes).includes(Buffer.from(MAILBOX))).toBe(true);
  });

  it('bundles of different sizes below a bucket come out the same length', () => {
    const short = sealFirst([c1.publicKey], versionsFor(1, 1));
    const longer = sealFirst([c1.publicKey], [{ ...must(versionsFor(1, 1)[0], 'version'), report: testReport(1, { narrative: 'x'.repeat(200) }) }]);
    expect(longer.bytes.length).toBe(short.bytes.length);
  });

  it('BundleVersion and the store\'s ReportVersionRecord are the same shape', () => {
    expectTypeOf<ReportVersionRecord>().toExtend<BundleVersion>();
    expectTypeOf<BundleVersion>().toExtend<ReportVersionRecord>();
  });
});

describe('openBundle refuses', () => {
  it('a coordinator it was not sealed to: not-a-recipient', () => {
    const sealed = sealFirst([c1.publicKey, c2.publicKey]);
    expect(openBundle(sealed.bytes, { mailboxId: MAILBOX, recipientKeyPair: outsider })).toEqual({ ok: false, reason: 'not-a-recipient' });
    expect(openBundle(sealed.bytes, { mailboxId: MAILBOX, recipientKeyPair: c2 }).ok).toBe(true);
  });

  it('a bundle pulled from another mailbox than it names: wrong-mailbox', () => {
    const sealed = sealFirst([c1.publicKey]);
    expect(openBundle(sealed.bytes, { mailboxId: OTHER_MAILBOX, recipientKeyPair: c1 })).toEqual({ ok: false, reason: 'wrong-mailbox' });
  });

  it('a bundle whose header was rewritten to name another mailbox: bad-signature (the signature binds the mailbox)', () => {
    const sealed = sealFirst([c1.publicKey]);
    const moved = sealed.bytes.slice();
    moved.set(new TextEncoder().encode(OTHER_MAILBOX), 7);
    expect(OTHER_MAILBOX).toHaveLength(MAILBOX.length);
    expect(openBundle(moved, { mailboxId: OTHER_MAILBOX, recipientKeyPair: c1 })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(openBundle(sealed.bytes, { mailboxId: MAILBOX, recipientKeyPair: c1 }).ok).toBe(true);
  });

  it('a bundle with a slot removed or the slots reordered: bad-signature (the signature binds the recipients)', () => {
    const sealed = sealFirst([c1.publicKey, c2.publicKey]);
    const header = parseBundleHeader(sealed.bytes);
    if (!header.ok) throw new Error(header.reason);
    const [slot1, slot2] = header.value.slots.map((slot, i) => must(slot, `slot ${i}`)) as [Uint8Array, Uint8Array];
    const prefix = sealed.bytes.subarray(0, 7 + MAILBOX.length);
    const rest = sealed.bytes.subarray(header.value.signedLength);
    const dropped = concatBytes(prefix, Uint8Array.of(1), slot1, rest);
    const swapped = concatBytes(prefix, Uint8Array.of(2), slot2, slot1, rest);
    // Positive control: putting the pieces back in order rebuilds the original bytes.
    expect(bytesEqual(concatBytes(prefix, Uint8Array.of(2), slot1, slot2, rest), sealed.bytes)).toBe(true);
    expect(openBundle(dropped, { mailboxId: MAILBOX, recipientKeyPair: c1 })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(openBundle(swapped, { mailboxId: MAILBOX, recipientKeyPair: c2 })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('another device key put in place of the signer\'s: bad-signature; the untouched payload re-encrypted still opens', () => {
    const sealed = sealFirst([c1.publicKey]);
    const intruder = signingKeys('intruder');
    const swapped = rewritePayload(sealed.bytes, c1, (payload) => {
      payload.set(intruder.publicKey, 0);
      return payload;
    });
    const unchanged = rewritePayload(sealed.bytes, c1, (payload) => payload);
    expect(openBundle(swapped, { mailboxId: MAILBOX, recipientKeyPair: c1 })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(openBundle(unchanged, { mailboxId: MAILBOX, recipientKeyPair: c1 }).ok).toBe(true);
  });

  it('a payload re-signed by another key is attributed to that key, never to the original device', () => {
    const intruder = signingKeys('intruder');
    const versions = versionsFor(1, 1);
    const forged = craftBundle({ recipients: [c1.publicKey], payload: (h) => signedPayload(h, payloadFields(intruder, versions, ZERO_HASH), intruder) });
    const opened = openBundle(forged, { mailboxId: MAILBOX, recipientKeyPair: c1 });
    expect(opened.ok && opened.value.deviceId).toBe(toBase64Url(intruder.publicKey));
  });

  it('a signature that is not the device\'s (signed by another key, device key kept): bad-signature', () => {
    const intruder = signingKeys('intruder');
    const forged = craftBundle({ recipients: [c1.publicKey], payload: (h) => signedPayload(h, payloadFields(device, versionsFor(1, 1), ZERO_HASH), intruder) });
    expect(openBundle(forged, { mailboxId: MAILBOX, recipientKeyPair: c1 })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('an unknown format version or suite, or no magic', () => {
    const sealed = sealFirst([c1.publicKey]);
    const cases: [number, number, string][] = [
      [4, 2, 'unknown-version'],
      [4, 0, 'unknown-version'],
      [5, 2, 'unknown-suite'],
      [0, 0x64, 'malformed'],
    ];
    for (const [offset, value, reason] of cases) {
      const changed = sealed.bytes.slice();
      changed[offset] = value;
      expect(openBundle(changed, { mailboxId: MAILBOX, recipientKeyPair: c1 })).toEqual({ ok: false, reason });
    }
  });

  it('a body too short to hold a tag, or nothing after the header: malformed', () => {
    const sealed = sealFirst([c1.publicKey]);
    const header = parseBundleHeader(sealed.bytes);
    if (!header.ok) throw new Error(header.reason);
    expect(openBundle(sealed.bytes.subarray(0, header.value.length), { mailboxId: MAILBOX, recipientKeyPair: c1 })).toEqual({ ok: false, reason: 'malformed' });
    expect(openBundle(sealed.bytes.subarray(0, header.value.length + 15), { mailboxId: MAILBOX, recipientKeyPair: c1 })).toEqual({ ok: false, reason: 'malformed' });
    expect(openBundle(sealed.bytes.subarray(0, header.value.length + 16), { mailboxId: MAILBOX, recipientKeyPair: c1 })).toEqual({ ok: false, reason: 'tampered' });
  });
});

describe('openBundle refuses content that only a key holder could craft', () => {
  const open = (bytes: Uint8Array) => openBundle(bytes, { mailboxId: MAILBOX, recipientKeyPair: c1 });
  const versions = versionsFor(1, 2);

  it('positive control: a crafted bundle with a correct payload opens', () => {
    const crafted = craftBundle({ recipients: [c1.publicKey], payload: (h) => signedPayload(h, payloadFields(device, versions, ZERO_HASH), device) });
    expect(open(crafted).ok).toBe(true);
  });

  it('padding that is not the format\'s: bad-padding', () => {
    const payload = (h: Uint8Array) => signedPayload(h, payloadFields(device, versions, ZERO_HASH), device);
    const unpaddedRaw = craftBundle({ recipients: [c1.publicKey], payload, pad: (p) => p });
    const nonZeroFill = craftBundle({
      recipients: [c1.publicKey],
      payload,
      pad: (p) => {
        const padded = new Uint8Array(4096);
        new DataView(padded.buffer).setUint32(0, p.length);
        padded.set(p, 4);
        padded[4095] = 1;
        return padded;
      },
    });
    expect(open(unpaddedRaw)).toEqual({ ok: false, reason: 'bad-padding' });
    expect(open(nonZeroFill)).toEqual({ ok: false, reason: 'bad-padding' });
  });

  it('a payload whose lengths do not add up: malformed', () => {
    const short = craftBundle({ recipients: [c1.publicKey], payload: () => new Uint8Array(BUNDLE_PAYLOAD_FIXED_BYTES + bundleSizes.signature - 1) });
    const trailing = craftBundle({
      recipients: [c1.publicKey],
      payload: (h) => concatBytes(signedPayload(h, payloadFields(device, versions, ZERO_HASH), device), Uint8Array.of(0)),
    });
    expect(open(short)).toEqual({ ok: false, reason: 'malformed' });
    expect(open(trailing)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('signed content that breaks the rules: invalid-payload', () => {
    const [v1, v2] = versions as [BundleVersion, BundleVersion];
    const cases: { name: string; fields: ReturnType<typeof payloadFields> }[] = [
      { name: 'counters not contiguous', fields: payloadFields(device, [v1, { ...v2, counter: 3 }], ZERO_HASH, { first: 1, last: 2 }) },
      { name: 'last counter disagrees', fields: payloadFields(device, versions, ZERO_HASH, { first: 1, last: 3 }) },
      { name: 'first counter disagrees', fields: payloadFields(device, versionsFor(2, 2), ZERO_HASH, { first: 1, last: 2 }) },
      { name: 'counter 0', fields: payloadFields(device, versionsFor(0, 1), ZERO_HASH, { first: 0, last: 0 }) },
      { name: 'first bundle with a previous hash', fields: payloadFields(device, versions, sha256(Uint8Array.of(1))) },
      { name: 'later bundle without a previous hash', fields: payloadFields(device, versionsFor(3, 1), ZERO_HASH, { first: 3, last: 3 }) },
      { name: 'no versions', fields: payloadFields(device, [], ZERO_HASH, { first: 1, last: 1 }) },
      { name: 'report fails the schema', fields: payloadFields(device, [{ ...v1, report: { ...v1.report, narrative: '' } }], ZERO_HASH) },
      { name: 'reportId is not the report\'s id', fields: payloadFields(device, [{ ...v1, reportId: testReport(99).id }], ZERO_HASH) },
      { name: 'unknown key', fields: payloadFields(device, [{ ...v1, extra: true }], ZERO_HASH) },
      { name: 'not an array', fields: payloadFields(device, v1 as unknown as unknown[], ZERO_HASH, { first: 1, last: 1 }) },
      { name: 'too many versions', fields: payloadFields(device, versionsFor(1, 65), ZERO_HASH) },
      { name: 'not JSON', fields: { ...payloadFields(device, versions, ZERO_HASH), versionsJson: new TextEncoder().encode('[{"reportId"') } },
      { name: 'not UTF-8', fields: { ...payloadFields(device, versions, ZERO_HASH), versionsJson: Uint8Array.of(0x5b, 0xff, 0x5d) } },
    ];
    for (const { name, fields } of cases) {
      const crafted = craftBundle({ recipients: [c1.publicKey], payload: (h) => signedPayload(h, fields, device) });
      expect(open(crafted), name).toEqual({ ok: false, reason: 'invalid-payload' });
    }
  });
});

describe('sealBundle arguments', () => {
  const base = { mailboxId: MAILBOX, recipients: [c1.publicKey], device, versions: versionsFor(1, 1), previousBundleHash: ZERO_HASH };

  it('refuses what would break the format, naming the argument', () => {
    const lowOrder = new Uint8Array(32); // the identity point: every "shared" secret would be zero
    const cases: [Partial<Parameters<typeof sealBundle>[0]>, RegExp][] = [
      [{ mailboxId: 'has space' }, /mailboxId/],
      [{ mailboxId: 'x'.repeat(65) }, /mailboxId/],
      [{ recipients: [] }, /recipients/],
      [{ recipients: Array.from({ length: 9 }, (_, i) => boxKeys(`r${i}`).publicKey) }, /recipients/],
      [{ recipients: [lowOrder] }, /recipients\[0\]/],
      [{ recipients: [c1.publicKey, c1.publicKey] }, /recipients\[1\]/],
      [{ device: { publicKey: device.publicKey, secretKey: signingKeys('other').secretKey } }, /device\.secretKey/],
      [{ versions: [] }, /versions/],
      [{ versions: [...versionsFor(1, 1), ...versionsFor(3, 1)] }, /versions\[1\]\.counter/],
      [{ versions: versionsFor(1, 1).map((v) => ({ ...v, savedAt: -1 })) }, /versions\[0\]/],
      [{ previousBundleHash: new Uint8Array(31) }, /previousBundleHash/],
      [{ previousBundleHash: sha256(Uint8Array.of(1)) }, /previousBundleHash/],
      [{ versions: versionsFor(2, 1) }, /previousBundleHash/],
      [{ createdAt: Number.NaN }, /createdAt/],
    ];
    for (const [override, message] of cases) expect(() => sealBundle({ ...base, ...override }), String(message)).toThrow(message);
    expect(sealBundle(base).ok).toBe(true);
  });

  it('answers too-large when the versions do not fit the largest payload, and seals what fits', () => {
    // 500 people with 200 three-byte characters in each of three fields: about 0.9 MB of JSON per version.
    const text = '€'.repeat(200);
    const heavy = testReport(1, { peopleAffected: Array.from({ length: 500 }, () => ({ name: text, role: text, affiliation: text })) });
    const heavyVersions = (count: number): BundleVersion[] =>
      Array.from({ length: count }, (_, i) => ({ reportId: heavy.id, version: i + 1, counter: i + 1, savedAt: SAVED_AT, report: heavy }));
    expect(sealBundle({ ...base, versions: heavyVersions(5) })).toEqual({ ok: false, reason: 'too-large' });
    const fits = sealBundle({ ...base, versions: heavyVersions(4) });
    expect(fits.ok && openBundle(fits.value.bytes, { mailboxId: MAILBOX, recipientKeyPair: c1 }).ok).toBe(true);
  });
});
