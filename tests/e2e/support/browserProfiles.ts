import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './launchChromium';
import { makeTempDir } from './makeTempDir';
import type { TempDir } from './makeTempDir';

export interface BrowserProfiles {
  /** A fresh Chromium profile (its own IndexedDB: one person's phone or laptop) and its first page. */
  open(name: string): Promise<Page>;
  /** Closes every context opened so far, then deletes their profile folders. */
  closeAll(): Promise<void>;
}

/** Browser profiles for tests with several people (monitor and coordinators), cleaned up together. */
export function browserProfiles(): BrowserProfiles {
  const profiles: TempDir[] = [];
  const contexts: BrowserContext[] = [];
  return {
    async open(name) {
      const profile = await makeTempDir(name);
      profiles.push(profile);
      const context = await launchChromium(profile.path);
      contexts.push(context);
      return context.pages()[0] ?? (await context.newPage());
    },
    async closeAll() {
      try {
        for (const context of contexts.splice(0)) await context.close();
      } finally {
        for (const profile of profiles.splice(0)) await profile.remove();
      }
    },
  };
}
