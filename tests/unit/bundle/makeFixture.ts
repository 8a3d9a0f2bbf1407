// Writes the committed bundle fixtures of format version 1. Run once per new fixture, by hand:
//
//   npx tsx tests/unit/bundle/makeFixture.ts
//
// It never overwrites: a fixture whose files exist is kept as it is, because a shipped fixture is what
// proves that later code still opens bundles made by earlier code (tests/unit/bundle/fixtures.test.ts).
// To add a fixture, add a write(...) call below and run the script again.
//
// All randomness (content keys, nonces, sealed-box ephemeral keys) comes from tweetnacl's PRNG, which
// this script replaces with SHA-256 in counter mode over a seed named after each fixture, so every run
// writes the same bytes for the same fixture. That is for fixtures only: the app never sets the PRNG.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nacl from 'tweetnacl';
import type { BundleVersion } from '../../../src/bundle/bundleVersion';
import { toBase64Url, toHex } from '../../../src/crypto/bytes';
import { sha256 } from '../../../src/crypto/sha256';
import type { SigningKeyPair } from '../../../src/crypto/signingKeys';
import type { BoxKeyPair } from '../../../src/crypto/x25519';
import { BUNDLE_FORMAT_VERSION } from '../../../src/protocol/bundleFormat';
import { boxKeys, MAILBOX, SAVED_AT, sealOrThrow, signingKeys, testReport, versionsFor, ZERO_HASH } from './bundleTestKit';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/bundles', `v${BUNDLE_FORMAT_VERSION}`);

let seed = '';
let block = 0;
let pending: number[] = [];
nacl.setPRNG((out: Uint8Array, n: number) => {
  while (pending.length < n) pending.push(...createHash('sha256').update(`dala bundle fixtures v1:${seed}:${block++}`).digest());
  out.set(pending.splice(0, n));
});

/** Restarts the deterministic random stream; each fixture has its own, so adding one changes no other. */
function seedPrng(label: string): void {
  seed = label;
  block = 0;
  pending = [];
}

interface FixtureSpec {
  readonly name: string;
  readonly description: string;
  readonly device: SigningKeyPair;
  readonly coordinators: readonly BoxKeyPair[];
  readonly versions: BundleVersion[];
  readonly previousBundleHash: Uint8Array;
}

function write(spec: FixtureSpec): void {
  const bundlePath = join(outDir, `${spec.name}.bundle`);
  const jsonPath = join(outDir, `${spec.name}.json`);
  if (existsSync(bundlePath) && existsSync(jsonPath)) {
    console.log(`kept ${bundlePath}: shipped fixtures are never regenerated`);
    return;
  }
  if (existsSync(bundlePath) || existsSync(jsonPath)) throw new Error(`${spec.name}: only one of its two files exists; restore the other from git`);
  seedPrng(spec.name);
  const sealed = sealOrThrow({
    mailboxId: MAILBOX,
    recipients: spec.coordinators.map((c) => c.publicKey),
    device: spec.device,
    versions: spec.versions,
    previousBundleHash: spec.previousBundleHash,
    createdAt: SAVED_AT,
  });
  const expectation = {
    description: spec.description,
    formatVersion: BUNDLE_FORMAT_VERSION,
    bundleFile: `${spec.name}.bundle`,
    mailboxId: MAILBOX,
    // Test keys made for this fixture only; they protect nothing.
    coordinators: spec.coordinators.map((c) => ({ publicKey: toBase64Url(c.publicKey), secretKey: toBase64Url(c.secretKey) })),
    expected: {
      id: sealed.id,
      byteLength: sealed.bytes.length,
      deviceId: toBase64Url(spec.device.publicKey),
      firstCounter: sealed.firstCounter,
      lastCounter: sealed.lastCounter,
      previousBundleHash: toHex(spec.previousBundleHash),
      createdAtHour: Math.floor(SAVED_AT / 3_600_000),
      versions: spec.versions,
    },
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(bundlePath, sealed.bytes);
  writeFileSync(jsonPath, `${JSON.stringify(expectation, null, 2)}\n`);
  console.log(`wrote ${bundlePath} (${sealed.bytes.length} bytes, id ${sealed.id})`);
}

const deviceA = signingKeys('fixture-device-a');
write({
  name: 'one-coordinator',
  description: 'The worked example of BUNDLE_FORMAT.md: a device\'s first bundle, one report version, one coordinator.',
  device: deviceA,
  coordinators: [boxKeys('fixture-coordinator-1')],
  versions: versionsFor(1, 1),
  previousBundleHash: ZERO_HASH,
});

// A later bundle of a chain: counters 3..5, an amendment, non-ASCII text, sealed to two coordinators.
const deviceB = signingKeys('fixture-device-b');
const earlier = versionsFor(1, 2);
seedPrng('two-coordinators-chained/previous');
const previous = sealOrThrow({
  mailboxId: MAILBOX,
  recipients: [boxKeys('fixture-coordinator-1').publicKey, boxKeys('fixture-coordinator-2').publicKey],
  device: deviceB,
  versions: earlier,
  previousBundleHash: ZERO_HASH,
  createdAt: SAVED_AT,
});
const firstReport = earlier[0]?.report ?? testReport(1);
const amended = { ...firstReport, narrative: 'Уточнение: собрание сорвали около 25 человек. Жиналысты 25-ке жуық адам бұзды.' };
const kazakh = testReport(4, {
  incidentType: 'police_visit',
  narrative: 'Екі полиция қызметкері белсендінің үйіне таңғы сағат алтыда келді.',
  where: { region: 'Алматы облысы', city: 'Қонаев' },
  actors: ['police'],
  freedoms: ['association'],
});
write({
  name: 'two-coordinators-chained',
  description: 'A later bundle of a chain (counters 3..5, previous hash set): an amendment and Cyrillic text, two coordinators.',
  device: deviceB,
  coordinators: [boxKeys('fixture-coordinator-1'), boxKeys('fixture-coordinator-2')],
  versions: [
    { reportId: firstReport.id, version: 2, counter: 3, savedAt: SAVED_AT + 3_600_000, report: amended },
    { reportId: kazakh.id, version: 1, counter: 4, savedAt: SAVED_AT + 3_660_000, report: kazakh },
    ...versionsFor(5, 1),
  ],
  previousBundleHash: sha256(previous.bytes),
});
