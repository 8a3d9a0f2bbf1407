// Benchmark (issue #4): the coordinator's pull in the browser — list, fetch, check ids, open, verify,
// ledger, encrypted archive in IndexedDB, cursor, acknowledge, receipts — of 10,000 reports from a local
// relay, against bare secretbox opens of the same bundle bodies plus one Dexie bulkPut of the plaintexts
// in the same page (goal: at most 2x). Printed, never asserted.
// Run alone: `node --import tsx bench/browserCoordinatorIngestRows.ts`.
import { writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { sealBundle } from '../src/bundle/sealBundle';
import type { SealedBundle } from '../src/bundle/sealBundle';
import { fromBase64Url } from '../src/crypto/bytes';
import { generateSigningKeyPair } from '../src/crypto/signingKeys';
import { generateBoxKeyPair } from '../src/crypto/x25519';
import { launchChromium } from '../tests/e2e/support/launchChromium';
import { makeTempDir } from '../tests/e2e/support/makeTempDir';
import { median } from './median';
import type { PullTimings } from './pages/coordinator/coordinatorBenchApi';
import { printTable } from './printTable';
import type { BenchRow } from './printTable';
import { putBundles } from './putBundles';
import { sampleReport } from './sampleReport';
import { sealReportChains } from './sealReportChains';
import { spawnBenchRelay } from './spawnBenchRelay';

const reportCount = 10_000;
const deviceCount = 5;
const runs = 3;
const ratioGoal = 2;
/** The 64 KiB padding bucket plus the largest clear header: a bundle this long or shorter is a "text" bundle. */
const textBundleMaxBytes = 64 * 1024 + 1024;
const configFile = fileURLToPath(new URL('./vite.coordinator.config.ts', import.meta.url));
const profileFile = process.env['DALA_BENCH_PROFILE'];

/** How many sample reports one bundle holds before it would need the 1 MiB bucket: a phone's backlog bundle. */
function fullBundleVersions(recipients: readonly Uint8Array[]): number {
  const device = generateSigningKeyPair();
  const fits = (count: number): boolean => {
    const versions = Array.from({ length: count }, (_, i) => {
      const report = sampleReport(i + 1);
      return { reportId: report.id, version: 1, counter: i + 1, savedAt: Date.now(), report };
    });
    const sealed = sealBundle({ mailboxId: 'YmVuY2gtbWFpbGJveC0wMQ', recipients, device, versions, previousBundleHash: new Uint8Array(32) });
    return sealed.ok && sealed.value.bytes.length <= textBundleMaxBytes;
  };
  let count = 1;
  while (count < 64 && fits(count + 1)) count += 1;
  return count;
}

interface Run extends PullTimings {
  readonly baselineMs: number;
  readonly meanBundleBytes: number;
}

export async function browserCoordinatorIngestRows(): Promise<BenchRow[]> {
  const pageDir = await makeTempDir('dala-bench-coordinator-page');
  await build({ configFile, build: { outDir: pageDir.path } });
  const relay = await spawnBenchRelay({ staticDir: pageDir.path });
  const profile = await makeTempDir('dala-bench-coordinator-profile');
  const context = await launchChromium(profile.path);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${relay.url}/`);
    await page.waitForFunction(() => window.dalaCoordinatorBench !== undefined);
    // Two coordinators, the page's second: each bundle costs it two slot attempts, the slower case.
    const otherCoordinator = generateBoxKeyPair().publicKey;
    const perBundle = fullBundleVersions([otherCoordinator, generateBoxKeyPair().publicKey]);

    const measure = async (): Promise<Run> => {
      const organisation = await page.evaluate((token) => window.dalaCoordinatorBench?.setUp(token), relay.adminToken);
      if (organisation === undefined) throw new Error('coordinator bench page did not load');
      const ours = fromBase64Url(organisation.boxPublicKey);
      if (ours === null) throw new Error('coordinator bench: bad box public key');
      const bundles: SealedBundle[] = sealReportChains({
        mailboxId: organisation.mailboxId,
        recipients: [otherCoordinator, ours],
        devices: deviceCount,
        reports: reportCount,
        versionsPerBundle: () => perBundle,
      });
      // A fresh agent per run: a kept-alive socket idle through the last run may have been closed by the relay.
      const agent = new Agent({ keepAlive: true, maxSockets: 8 });
      try {
        await putBundles(agent, { relay: relay.url, mailboxId: organisation.mailboxId, uploadToken: organisation.uploadToken }, bundles, 8);
      } finally {
        agent.destroy();
      }
      const baselineMs = await page.evaluate(() => window.dalaCoordinatorBench?.baseline() ?? Promise.reject(new Error('no bench page')));
      // DALA_BENCH_PROFILE=file.cpuprofile: a CPU profile of the pull, to see where its time goes.
      const profiler = profileFile === undefined ? null : await context.newCDPSession(page);
      await profiler?.send('Profiler.enable');
      await profiler?.send('Profiler.start');
      const pulled = await page.evaluate(() => window.dalaCoordinatorBench?.pull() ?? Promise.reject(new Error('no bench page')));
      if (profiler !== null && profileFile !== undefined) await writeFile(profileFile, JSON.stringify((await profiler.send('Profiler.stop')).profile));
      if (pulled.newVersions !== reportCount) throw new Error(`coordinator bench: pulled ${pulled.newVersions} of ${reportCount} reports`);
      const meanBundleBytes = bundles.reduce((sum, b) => sum + b.bytes.length, 0) / bundles.length;
      return { ...pulled, baselineMs, meanBundleBytes };
    };

    const results: Run[] = [];
    for (let i = 0; i < runs; i += 1) results.push(await measure());
    const ratio = median(results.map((r) => r.pullMs / r.baselineMs));
    const pullMs = median(results.map((r) => r.pullMs));
    const baselineMs = median(results.map((r) => r.baselineMs));
    const first = results[0];
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    return [
      {
        metric: `coordinator pull of ${reportCount} reports in Chromium vs bare open + bulkPut`,
        value: `${ratio.toFixed(2)}x`,
        goal: `<= ${ratioGoal}x ${ratio <= ratioGoal ? '(met)' : '(MISSED)'}`,
        detail:
          `median of ${runs} fresh coordinators: pull ${s(pullMs)} = ${((reportCount * 1000) / pullMs).toFixed(0)} reports/s (${results.map((r) => s(r.pullMs)).join(', ')}); ` +
          `baseline secretbox.open of the same bodies + one Dexie bulkPut ${s(baselineMs)} (${results.map((r) => s(r.baselineMs)).join(', ')}); ` +
          `${first?.bundles ?? 0} bundles of up to ${perBundle} reports (a phone's backlog, 64 KiB bucket, ${((first?.meanBundleBytes ?? 0) / 1024).toFixed(1)} KiB mean) from ${deviceCount} devices, 2 recipients; relay spawned on 127.0.0.1, page on its origin`,
      },
    ];
  } finally {
    await context.close();
    await profile.remove();
    await relay.stop();
    await pageDir.remove();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await browserCoordinatorIngestRows();
  console.log('\nDala browser coordinator pull benchmark (printed, never asserted)\n');
  printTable(rows);
}
