// `npm run bench`: builds the app (npm script) and the bench page, measures in Chromium, prints a table.
// Numbers are printed, never asserted: they depend on the machine (DESIGN.md §9).
import { launchChromium } from '../tests/e2e/support/launchChromium';
import { makeTempDir } from '../tests/e2e/support/makeTempDir';
import { startServer } from '../tests/e2e/support/startServer';
import { measureInitialJs } from './measureInitialJs';
import { measureSavePath } from './measureSavePath';
import { measureUnlock } from './measureUnlock';
import { browserCoordinatorIngestRows } from './browserCoordinatorIngestRows';
import { coordinatorIngestRows } from './coordinatorIngestRows';
import { drainOutboxRows } from './drainOutboxRows';
import { relayIngestRows } from './relayIngestRows';
import { panicWipeRows } from './panicWipeRows';
import { median } from './median';
import { printTable } from './printTable';
import type { BenchRow } from './printTable';
import { serveBenchPages } from './serveBenchPages';

const saveRounds = 8;
const unlockRuns = 5;
const saveRatioGoal = 1.5;
const initialJsGoalKB = 150;

const ms = (value: number) => `${value.toFixed(2)} ms`;

async function saveAndUnlockRows(): Promise<BenchRow[]> {
  const pages = await serveBenchPages();
  const profile = await makeTempDir('dala-bench-profile');
  const context = await launchChromium(profile.path);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pages.saveUrl);
    await page.waitForFunction(() => window.dalaBench !== undefined);
    const rows: BenchRow[] = [];
    for (const slowdown of [1, 4]) {
      const timings = await measureSavePath(page, slowdown, saveRounds);
      const save = median(timings.saveMs);
      const put = median(timings.plainPutMs);
      const ratio = save / put;
      rows.push({
        metric: `save vs plain Dexie put, ${slowdown}x CPU`,
        value: `${ratio.toFixed(2)}x`,
        goal: `<= ${saveRatioGoal}x ${ratio <= saveRatioGoal ? '(met)' : '(MISSED)'}`,
        detail: `median of ${saveRounds} batches of 10: save ${ms(save)} (of which schema parse ${ms(median(timings.parseMs))}), plain put ${ms(put)}`,
      });
    }
    const unlocks = await measureUnlock(page, unlockRuns);
    rows.push({
      metric: 'unlock, Argon2id m=64 MiB t=3 p=1',
      value: ms(median(unlocks)),
      goal: 'printed only',
      detail: `median of ${unlockRuns} at 1x CPU (KDF in a worker): ${unlocks.map((t) => t.toFixed(0)).join(', ')} ms`,
    });
    return rows;
  } finally {
    await context.close();
    await profile.remove();
    await pages.close();
  }
}

async function initialJsRow(): Promise<BenchRow> {
  const server = await startServer();
  try {
    const { files, serverCompressed } = await measureInitialJs(server.url);
    const totalKB = files.reduce((sum, file) => sum + file.gzipBytes, 0) / 1024;
    const rawKB = files.reduce((sum, file) => sum + file.rawBytes, 0) / 1024;
    return {
      metric: 'initial JS for the first screen, gzip',
      value: `${totalKB.toFixed(1)} KB`,
      goal: `<= ${initialJsGoalKB} KB ${totalKB <= initialJsGoalKB ? '(met)' : '(MISSED)'}`,
      detail: `${files.length} files, ${rawKB.toFixed(1)} KB raw, ${serverCompressed ? 'as sent by the server' : 'gzip -9 computed (server sent uncompressed)'}: ${files.map((f) => f.path).join(' ')}`,
    };
  } finally {
    await server.stop();
  }
}

const rows = [
  ...(await saveAndUnlockRows()),
  await initialJsRow(),
  ...(await panicWipeRows()),
  ...(await relayIngestRows()),
  ...(await drainOutboxRows()),
  ...(await coordinatorIngestRows()),
  ...(await browserCoordinatorIngestRows()),
];
console.log('\nDala benchmarks (printed, never asserted)\n');
printTable(rows);
