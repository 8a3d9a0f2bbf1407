// Benchmark: the coordinator's intake per report (open each bundle: content-key slot, secretbox,
// strict signature check with Web Crypto's native curves, report schema; the ledger; reports.bin written and fsynced per page of 100
// bundles, as `pullOrganisation` does) against bare secretbox opens of the same bodies
// (goal: 1,000 reports/s or more). Printed, never asserted.
// Run alone: `node --import tsx bench/coordinatorIngestRows.ts`.
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openBundleAsync } from '../src/bundle/openBundleAsync';
import type { SealedBundle } from '../src/bundle/sealBundle';
import { coordinatorFileStorage } from '../src/cli/coordinatorFileStorage';
import { emptyArchive, saveArchive } from '../src/coordinator/coordinatorArchive';
import { coordinatorIdentity } from '../src/coordinator/coordinatorIdentity';
import type { CoordinatorVault } from '../src/coordinator/CoordinatorVault';
import { createBundleIntake } from '../src/coordinator/createBundleIntake';
import { createCoordinatorVault } from '../src/coordinator/createCoordinatorVault';
import { KDF_FLOOR } from '../src/crypto/kdfParams';
import { openSealedBox } from '../src/crypto/sealedBox';
import { decryptWithKey } from '../src/crypto/secretbox';
import { generateBoxKeyPair } from '../src/crypto/x25519';
import type { BoxKeyPair } from '../src/crypto/x25519';
import { parseBundleHeader } from '../src/protocol/bundleHeader';
import { makeTempDir } from '../tests/e2e/support/makeTempDir';
import { median } from './median';
import { printTable } from './printTable';
import type { BenchRow } from './printTable';
import { sealReportChains } from './sealReportChains';

const reportCount = 2000;
const deviceCount = 3;
const warmUpBundles = 40;
/** Reports for the one-report-per-bundle figure. */
const singleReportCount = 600;
const runs = 3;
/** pullOrganisation's default page: reports.bin is rewritten once per page. */
const pageSize = 100;
const goalPerSecond = 1000;
const mailboxId = 'YmVuY2gtbWFpbGJveC0wMQ';

/** 1..10 versions per bundle, in a fixed mixed order (mean 5.5). */
const versionsPerBundle = (i: number): number => ((i * 7) % 10) + 1;

const versionsIn = (bundles: readonly SealedBundle[]) => bundles.reduce((sum, b) => sum + b.lastCounter - b.firstCounter + 1, 0);

/** Milliseconds for the real intake of `bundles` into a fresh folder; throws unless every version was accepted. */
async function timeIntake(scratch: string, vault: CoordinatorVault, recipient: BoxKeyPair, bundles: readonly SealedBundle[]): Promise<number> {
  const storage = coordinatorFileStorage(await mkdtemp(join(scratch, 'run-')));
  const start = performance.now();
  const intake = createBundleIntake({ storage, archive: emptyArchive, mailboxId, recipient });
  for (let at = 0; at < bundles.length; at += pageSize) {
    for (const bundle of bundles.slice(at, at + pageSize)) await intake.receive(bundle.bytes, 'bench', bundle.id);
    await saveArchive(storage, vault, intake.archive());
  }
  const elapsed = performance.now() - start;
  const summary = intake.summary();
  if (summary.newVersions !== versionsIn(bundles) || summary.rejected.length > 0) {
    throw new Error(`coordinator bench: accepted ${summary.newVersions} versions, rejected ${JSON.stringify(summary.rejected.slice(0, 3))}`);
  }
  return elapsed;
}

/** The bodies and content keys, found outside the timing, so the baseline is secretbox.open alone. */
function bodiesOf(bundles: readonly SealedBundle[], recipient: BoxKeyPair): { key: Uint8Array; body: Uint8Array }[] {
  return bundles.map((bundle) => {
    const header = parseBundleHeader(bundle.bytes);
    if (!header.ok) throw new Error(`coordinator bench: header ${header.reason}`);
    for (const slot of header.value.slots) {
      const opened = openSealedBox(slot, recipient.publicKey, recipient.secretKey);
      if (opened.ok) return { key: opened.value, body: bundle.bytes.subarray(header.value.signedLength) };
    }
    throw new Error('coordinator bench: no slot opens');
  });
}

/** openBundleAsync alone (slots, secretbox, signature, schema), without ledger or storage: where the time goes. */
async function timeOpenBundle(bundles: readonly SealedBundle[], recipient: BoxKeyPair): Promise<number> {
  const start = performance.now();
  for (const bundle of bundles) {
    if (!(await openBundleAsync(bundle.bytes, { mailboxId, recipientKeyPair: recipient })).ok) throw new Error('coordinator bench: a bundle did not open');
  }
  return performance.now() - start;
}

function timeBareOpens(bodies: readonly { key: Uint8Array; body: Uint8Array }[]): number {
  const start = performance.now();
  for (const { key, body } of bodies) {
    if (!decryptWithKey(key, body).ok) throw new Error('coordinator bench: a body did not open');
  }
  return performance.now() - start;
}

/** Rows for bench/run.ts: median reports/s over `runs` fresh folders, with the bare-open baseline. */
export async function coordinatorIngestRows(): Promise<BenchRow[]> {
  const scratch = await makeTempDir('dala-bench-coordinator');
  try {
    const storage = coordinatorFileStorage(join(scratch.path, 'vault'));
    const created = await createCoordinatorVault(storage, {
      passphrase: 'quiet river under the old bridge at dawn',
      name: 'Bench coordinator',
      kdfCost: { ...KDF_FLOOR, parallelism: 1 },
    });
    if (!created.ok) throw new Error(`coordinator bench: createCoordinatorVault answered ${created.reason}`);
    const vault = created.value;
    const recipient = coordinatorIdentity(vault.state).box;
    // Two coordinators, this one second: each bundle costs it two slot attempts, the slower case.
    const recipients = [generateBoxKeyPair().publicKey, recipient.publicKey];
    const bundles = sealReportChains({ mailboxId, recipients, devices: deviceCount, reports: reportCount, versionsPerBundle });
    const bodies = bodiesOf(bundles, recipient);
    const reports = versionsIn(bundles);

    const warmUp = bundles.slice(0, warmUpBundles);
    await timeIntake(scratch.path, vault, recipient, warmUp);
    const openOnly = (versionsIn(warmUp) * 1000) / (await timeOpenBundle(warmUp, recipient));
    timeBareOpens(bodies);
    const intakeRates: number[] = [];
    const bareRates: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      intakeRates.push((reports * 1000) / (await timeIntake(scratch.path, vault, recipient, bundles)));
      bareRates.push((reports * 1000) / timeBareOpens(bodies));
    }
    // The worst case for the coordinator: every report in its own bundle (a phone online at each save).
    const singles = sealReportChains({ mailboxId, recipients, devices: deviceCount, reports: singleReportCount, versionsPerBundle: () => 1 });
    const singleRate = (singles.length * 1000) / (await timeIntake(scratch.path, vault, recipient, singles));
    const rate = median(intakeRates);
    const bare = median(bareRates);
    const meanKB = bundles.reduce((sum, b) => sum + b.bytes.length, 0) / bundles.length / 1024;
    return [
      {
        metric: 'coordinator open + verify + store',
        value: `${rate.toFixed(0)} reports/s`,
        goal: `>= ${goalPerSecond}/s ${rate >= goalPerSecond ? '(met)' : '(MISSED)'}`,
        detail:
          `median of ${runs} (${intakeRates.map((r) => r.toFixed(0)).join(', ')}): ${reports} reports in ${bundles.length} bundles of 1-10 versions ` +
          `(${meanKB.toFixed(1)} KiB mean) from ${deviceCount} devices, 2 recipients; createBundleIntake + reports.bin (fsynced) per ${pageSize} bundles, no HTTP; ` +
          `openBundleAsync alone ${openOnly.toFixed(0)} reports/s (first ${warmUpBundles} bundles); ` +
          `${singleReportCount} reports in bundles of one each ${singleRate.toFixed(0)} reports/s; ` +
          `baseline bare secretbox open of the same bodies ${bare.toFixed(0)} reports/s, so intake runs at ${(rate / bare).toFixed(3)}x of it`,
      },
    ];
  } finally {
    await scratch.remove();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await coordinatorIngestRows();
  console.log('\nDala coordinator intake benchmark (printed, never asserted)\n');
  printTable(rows);
}
