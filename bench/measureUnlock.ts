import type { Page } from 'playwright-core';

/** On the bench page: ms per unlock with the real Argon2id cost (m=64 MiB, t=3, p=1), `runs` times. */
export async function measureUnlock(page: Page, runs: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    if (window.dalaBench === undefined) throw new Error('bench page did not load');
    return window.dalaBench.measureUnlock(count);
  }, runs);
}
