import type { StorageEstimateBytes, StorageHealthSeam } from './storage';

export interface FakeStorageOptions {
  /** Whether persist() is granted when asked. */
  readonly grantPersist?: boolean;
  readonly persisted?: boolean;
  readonly estimate?: StorageEstimateBytes | null;
}

export interface FakeStorage extends StorageHealthSeam {
  /** How many times persist() was asked for. */
  readonly persistCalls: () => number;
}

/** Test double for StorageHealthSeam. */
export function createFakeStorage(options: FakeStorageOptions = {}): FakeStorage {
  let persisted = options.persisted ?? false;
  let calls = 0;
  return {
    persist() {
      calls += 1;
      if (options.grantPersist ?? true) persisted = true;
      return Promise.resolve(persisted);
    },
    persisted: () => Promise.resolve(persisted),
    estimate: () => Promise.resolve(options.estimate === undefined ? { usage: 0, quota: 0 } : options.estimate),
    persistCalls: () => calls,
  };
}
