// Benchmark: time from the panic action (the hold completes) to the key material gone, in the real app
// (goal: under 200 ms). Read from the User Timing marks the app sets (src/ui/safety/wipeEverything.ts).
// Printed, never asserted. Run alone: `npm run build && node --import tsx bench/panicWipeRows.ts`.
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { createVault } from '../tests/e2e/support/createVault';
import { launchChromium } from '../tests/e2e/support/launchChromium';
import { makeTempDir } from '../tests/e2e/support/makeTempDir';
import { holdPanicWipeWithPointer } from '../tests/e2e/support/safetyHold';
import { saveReport } from '../tests/e2e/support/saveReport';
import { startServer } from '../tests/e2e/support/startServer';
import { median } from './median';
import { printTable } from './printTable';
import type { BenchRow } from './printTable';
import { withCpuThrottling } from './withCpuThrottling';

const runs = 3;
const reportsPerRun = 5;
const goalMs = 200;
const passphrase = 'correct horse battery staple steppe';

interface WipeTiming {
  /** Panic action to the vault row's deletion committed. */
  readonly keyGoneMs: number;
  /** Panic action to every database, Web Storage and cache (but the app shell) gone. */
  readonly doneMs: number;
}

async function readMarks(page: Page): Promise<WipeTiming> {
  const [start, keyGone, done] = await page.evaluate(() =>
    ['dala:panic-wipe', 'dala:key-material-gone', 'dala:wipe-done'].map((name) => performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN),
  );
  if (start === undefined || keyGone === undefined || done === undefined || [start, keyGone, done].some(Number.isNaN)) {
    throw new Error('panic wipe bench: the app set no dala:* performance marks');
  }
  return { keyGoneMs: keyGone - start, doneMs: done - start };
}

/** One vault with `reportsPerRun` saved reports, wiped from the home screen at the given CPU slowdown. */
async function measureOnce(url: string, cpuSlowdown: number): Promise<WipeTiming> {
  const profile = await makeTempDir('dala-bench-panic');
  const context = await launchChromium(profile.path);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await createVault(page, passphrase);
    for (let i = 0; i < reportsPerRun; i += 1) {
      await saveReport(page, { type: 'Police visit', narrative: `Officers came to flat ${i} at dawn and took two phones.`, city: 'Almaty', when: '2026-03-14T06:10' });
    }
    await withCpuThrottling(page, cpuSlowdown, async () => {
      await holdPanicWipeWithPointer(page);
      await page.getByRole('button', { name: 'Create vault' }).waitFor({ state: 'visible', timeout: 30_000 });
    });
    return await readMarks(page);
  } finally {
    await context.close();
    await profile.remove();
  }
}

/** Rows for bench/run.ts: median over `runs` fresh profiles, at 1x and 4x CPU. */
export async function panicWipeRows(): Promise<BenchRow[]> {
  const server = await startServer();
  try {
    const rows: BenchRow[] = [];
    for (const slowdown of [1, 4]) {
      const timings: WipeTiming[] = [];
      for (let i = 0; i < runs; i += 1) timings.push(await measureOnce(server.url, slowdown));
      const keyGone = median(timings.map((t) => t.keyGoneMs));
      const done = median(timings.map((t) => t.doneMs));
      rows.push({
        metric: `panic wipe: action to key material gone, ${slowdown}x CPU`,
        value: `${keyGone.toFixed(1)} ms`,
        goal: `< ${goalMs} ms ${keyGone < goalMs ? '(met)' : '(MISSED)'}`,
        detail: `median of ${runs} (vault + ${reportsPerRun} reports); everything else gone after ${done.toFixed(1)} ms; runs: ${timings.map((t) => t.keyGoneMs.toFixed(1)).join(', ')} ms`,
      });
    }
    return rows;
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await panicWipeRows();
  console.log('\nDala panic wipe benchmark (printed, never asserted)\n');
  printTable(rows);
}
