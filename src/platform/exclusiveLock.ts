// Seam over the Web Locks API: one tab of the app does a job at a time (e.g. the sync flush).
import { createMemoryExclusiveLock } from './memoryExclusiveLock';

export type LockAttempt<T> = { readonly acquired: true; readonly value: T } | { readonly acquired: false };

export interface ExclusiveLock {
  /** Runs `job` while holding the lock `name`; if another holder (another tab) has it now, does not run it. */
  runIfAvailable<T>(name: string, job: () => Promise<T>): Promise<LockAttempt<T>>;
}

/**
 * navigator.locks where the browser has it (shared by every tab of the origin). Older WebViews lack
 * it: the fallback only excludes jobs within this tab, so callers must stay correct when two tabs run
 * the job at once (sync does: sealing is one transaction and uploads are idempotent).
 */
export function createWebLocks(locks: LockManager | undefined = globalThis.navigator?.locks): ExclusiveLock {
  if (locks === undefined) return createMemoryExclusiveLock();
  return {
    async runIfAvailable<T>(name: string, job: () => Promise<T>): Promise<LockAttempt<T>> {
      // The lock is held until the callback's promise settles, i.e. until the job is done.
      return await locks.request(name, { ifAvailable: true }, async (lock): Promise<LockAttempt<T>> => {
        if (lock === null) return { acquired: false };
        return { acquired: true, value: await job() };
      });
    },
  };
}
