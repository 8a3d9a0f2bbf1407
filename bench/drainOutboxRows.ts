// Benchmark: draining 1,000 queued reports to a local relay with the real store and sync engine in
// Chromium, against raw fetch PUTs of the same sealed bytes from the same page (goal: at most 1.5x).
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
import type { DrainMailbox, QueuedOutbox } from './pages/drain/drainBenchApi';
import { printTable } from './printTable';
import type { BenchRow } from './printTable';
import { spawnBenchRelay } from './spawnBenchRelay';

const reportCount = 1000;
const warmUpReports = 20;
const runs = 3;
const ratioGoal = 1.5;
const configFile = fileURLToPath(new URL('./vite.drain.config.ts', import.meta.url));

interface DrainRun extends QueuedOutbox {
  readonly drainMs: number;
  readonly rawMs: number;
}

function coordinator(name: string): CoordinatorKeys {
  return { name, boxPublicKey: toBase64Url(generateBoxKeyPair().publicKey), signPublicKey: toBase64Url(generateSigningKeyPair().publicKey) };
}

/** Rows for bench/run.ts: drain time over raw-PUT time, median of `runs` fresh vaults (alternating which goes first). */
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
    // One coordinator: the comparison is of the same bytes either way, and each seal in the set-up then
    // costs three X25519/Ed25519 operations instead of five, which keeps `npm run bench` within minutes.
    const coordinators = [coordinator('Coordinator A')];
    const toMailbox = async (): Promise<DrainMailbox> => {
      const { mailboxId, uploadToken } = await relay.createMailbox();
      return { mailboxId, uploadToken };
    };

    const measure = async (reports: number, drainFirst: boolean): Promise<DrainRun> => {
      const organisation = await toMailbox();
      const raw = await toMailbox();
      const queued = await page.evaluate(([o, c, n]) => window.dalaDrainBench?.queue(o, c, n), [organisation, coordinators, reports] as const);
      if (queued === undefined) throw new Error('drain bench page did not load');
      const drain = () => page.evaluate(() => window.dalaDrainBench?.drain() ?? Promise.reject(new Error('no bench page')));
      const putRaw = () => page.evaluate((m) => window.dalaDrainBench?.putRaw(m) ?? Promise.reject(new Error('no bench page')), raw);
      if (drainFirst) {
        const drainMs = await drain();
        return { ...queued, drainMs, rawMs: await putRaw() };
      }
      const rawMs = await putRaw();
      return { ...queued, rawMs, drainMs: await drain() };
    };

    await measure(warmUpReports, true);
    const results: DrainRun[] = [];
    for (let i = 0; i < runs; i += 1) results.push(await measure(reportCount, i % 2 === 0));

    const drain = median(results.map((r) => r.drainMs));
    const raw = median(results.map((r) => r.rawMs));
    // Each run pairs the two on the same queue, so the median of per-run ratios resists drift best.
    const ratio = median(results.map((r) => r.drainMs / r.rawMs));
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const meanBytes = median(results.map((r) => r.meanBundleBytes));
    return [
      {
        metric: `drain ${reportCount} queued reports vs raw PUTs`,
        value: `${ratio.toFixed(2)}x`,
        goal: `<= ${ratioGoal}x ${ratio <= ratioGoal ? '(met)' : '(MISSED)'}`,
        detail:
          `median of ${runs} fresh vaults, in Chromium (real IndexedDB) served by \`dala relay\` (same origin): ` +
          `sync engine flush ${s(drain)} (${results.map((r) => s(r.drainMs)).join(', ')}) = read + decrypt the outbox, ${reportCount} PUTs one at a time, mark each delivered; ` +
          `raw fetch PUTs of the same ${reportCount} bundles (${meanBytes.toFixed(0)} B, 1 report to 1 coordinator each, as sealed on each offline save) to a fresh mailbox ${s(raw)} ` +
          `(${results.map((r) => s(r.rawMs)).join(', ')}); set-up not counted: save ${s(median(results.map((r) => r.saveMs)))}, seal ${s(median(results.map((r) => r.sealMs)))}`,
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
