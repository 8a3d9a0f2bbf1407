import { describe, expect, it } from 'vitest';
import { createFakeStorage } from '../../../src/platform/fakeStorage';
import { createBrowserStorage } from '../../../src/platform/storage';

describe('storage health seam', () => {
  it('passes the browser’s answers through', async () => {
    let asked = 0;
    const manager = {
      persist: () => {
        asked += 1;
        return Promise.resolve(true);
      },
      persisted: () => Promise.resolve(true),
      estimate: () => Promise.resolve({ usage: 1_234, quota: 5_000_000 }),
    } as unknown as StorageManager;
    const storage = createBrowserStorage(manager);
    expect(await storage.persist()).toBe(true);
    expect(asked).toBe(1);
    expect(await storage.persisted()).toBe(true);
    expect(await storage.estimate()).toEqual({ usage: 1_234, quota: 5_000_000 });
  });

  it('answers "not persistent, size unknown" where the API is missing or fails', async () => {
    for (const manager of [undefined, {} as StorageManager, failing()]) {
      const storage = createBrowserStorage(manager);
      expect(await storage.persist()).toBe(false);
      expect(await storage.persisted()).toBe(false);
      expect(await storage.estimate()).toBeNull();
    }
  });

  it('fake: persist() is granted or refused as configured and counted', async () => {
    const granting = createFakeStorage();
    expect(await granting.persisted()).toBe(false);
    expect(await granting.persist()).toBe(true);
    expect(await granting.persisted()).toBe(true);
    const refusing = createFakeStorage({ grantPersist: false, estimate: null });
    expect(await refusing.persist()).toBe(false);
    expect(await refusing.persisted()).toBe(false);
    expect(refusing.persistCalls()).toBe(1);
    expect(await refusing.estimate()).toBeNull();
  });
});

function failing(): StorageManager {
  const reject = () => Promise.reject(new Error('SecurityError'));
  return { persist: reject, persisted: reject, estimate: reject } as unknown as StorageManager;
}
