// Benchmark: draining 1,000 reports queued offline to a local relay with the real store and sync engine
// in Chromium, against raw fetch PUTs of the same bundle bytes from the same page (goal: at most 1.5x).
// Printed, never asserted. Run alone: `node --import tsx bench/drainOutboxRows.ts`.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { toBase64Url } from '../src/crypto/bytes';
import { generateSigningKeyPair } from '../src/crypto/signingKeys';
import { generateBoxKeyPair } from '../src/crypto/x25519';
import type { CoordinatorKeys } from '../src/store/storeApi';
import { launchChromium } from '../tests/e2e/support/launchChromium';
import { makeTempDir } from '../tests/e2e/support/makeTempDir';
import { median } from './median';
import type { DrainMailbox, DrainResult, QueuedOutbox } from './pages/drain/drainBenchApi';
import { printTable } from './printTable';
import type { BenchRow } from './printTable';
import { spawnBenchRelay } from './spawnBenchRelay';

const reportCount = 1000;
/** Enough to fill and seal a bundle offline, so the warm-up runs every path the measured runs do. */
const warmUpReports = 100;
const runs = 3;
const ratioGoal = 1.5;
/** PUTs in flight at once, for the engine (one at a time, in chain order) and so for the baseline too. */
const uploadConcurrency = 1;
const configFile = fileURLToPath(new URL('./vite.drain.config.ts', import.meta.url));

interface DrainRun extends QueuedOutbox {
  readonly drain: DrainResult;
  readonly rawMs: number;
}

function coordinator(name: string): CoordinatorKeys {
  return { name, boxPublicKey: toBase64Url(generateBoxKeyPair().publicKey), signPublicKey: toBase64Url(generateSigningKeyPair().publicKey) };
}

/** Rows for bench/run.ts: drain time over raw-PUT time, median of `runs` fresh vaults. */
export async function drainOutboxRows(): Promise<BenchRow[]> {
  const pageDir = await makeTempDir('dala-bench-drain-page');
  await build({ configFile, build: { outDir: pageDir.path } });
  const relay = await spawnBenchRelay({ staticDir: pageDir.path });
  const profile = await makeTempDir('dala-bench-drain-profile');
  const context = await launchChromium(profile.path);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${relay.url}/`);
    await page.waitForFunction(() => window.dalaDrainBench !== undefined);
    // One coordinator: the comparison is of the same bytes either way, and each seal then costs three
    // X25519/Ed25519 operations instead of five.
    const coordinators = [coordinator('Coordinator A')];
    const toMailbox = async (): Promise<DrainMailbox> => {
      const { mailboxId, uploadToken } = await relay.createMailbox();
      return { mailboxId, uploadToken };
    };

    const measure = async (reports: number): Promise<DrainRun> => {
      const organisation = await toMailbox();
      const raw = await toMailbox();
      await page.evaluate(([o, c]) => window.dalaDrainBench?.prepare(o, c), [organisation, coordinators] as const);
      // Saved with the browser offline (navigator.onLine false), as a monitor without signal saves.
      await context.setOffline(true);
      const queued = await page.evaluate((n) => window.dalaDrainBench?.queue(n), reports);
      await context.setOffline(false);
      if (queued === undefined) throw new Error('drain bench page did not load');
      // The engine first: the baseline PUTs exactly the bytes it uploaded (the last bundle is sealed in its run).
      const drain = await page.evaluate(() => window.dalaDrainBench?.drain() ?? Promise.reject(new Error('no bench page')));
      const rawMs = await page.evaluate(([m, c]) => window.dalaDrainBench?.putRaw(m, c) ?? Promise.reject(new Error('no bench page')), [raw, uploadConcurrency] as const);
      return { ...queued, drain, rawMs };
    };

    await measure(warmUpReports);
    const results: DrainRun[] = [];
    for (let i = 0; i < runs; i += 1) results.push(await measure(reportCount));

    const drain = median(results.map((r) => r.drain.ms));
    const raw = median(results.map((r) => r.rawMs));
    // Each run pairs the two on the same bytes, so the median of per-run ratios resists drift best.
    const ratio = median(results.map((r) => r.drain.ms / r.rawMs));
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const list = (values: readonly number[]) => values.map(s).join(', ');
    const bundles = median(results.map((r) => r.drain.bundles));
    const meanBytes = median(results.map((r) => r.drain.meanBundleBytes));
    const sealedOffline = median(results.map((r) => r.sealedBundles));
    const unsealed = median(results.map((r) => r.unsealedVersions));
    const inFlight = uploadConcurrency === 1 ? 'one at a time' : `${uploadConcurrency} at a time`;
    return [
      {
        metric: `drain ${reportCount} queued reports vs raw PUTs`,
        value: `${ratio.toFixed(2)}x`,
        goal: `<= ${ratioGoal}x ${ratio <= ratioGoal ? '(met)' : '(MISSED)'}`,
        detail:
          `median of ${runs} fresh vaults, in Chromium (real IndexedDB) served by \`dala relay\` (same origin); ${reportCount} reports saved offline ` +
          `by the app's path (save, then the engine's run, which seals only full bundles: ${sealedOffline} sealed, ${unsealed} versions left unsealed; ` +
          `${s(median(results.map((r) => r.saveMs)))}, not counted). Sync engine flush once online ${s(drain)} (${list(results.map((r) => r.drain.ms))}) = ` +
          `${bundles} PUTs in chain order ${inFlight} (the bundles sealed offline go out while the rest is sealed; each decrypted while the one before is on the wire), ` +
          `answers recorded behind them (written once the oldest waiting answer is 1 s old, and the rest in one transaction at the end; one bundle row per bundle), read the device mailbox; ` +
          `raw fetch PUTs of the same ${bundles} bundles (${meanBytes.toFixed(0)} B mean, about ${Math.round(reportCount / bundles)} reports each, 1 coordinator) ` +
          `${inFlight} to a fresh mailbox ${s(raw)} (${list(results.map((r) => r.rawMs))})`,
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
  const rows = await drainOutboxRows();
  console.log('\nDala outbox drain benchmark (printed, never asserted)\n');
  printTable(rows);
}
