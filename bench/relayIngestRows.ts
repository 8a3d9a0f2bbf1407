// Benchmark: how many sealed bundles per second the relay stores (HTTP PUT, token check, hash check,
// durable commit) against a bare SQLite insert loop of the same bytes with the same durability, both
// driven from this process (goal: at least half). Printed, never asserted.
// Run alone: `node --import tsx bench/relayIngestRows.ts`.
import { mkdtemp } from 'node:fs/promises';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateBoxKeyPair } from '../src/crypto/x25519';
import { makeTempDir } from '../tests/e2e/support/makeTempDir';
import { bareSqliteInserts } from './bareSqliteInserts';
import { median } from './median';
import { printTable } from './printTable';
import type { BenchRow } from './printTable';
import { putBundles } from './putBundles';
import { relayStoreInserts } from './relayStoreInserts';
import { sealReportChains } from './sealReportChains';
import { spawnBenchRelay } from './spawnBenchRelay';

const bundleCount = 500;
const warmUpCount = 100;
// The relay's JIT needs a few thousand requests to reach its steady speed (measured: about 1 000/s on
// the first 1 500 PUTs, several times that from the third 1 500 on a RAM disk); a deployed relay runs
// for days, so the runs measure it warm.
const relayWarmUpRounds = 6;
const runs = 3;
const concurrency = 8;
const chunkSize = 50;
const ratioGoal = 0.5;

interface IngestRun {
  readonly relayPerSecond: number;
  readonly barePerSecond: number;
  /** RelayStore.putBundle without HTTP: where the relay's time goes. */
  readonly storePerSecond: number;
}

/** Rows for bench/run.ts: the relay's bundles/s over the bare loop's, median of `runs` runs in which the two alternate in chunks. */
export async function relayIngestRows(): Promise<BenchRow[]> {
  const relay = await spawnBenchRelay();
  const scratch = await makeTempDir('dala-bench-sqlite');
  // Kept-alive connections across chunks, as a busy relay's clients keep theirs.
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const first = await relay.createMailbox();
    // Two coordinators, one report per bundle: what a phone sends after each save.
    const recipients = [generateBoxKeyPair().publicKey, generateBoxKeyPair().publicKey];
    const bundles = sealReportChains({ mailboxId: first.mailboxId, recipients, devices: 1, reports: bundleCount, versionsPerBundle: () => 1 });
    const meanBytes = bundles.reduce((sum, bundle) => sum + bundle.bytes.length, 0) / bundles.length;

    const measure = async (batch: typeof bundles): Promise<IngestRun> => {
      // A fresh mailbox (the relay answers 201, not "already stored") and fresh databases per run.
      const mailbox = await relay.createMailbox();
      const target = { relay: relay.url, mailboxId: mailbox.mailboxId, uploadToken: mailbox.uploadToken };
      const runDir = await mkdtemp(join(scratch.path, 'run-'));
      const bare = bareSqliteInserts(runDir);
      const store = relayStoreInserts(join(runDir, 'store'));
      const ms = { relay: 0, bare: 0, store: 0 };
      try {
        // Small alternating chunks: the shared disk's fsync latency drifts, and each side must see the same drift.
        for (let at = 0, chunk = 0; at < batch.length; at += chunkSize, chunk += 1) {
          const part = batch.slice(at, at + chunkSize);
          const timeRelay = async () => {
            const start = performance.now();
            await putBundles(agent, target, part, concurrency);
            return performance.now() - start;
          };
          if (chunk % 2 === 0) {
            ms.relay += await timeRelay();
            ms.bare += bare.insert(part);
          } else {
            ms.bare += bare.insert(part);
            ms.relay += await timeRelay();
          }
          ms.store += store.insert(part);
        }
      } finally {
        bare.close();
        store.close();
      }
      const perSecond = (elapsed: number) => (batch.length * 1000) / elapsed;
      return { relayPerSecond: perSecond(ms.relay), barePerSecond: perSecond(ms.bare), storePerSecond: perSecond(ms.store) };
    };

    for (let i = 0; i < relayWarmUpRounds; i += 1) {
      const mailbox = await relay.createMailbox();
      await putBundles(agent, { relay: relay.url, mailboxId: mailbox.mailboxId, uploadToken: mailbox.uploadToken }, bundles, concurrency);
    }
    await measure(bundles.slice(0, warmUpCount));
    const results: IngestRun[] = [];
    for (let i = 0; i < runs; i += 1) results.push(await measure(bundles));

    const relayRate = median(results.map((r) => r.relayPerSecond));
    const bareRate = median(results.map((r) => r.barePerSecond));
    // Per-run ratios: within a run both sides saw the same disk.
    const ratio = median(results.map((r) => r.relayPerSecond / r.barePerSecond));
    const list = (values: readonly number[]) => values.map((v) => v.toFixed(0)).join(', ');
    return [
      {
        metric: 'relay ingest vs bare SQLite insert loop',
        value: `${ratio.toFixed(2)}x`,
        goal: `>= ${ratioGoal}x ${ratio >= ratioGoal ? '(met)' : '(MISSED)'}`,
        detail:
          `median of ${runs} runs of ${bundleCount} sealed bundles, relay and bare alternating every ${chunkSize} (1 report, 2 recipients, ${meanBytes.toFixed(0)} B each): ` +
          `relay ${relayRate.toFixed(0)}/s (${list(results.map((r) => r.relayPerSecond))}) = HTTP/1.1 PUT from this process, ${concurrency} in flight ` +
          `over ${concurrency} kept-alive connections, to \`dala relay\` in its own process after ${relayWarmUpRounds * bundleCount} unmeasured warm-up PUTs ` +
          `(Node HTTP + Fastify + rate limit + token/hash checks + WAL synchronous=FULL commit; the relay group-commits: PUTs that arrive together share one transaction, each answered after it is on disk); ` +
          `bare ${bareRate.toFixed(0)}/s (${list(results.map((r) => r.barePerSecond))}) = better-sqlite3 insert, one IMMEDIATE transaction per bundle, same pragmas, same disk; ` +
          `RelayStore.putBundle alone (no HTTP) ${median(results.map((r) => r.storePerSecond)).toFixed(0)}/s`,
      },
    ];
  } finally {
    agent.destroy();
    await relay.stop();
    await scratch.remove();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await relayIngestRows();
  console.log('\nDala relay ingest benchmark (printed, never asserted)\n');
  printTable(rows);
}
