import type { ExclusiveLock, LockAttempt } from './exclusiveLock';

/**
 * Locks held in this JavaScript realm only. The fallback where Web Locks are missing, and the test
 * double: two sync engines given the same instance behave like two tabs sharing navigator.locks.
 */
export function createMemoryExclusiveLock(): ExclusiveLock & { isHeld(name: string): boolean } {
  const held = new Set<string>();
  return {
    async runIfAvailable<T>(name: string, job: () => Promise<T>): Promise<LockAttempt<T>> {
      if (held.has(name)) return { acquired: false };
      held.add(name);
      try {
        return { acquired: true, value: await job() };
      } finally {
        held.delete(name);
      }
    },
    isHeld: (name) => held.has(name),
  };
}
