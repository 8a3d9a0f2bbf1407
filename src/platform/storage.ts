// Seam over navigator.storage (StorageManager) so screens can be tested without a browser.

export interface StorageEstimateBytes {
  readonly usage: number;
  readonly quota: number;
}

export interface StorageHealthSeam {
  /** Asks the browser not to evict this origin's data under storage pressure; true when granted. */
  persist(): Promise<boolean>;
  /** Whether eviction protection is already granted. */
  persisted(): Promise<boolean>;
  /** Bytes used and available to this origin, or null when the browser does not say. */
  estimate(): Promise<StorageEstimateBytes | null>;
}

/** The real seam; answers "not persistent / unknown" where the browser lacks the API (older WebViews). */
export function createBrowserStorage(manager: StorageManager | undefined = globalThis.navigator?.storage): StorageHealthSeam {
  return {
    async persist() {
      if (!manager?.persist) return false;
      try {
        return await manager.persist();
      } catch {
        return false;
      }
    },
    async persisted() {
      if (!manager?.persisted) return false;
      try {
        return await manager.persisted();
      } catch {
        return false;
      }
    },
    async estimate() {
      if (!manager?.estimate) return null;
      try {
        const { usage, quota } = await manager.estimate();
        if (usage === undefined || quota === undefined) return null;
        return { usage, quota };
      } catch {
        return null;
      }
    },
  };
}
