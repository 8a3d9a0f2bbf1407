// Shared set-up for the bundle and coordinator tests: deterministic keys, valid report versions, and
// a device that seals a chain of bundles the way the sync layer does (counters contiguous, hashes chained).
import { encodeUnsignedPayload, signedMessage } from '../../../src/bundle/bundlePayload';
import type { PayloadFields } from '../../../src/bundle/bundlePayload';
import type { BundleVersion } from '../../../src/bundle/bundleVersion';
import { sealBundle } from '../../../src/bundle/sealBundle';
import type { SealBundleInput, SealedBundle } from '../../../src/bundle/sealBundle';
import { concatBytes, utf8Encode } from '../../../src/crypto/bytes';
import { generateKey } from '../../../src/crypto/keyWrap';
import { padToBucket, unpad } from '../../../src/crypto/padding';
import { openSealedBox, sealToPublicKey } from '../../../src/crypto/sealedBox';
import { decryptWithKey, encryptWithKey } from '../../../src/crypto/secretbox';
import { sha256 } from '../../../src/crypto/sha256';
import { signDetached, signingKeyPairFromSeed } from '../../../src/crypto/signingKeys';
import type { SigningKeyPair } from '../../../src/crypto/signingKeys';
import { boxKeyPairFromSecretKey } from '../../../src/crypto/x25519';
import type { BoxKeyPair } from '../../../src/crypto/x25519';
import { reportSchema } from '../../../src/domain/report';
import type { Report, ReportInput } from '../../../src/domain/report';
import { BUNDLE_SUITES } from '../../../src/protocol/bundleFormat';
import { encodeSignedHeader, parseBundleHeader } from '../../../src/protocol/bundleHeader';

export const MAILBOX = 'AAECAwQFBgcICQoLDA0ODw';
export const OTHER_MAILBOX = 'ZmFrZS1tYWlsYm94LWlkLQ';
/** 2025-03-01T14:25:00Z */
export const SAVED_AT = Date.UTC(2025, 2, 1, 14, 25);
export const ZERO_HASH: Uint8Array = new Uint8Array(32);

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

/**
 * What an attacker who knows the coordinators' public keys can build: a structurally valid header and
 * slots around any padded plaintext. Lets tests reach the checks behind the encryption.
 */
export function craftBundle(options: {
  readonly recipients: readonly Uint8Array[];
  readonly mailboxId?: string;
  /** Builds the plaintext payload; it receives the signed part of the header, for signing. */
  readonly payload: (signedHeader: Uint8Array) => Uint8Array;
  /** Padding to apply; the format's own by default. */
  readonly pad?: (payload: Uint8Array) => Uint8Array;
}): Uint8Array {
  const contentKey = generateKey();
  const signedHeader = encodeSignedHeader({
    suite: BUNDLE_SUITES.X25519_XSALSA20POLY1305_ED25519_SHA256,
    mailboxId: options.mailboxId ?? MAILBOX,
    slots: options.recipients.map((recipient) => sealToPublicKey(contentKey, recipient)),
  });
  const padded = (options.pad ?? padToBucket)(options.payload(signedHeader));
  return concatBytes(signedHeader, encryptWithKey(contentKey, padded));
}

/** A payload signed by `signer` over the given header, like sealBundle's but with any fields. */
export function signedPayload(signedHeader: Uint8Array, fields: PayloadFields, signer: SigningKeyPair): Uint8Array {
  const unsigned = encodeUnsignedPayload(fields);
  return concatBytes(unsigned, signDetached(signedMessage(signedHeader, unsigned), signer.secretKey));
}

/** Payload fields for versions (counters taken from them) by `device`, chained to `previousBundleHash`. */
export function payloadFields(device: SigningKeyPair, versions: unknown[], previousBundleHash: Uint8Array, counters?: { first: number; last: number }): PayloadFields {
  const first = counters?.first ?? 1;
  return {
    devicePublicKey: device.publicKey,
    firstCounter: first,
    lastCounter: counters?.last ?? first + versions.length - 1,
    previousBundleHash,
    createdAtHour: Math.floor(SAVED_AT / 3_600_000),
    versionsJson: utf8Encode(JSON.stringify(versions)),
  };
}

/**
 * What a coordinator (who holds a content key) could do: open the body, change the unpadded payload,
 * and encrypt it again under the same key and slots with a fresh nonce.
 */
export function rewritePayload(bytes: Uint8Array, coordinator: BoxKeyPair, change: (payload: Uint8Array) => Uint8Array): Uint8Array {
  const header = parseBundleHeader(bytes);
  if (!header.ok) throw new Error('rewritePayload: not a bundle');
  const slot = header.value.slots.map((s) => openSealedBox(s, coordinator.publicKey, coordinator.secretKey)).find((o) => o.ok);
  if (slot === undefined || !slot.ok) throw new Error('rewritePayload: not a recipient');
  const body = decryptWithKey(slot.value, bytes.subarray(header.value.signedLength));
  if (!body.ok) throw new Error('rewritePayload: body does not open');
  const payload = unpad(body.value);
  if (!payload.ok) throw new Error('rewritePayload: bad padding');
  const changed = change(payload.value.slice());
  return concatBytes(bytes.subarray(0, header.value.signedLength), encryptWithKey(slot.value, padToBucket(changed)));
}

/** The value, or a set-up error when it is missing (keeps tests free of non-null assertions). */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`set-up: ${what} is missing`);
  return value;
}
