// Shared set-up for the bundle and coordinator tests: deterministic keys, valid report versions, and
// a device that seals a chain of bundles the way the sync layer does (counters contiguous, hashes chained).
import type { BundleVersion } from '../../../src/bundle/bundleVersion';
import { sealBundle } from '../../../src/bundle/sealBundle';
import type { SealBundleInput, SealedBundle } from '../../../src/bundle/sealBundle';
import { utf8Encode } from '../../../src/crypto/bytes';
import { sha256 } from '../../../src/crypto/sha256';
import { signingKeyPairFromSeed } from '../../../src/crypto/signingKeys';
import type { SigningKeyPair } from '../../../src/crypto/signingKeys';
import { boxKeyPairFromSecretKey } from '../../../src/crypto/x25519';
import type { BoxKeyPair } from '../../../src/crypto/x25519';
import { reportSchema } from '../../../src/domain/report';
import type { Report, ReportInput } from '../../../src/domain/report';

export const MAILBOX = 'AAECAwQFBgcICQoLDA0ODw';
export const OTHER_MAILBOX = 'ZmFrZS1tYWlsYm94LWlkLQ';
/** 2025-03-01T14:25:00Z */
export const SAVED_AT = Date.UTC(2025, 2, 1, 14, 25);
export const ZERO_HASH = new Uint8Array(32);

export function signingKeys(label: string): SigningKeyPair {
  return signingKeyPairFromSeed(sha256(utf8Encode(`signing:${label}`)));
}

export function boxKeys(label: string): BoxKeyPair {
  return boxKeyPairFromSecretKey(sha256(utf8Encode(`box:${label}`)));
}

/** A UUID-shaped id that depends only on n, so fixtures come out the same on every run. */
export function reportId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function testReport(n: number, overrides: Partial<ReportInput> = {}): Report {
  return reportSchema.parse({
    id: reportId(n),
    incidentType: 'meeting_disrupted',
    when: { value: '2025-03-01', precision: 'day' },
    where: { region: 'Almaty Region', city: 'Konaev' },
    narrative: `Report ${n}: about 20 men in plain clothes shouted down the founding meeting of a new party.`,
    actors: ['unidentified_group'],
    freedoms: ['association'],
    ...overrides,
  } as ReportInput);
}

/** `count` versions with counters firstCounter, firstCounter + 1, ...; each a new report numbered by its counter. */
export function versionsFor(firstCounter: number, count: number, label = ''): BundleVersion[] {
  return Array.from({ length: count }, (_, i) => {
    const counter = firstCounter + i;
    const report = testReport(counter, { narrative: `Report ${counter}${label}: the meeting hall was locked by the landlord on police advice.` });
    return { reportId: report.id, version: 1, counter, savedAt: SAVED_AT + counter * 60_000, report };
  });
}

export function sealOrThrow(input: SealBundleInput): SealedBundle {
  const sealed = sealBundle(input);
  if (!sealed.ok) throw new Error(`sealBundle failed in set-up: ${sealed.reason}`);
  return sealed.value;
}

export interface DeviceChain {
  readonly device: SigningKeyPair;
  readonly bundles: readonly SealedBundle[];
}

/** One device sealing bundles of the given sizes in order, as the outbox would: counters from 1, hashes chained. */
export function sealChain(options: {
  readonly device: SigningKeyPair;
  readonly sizes: readonly number[];
  readonly recipients: readonly Uint8Array[];
  readonly mailboxId?: string;
  readonly label?: string;
}): DeviceChain {
  const bundles: SealedBundle[] = [];
  let counter = 1;
  let previousBundleHash = ZERO_HASH;
  for (const size of options.sizes) {
    const sealed = sealOrThrow({
      mailboxId: options.mailboxId ?? MAILBOX,
      recipients: options.recipients,
      device: options.device,
      versions: versionsFor(counter, size, options.label),
      previousBundleHash,
      createdAt: SAVED_AT,
    });
    bundles.push(sealed);
    previousBundleHash = sha256(sealed.bytes);
    counter += size;
  }
  return { device: options.device, bundles };
}
