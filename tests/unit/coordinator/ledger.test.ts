import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BundleVersion } from '../../../src/bundle/bundleVersion';
import type { OpenedBundle } from '../../../src/bundle/openBundle';
import { canonicalJson } from '../../../src/coordinator/canonicalJson';
import { missingRanges } from '../../../src/coordinator/counterRanges';
import { createLedger } from '../../../src/coordinator/ledger';
import { testReport, versionsFor, ZERO_HASH } from '../bundle/bundleTestKit';

const DEVICE_A = 'device-a';
const DEVICE_B = 'device-b';
let nextId = 0;

/** What openBundle returns for a verified bundle; the ledger trusts exactly these fields. */
function opened(deviceId: string, versions: BundleVersion[], id = `bundle-${++nextId}`): OpenedBundle {
  const firstCounter = versions[0]?.counter ?? 1;
  return {
    id,
    deviceId,
    devicePublicKey: new Uint8Array(32),
    firstCounter,
    lastCounter: firstCounter + versions.length - 1,
    previousBundleHash: ZERO_HASH,
    createdAtHour: 486_710,
    versions,
  };
}

const counters = (list: readonly { counter: number }[]) => list.map((v) => v.counter);

describe('ledger.accept', () => {
  it('accepts new versions and counts a duplicate delivery or a re-sealed copy once', () => {
    const ledger = createLedger();
    const bundle = opened(DEVICE_A, versionsFor(1, 3));
    expect(ledger.accept(bundle)).toBe('accepted');
    expect(ledger.accept(bundle)).toBe('duplicate');
    expect(ledger.accept(opened(DEVICE_A, versionsFor(1, 3)))).toBe('duplicate');
    expect(counters(ledger.versions())).toEqual([1, 2, 3]);
    expect(ledger.versions().every((v) => v.bundleId === bundle.id && v.deviceId === DEVICE_A)).toBe(true);
  });

  it('merges only the new counters of a bundle that overlaps identically', () => {
    const ledger = createLedger();
    const first = opened(DEVICE_A, versionsFor(1, 2));
    ledger.accept(first);
    const overlapping = opened(DEVICE_A, versionsFor(2, 2));
    expect(ledger.accept(overlapping)).toBe('accepted');
    expect(ledger.versions().map((v) => [v.counter, v.bundleId])).toEqual([
      [1, first.id],
      [2, first.id],
      [3, overlapping.id],
    ]);
  });

  it('flags a counter signed twice with different content and merges nothing of that bundle', () => {
    const ledger = createLedger();
    ledger.accept(opened(DEVICE_A, versionsFor(1, 2)));
    const forked = opened(DEVICE_A, versionsFor(2, 2, ' (other text)'));
    expect(ledger.accept(forked)).toBe('equivocation');
    expect(ledger.accept(forked)).toBe('equivocation');
    expect(counters(ledger.versions())).toEqual([1, 2]);
    expect(ledger.equivocations()).toEqual([{ deviceId: DEVICE_A, bundleId: forked.id, counters: [2] }]);
    expect(ledger.versions()[1]?.report.narrative).toBe(versionsFor(2, 1)[0]?.report.narrative);
  });

  it('flags one report version claimed at two counters, across bundles or inside one', () => {
    const report = testReport(1);
    const v = (counter: number, version: number): BundleVersion => ({ reportId: report.id, version, counter, savedAt: 0, report });
    const ledger = createLedger();
    expect(ledger.accept(opened(DEVICE_A, [v(1, 1)]))).toBe('accepted');
    expect(ledger.accept(opened(DEVICE_A, [v(2, 1)]))).toBe('equivocation');
    expect(ledger.accept(opened(DEVICE_A, [v(3, 2), v(4, 2)]))).toBe('equivocation');
    // Positive control: the next version at the next counter is an ordinary amendment.
    expect(ledger.accept(opened(DEVICE_A, [v(2, 2)]))).toBe('accepted');
    expect(ledger.reports()).toHaveLength(1);
    expect(ledger.reports()[0]?.versions.map((x) => x.version)).toEqual([1, 2]);
  });

  it('key order does not make identical content look different', () => {
    const [version] = versionsFor(1, 1);
    if (version === undefined) throw new Error('set-up');
    const reordered = Object.fromEntries(Object.entries(version).reverse()) as BundleVersion;
    const ledger = createLedger();
    ledger.accept(opened(DEVICE_A, [version]));
    expect(ledger.accept(opened(DEVICE_A, [reordered]))).toBe('duplicate');
  });

  it('refuses revoked devices and, given an enrolment list, devices not on it', () => {
    const ledger = createLedger({ enrolledDevices: [DEVICE_A, DEVICE_B], revokedDevices: [DEVICE_B] });
    expect(ledger.accept(opened(DEVICE_B, versionsFor(1, 1)))).toBe('revoked-device');
    expect(ledger.accept(opened('device-c', versionsFor(1, 1)))).toBe('unknown-device');
    expect(ledger.accept(opened(DEVICE_A, versionsFor(1, 1)))).toBe('accepted');
    expect(ledger.versions().map((v) => v.deviceId)).toEqual([DEVICE_A]);
  });

  it('keeps devices apart: the same counter or report id from two devices are two things', () => {
    const ledger = createLedger();
    ledger.accept(opened(DEVICE_A, versionsFor(1, 1)));
    expect(ledger.accept(opened(DEVICE_B, versionsFor(1, 1, ' (B)')))).toBe('accepted');
    expect(ledger.reports().map((r) => [r.deviceId, r.reportId])).toEqual([
      [DEVICE_A, testReport(1).id],
      [DEVICE_B, testReport(1).id],
    ]);
  });
});

describe('ledger.gaps', () => {
  it('lists per device the counters missing below its highest', () => {
    const ledger = createLedger();
    ledger.accept(opened(DEVICE_B, versionsFor(9, 2)));
    ledger.accept(opened(DEVICE_B, versionsFor(1, 2)));
    ledger.accept(opened(DEVICE_B, versionsFor(5, 1)));
    ledger.accept(opened(DEVICE_A, versionsFor(1, 3)));
    expect(ledger.gaps()).toEqual([
      { deviceId: DEVICE_A, highestCounter: 3, missing: [] },
      {
        deviceId: DEVICE_B,
        highestCounter: 10,
        missing: [
          { first: 3, last: 4 },
          { first: 6, last: 8 },
        ],
      },
    ]);
  });

  it('a gap closes when the missing bundle arrives late', () => {
    const ledger = createLedger();
    ledger.accept(opened(DEVICE_A, versionsFor(3, 1)));
    expect(ledger.gaps()[0]?.missing).toEqual([{ first: 1, last: 2 }]);
    ledger.accept(opened(DEVICE_A, versionsFor(1, 2)));
    expect(ledger.gaps()[0]?.missing).toEqual([]);
  });
});

describe('missingRanges', () => {
  it('equals the naive answer: every counter from 1 to the highest that is not in the set', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 60 }), (seen) => {
        const set = new Set(seen);
        const highest = Math.max(0, ...seen);
        const naive = Array.from({ length: highest }, (_, i) => i + 1).filter((c) => !set.has(c));
        const expanded = missingRanges(seen).flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i));
        expect(expanded).toEqual(naive);
      }),
    );
  });

  it('stays one range for a device that jumps to a huge counter', () => {
    expect(missingRanges([1, 4_000_000_000])).toEqual([{ first: 2, last: 3_999_999_999 }]);
  });
});

describe('canonicalJson', () => {
  it('ignores key order at every level but not array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('parses back to the same value as JSON.stringify gives', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
