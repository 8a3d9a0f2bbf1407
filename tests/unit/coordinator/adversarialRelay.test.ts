// The acceptance test of sealed bundles (DESIGN.md §9, P4, P6): whatever an adversarial relay does —
// drop, duplicate, reorder, flip bits, truncate, splice, replay old bundles or bundles from another
// mailbox, inject bundles signed by a key that is not enrolled, withhold chosen bundles — the
// coordinator (openBundle + ledger) accepts exactly the authentic bundles that arrived intact, counts
// each (device, counter) once, refuses every altered copy with a reason, and reports as gaps exactly
// the counters that never arrived below each device's highest delivered counter.
//
// What no coordinator can see from bundles alone: a withheld TAIL (a device's newest bundles) looks
// the same as a device that has not sent them yet. Receipts back to the device address that later.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../../src/bundle/openBundle';
import type { BundleOpenFailure } from '../../../src/bundle/openBundle';
import type { SealedBundle } from '../../../src/bundle/sealBundle';
import { concatBytes, toBase64Url, utf8Encode } from '../../../src/crypto/bytes';
import { createLedger } from '../../../src/coordinator/ledger';
import type { AcceptOutcome } from '../../../src/coordinator/ledger';
import { parseBundleHeader } from '../../../src/protocol/bundleHeader';
import { boxKeys, MAILBOX, must, OTHER_MAILBOX, sealChain, signingKeys, versionsFor } from '../bundle/bundleTestKit';

// Sealing is the slow part (Ed25519 in JavaScript), so the devices' chains are sealed once; each run
// chooses how much of each chain was sent and everything the relay does with it.
const coordinator = boxKeys('coordinator-1');
const recipients = [coordinator.publicKey, boxKeys('coordinator-2').publicKey];
const chainSizes = [
  [1, 3, 2, 1, 2],
  [2, 1, 3, 1],
  [3, 1, 1, 2, 1],
];
const devices = chainSizes.map((sizes, i) => sealChain({ device: signingKeys(`device-${i}`), sizes, recipients }));
const deviceIds = devices.map((d) => toBase64Url(d.device.publicKey));

interface PoolBundle {
  readonly device: number;
  readonly index: number;
  readonly sealed: SealedBundle;
}
const pool: readonly PoolBundle[] = devices.flatMap((chain, device) => chain.bundles.map((sealed, index) => ({ device, index, sealed })));

// The same device, honest, but sending to another organisation's mailbox that shares a coordinator.
const elsewhere = sealChain({ device: signingKeys('device-0'), sizes: [1, 2], recipients, mailboxId: OTHER_MAILBOX, label: ' (elsewhere)' }).bundles;
// A key that was never enrolled, sealing properly to the coordinators (their public keys are no secret).
const intruder = sealChain({ device: signingKeys('intruder'), sizes: [2], recipients, label: ' (intruder)' }).bundles;

/**
 * openBundle is a pure function of its input, so the result for an untouched pool bundle is computed
 * once and reused (verifying Ed25519 in JavaScript is what would make the runs slow). Every altered,
 * replayed-from-elsewhere or injected byte string is opened for real, every time.
 */
const authenticOpens = new Map<Uint8Array, ReturnType<typeof openBundle>>();
function openAsCoordinator(bytes: Uint8Array): ReturnType<typeof openBundle> {
  const known = authenticOpens.get(bytes);
  if (known !== undefined) return known;
  const result = openBundle(bytes, { mailboxId: MAILBOX, recipientKeyPair: coordinator });
  if (pool.some((b) => b.sealed.bytes === bytes)) authenticOpens.set(bytes, result);
  return result;
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), position: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat() }),
  fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('splice' as const), donor: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const injection = fc.oneof(
  fc.record({ kind: fc.constant('other-mailbox' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('other-mailbox-relabelled' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('intruder' as const), which: fc.nat() }),
);

const scenario = fc.record({
  /** How many bundles of its chain each device has sent. */
  sent: fc.tuple(...chainSizes.map((sizes) => fc.integer({ min: 0, max: sizes.length }))),
  /** Per pool bundle: intact copies delivered (0 = dropped) and altered copies delivered. */
  fates: fc.array(fc.record({ copies: fc.integer({ min: 0, max: 3 }), altered: fc.array(mutation, { maxLength: 2 }) }), {
    minLength: pool.length,
    maxLength: pool.length,
  }),
  /** Bundles the relay withholds on purpose: no intact copy ever arrives, whatever `copies` says. */
  withheld: fc.uniqueArray(fc.integer({ min: 0, max: pool.length - 1 }), { maxLength: 4 }),
  injected: fc.array(injection, { maxLength: 3 }),
  /** Delivery order: position i goes out with priority order[i] (missing = its own index). */
  order: fc.array(fc.nat({ max: 1000 }), { maxLength: 80 }),
});

type Delivery =
  | { readonly kind: 'intact'; readonly bundle: PoolBundle; readonly bytes: Uint8Array }
  | { readonly kind: 'altered'; readonly bytes: Uint8Array }
  | { readonly kind: 'other-mailbox' | 'other-mailbox-relabelled' | 'intruder'; readonly bytes: Uint8Array };

function headerLength(bytes: Uint8Array): number {
  const header = parseBundleHeader(bytes);
  if (!header.ok) throw new Error('set-up: pool bundle without a header');
  return header.value.length;
}

function alter(poolIndex: number, m: Mutation): Uint8Array {
  const bytes = must(pool[poolIndex], 'bundle').sealed.bytes;
  switch (m.kind) {
    case 'flip': {
      const flipped = bytes.slice();
      const at = m.position % bytes.length;
      flipped[at] = must(flipped[at], 'byte') ^ (1 << m.bit);
      return flipped;
    }
    case 'truncate':
      return bytes.subarray(0, m.keep % bytes.length);
    case 'append':
      return concatBytes(bytes, m.bytes);
    case 'splice': {
      // This bundle's header (so its slot opens) in front of another bundle's nonce and body.
      const donor = must(pool[(poolIndex + 1 + (m.donor % (pool.length - 1))) % pool.length], 'donor').sealed.bytes;
      return concatBytes(bytes.subarray(0, headerLength(bytes)), donor.subarray(headerLength(donor)));
    }
  }
}

/** Another mailbox's bundle with its header rewritten to name this one (same length, so it still parses). */
function relabelled(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  out.set(utf8Encode(MAILBOX), 7);
  return out;
}

describe('adversarial relay', () => {
  it('set-up: the other mailbox id has the same length, and the pool is sealed to the coordinator', () => {
    expect(OTHER_MAILBOX).toHaveLength(MAILBOX.length);
    expect(pool.every((b) => openBundle(b.sealed.bytes, { mailboxId: MAILBOX, recipientKeyPair: coordinator }).ok)).toBe(true);
  });

  it('the coordinator accepts exactly the authentic delivered set, counts nothing twice, and reports exactly the missing counters', () => {
    fc.assert(
      fc.property(scenario, ({ sent, fates, withheld, injected, order }) => {
        const isSent = (b: PoolBundle) => b.index < must(sent[b.device], 'sent');
        const withheldSet = new Set(withheld);

        const deliveries: Delivery[] = [];
        pool.forEach((bundle, i) => {
          if (!isSent(bundle)) return;
          const fate = must(fates[i], 'fate');
          if (!withheldSet.has(i)) for (let c = 0; c < fate.copies; c++) deliveries.push({ kind: 'intact', bundle, bytes: bundle.sealed.bytes });
          for (const m of fate.altered) deliveries.push({ kind: 'altered', bytes: alter(i, m) });
        });
        for (const inj of injected) {
          const source = inj.kind === 'intruder' ? intruder : elsewhere;
          const bytes = must(source[inj.which % source.length], 'injected').bytes;
          deliveries.push({ kind: inj.kind, bytes: inj.kind === 'other-mailbox-relabelled' ? relabelled(bytes) : bytes });
        }
        const shuffled = deliveries
          .map((delivery, i) => ({ delivery, priority: order[i] ?? i }))
          .sort((a, b) => a.priority - b.priority)
          .map((x) => x.delivery);

        // The coordinator's side: open each delivery, hand what opens to the ledger.
        const ledger = createLedger({ enrolledDevices: deviceIds });
        const outcomes: AcceptOutcome[] = [];
        const refusals: BundleOpenFailure[] = [];
        for (const delivery of shuffled) {
          const opened = openAsCoordinator(delivery.bytes);
          if (!opened.ok) {
            refusals.push(opened.reason);
            if (delivery.kind === 'intact' || delivery.kind === 'intruder') throw new Error(`${delivery.kind} delivery refused: ${opened.reason}`);
            if (delivery.kind === 'other-mailbox') expect(opened.reason).toBe('wrong-mailbox');
            if (delivery.kind === 'other-mailbox-relabelled') expect(opened.reason).toBe('bad-signature');
            continue;
          }
          if (delivery.kind === 'altered' || delivery.kind === 'other-mailbox' || delivery.kind === 'other-mailbox-relabelled') {
            throw new Error(`an ${delivery.kind} delivery opened`);
          }
          const outcome = ledger.accept(opened.value);
          outcomes.push(outcome);
          if (delivery.kind === 'intruder') expect(outcome).toBe('unknown-device');
        }

        // Expected, from the model alone.
        const arrived = pool.filter((b, i) => isSent(b) && !withheldSet.has(i) && must(fates[i], 'fate').copies > 0);
        const intactCount = shuffled.filter((d) => d.kind === 'intact').length;
        const expectedVersions = arrived
          .flatMap((b) => {
            const first = chainSizes[b.device]?.slice(0, b.index).reduce((a, n) => a + n, 1) ?? 1;
            const size = must(chainSizes[b.device]?.[b.index], 'size');
            return versionsFor(first, size).map((v) => ({ ...v, deviceId: must(deviceIds[b.device], 'id'), bundleId: b.sealed.id }));
          })
          .sort((a, b) => (a.deviceId === b.deviceId ? a.counter - b.counter : a.deviceId < b.deviceId ? -1 : 1));

        expect(ledger.versions()).toEqual(expectedVersions);
        expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(arrived.length);
        expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(intactCount - arrived.length);
        expect(ledger.equivocations()).toEqual([]);
        expect(refusals).toHaveLength(shuffled.length - outcomes.length);

        const expectedGaps = deviceIds.flatMap((deviceId) => {
          const delivered = new Set(expectedVersions.filter((v) => v.deviceId === deviceId).map((v) => v.counter));
          if (delivered.size === 0) return [];
          const highest = Math.max(...delivered);
          const missing = Array.from({ length: highest }, (_, i) => i + 1).filter((c) => !delivered.has(c));
          return [{ deviceId, highest, missing }];
        });
        const reportedGaps = ledger.gaps().map((g) => ({
          deviceId: g.deviceId,
          highest: g.highestCounter,
          missing: g.missing.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i)),
        }));
        expect(reportedGaps).toEqual(expectedGaps.sort((a, b) => (a.deviceId < b.deviceId ? -1 : 1)));
      }),
      { numRuns: 150 },
    );
  });
});
