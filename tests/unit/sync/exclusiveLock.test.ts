import { describe, expect, it } from 'vitest';
import { createWebLocks } from '../../../src/platform/exclusiveLock';
import { createMemoryExclusiveLock } from '../../../src/platform/memoryExclusiveLock';

/** navigator.locks as far as ifAvailable goes: a held name grants null, as the Web Locks API does. */
function fakeLockManager(): LockManager {
  const held = new Set<string>();
  const request = async (name: string, options: LockOptions, callback: LockGrantedCallback<unknown>) => {
    if (options.ifAvailable !== true) throw new Error('only ifAvailable is used');
    if (held.has(name)) return callback(null);
    held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' } as Lock);
    } finally {
      held.delete(name);
    }
  };
  return { request, query: () => Promise.resolve({}) } as unknown as LockManager;
}

describe.each([
  ['Web Locks', () => createWebLocks(fakeLockManager())],
  ['the in-tab fallback', () => createWebLocks(undefined)],
  ['the memory lock', () => createMemoryExclusiveLock()],
])('exclusive lock over %s', (_name, make) => {
  it('runs a job, refuses a second one while the first holds the lock, and frees it afterwards', async () => {
    const locks = make();
    let release = () => {};
    const first = locks.runIfAvailable('dala-sync', () => new Promise<string>((resolve) => (release = () => resolve('first'))));
    expect(await locks.runIfAvailable('dala-sync', () => Promise.resolve('second'))).toEqual({ acquired: false });
    expect(await locks.runIfAvailable('other-name', () => Promise.resolve('other'))).toEqual({ acquired: true, value: 'other' });
    release();
    expect(await first).toEqual({ acquired: true, value: 'first' });
    expect(await locks.runIfAvailable('dala-sync', () => Promise.resolve('third'))).toEqual({ acquired: true, value: 'third' });
  });

  it('frees the lock when the job fails', async () => {
    const locks = make();
    await expect(locks.runIfAvailable('dala-sync', () => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
    expect(await locks.runIfAvailable('dala-sync', () => Promise.resolve(1))).toEqual({ acquired: true, value: 1 });
  });
});
