import type { Page } from 'playwright-core';
import type { SaveTimings } from './pages/benchApi';
import { withCpuThrottling } from './withCpuThrottling';

/** On the bench page: times batches of full saves against batches of plain Dexie puts at the given CPU slowdown. */
export async function measureSavePath(page: Page, cpuSlowdown: number, rounds: number): Promise<SaveTimings> {
  return withCpuThrottling(page, cpuSlowdown, () =>
    page.evaluate(async (count) => {
      if (window.dalaBench === undefined) throw new Error('bench page did not load');
      return window.dalaBench.measureSave(count);
    }, rounds),
  );
}
