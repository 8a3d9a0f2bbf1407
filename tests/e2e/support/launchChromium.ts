import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

/** Debian's chromium package; `npx playwright install` cannot download browsers here (DESIGN.md §9). */
export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Opens Chromium on a persistent profile at `userDataDir`, with a phone-sized viewport. A persistent
 * context (not an incognito one) writes to disk, so a test can close it, scan the profile and reopen it.
 */
export async function launchChromium(userDataDir: string): Promise<BrowserContext> {
  if (userDataDir === '') throw new Error('launchChromium: userDataDir must be a directory path');
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    viewport: { width: 360, height: 780 },
  });
}
