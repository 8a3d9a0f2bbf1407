import type { Page } from 'playwright-core';
import type { SaveTimings } from './pages/benchApi';
import { withCpuThrottling } from './withCpuThrottling';

/** On the bench page: times the full save against a plain Dexie put at the given CPU slowdown. */
export async function measureSavePath(page: Page, cpuSlowdown: number, iterations: number): Promise<SaveTimings> {
  return withCpuThrottling(page, cpuSlowdown, () =>
    page.evaluate(async (count) => {
      if (window.dalaBench === undefined) throw new Error('bench page did not load');
      return window.dalaBench.measureSave(count);
    }, iterations),
  );
}
