import type { Page } from 'playwright-core';

/** Runs `action` with the page's CPU slowed `rate` times (DevTools emulation), then restores full speed. */
export async function withCpuThrottling<T>(page: Page, rate: number, action: () => Promise<T>): Promise<T> {
  if (!(rate >= 1)) throw new RangeError(`withCpuThrottling: rate must be >= 1, got ${rate}`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    return await action();
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}
