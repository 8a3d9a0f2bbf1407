// Where a coordinator's files live. Injected, so the same code runs on a terminal (files in a folder,
// src/cli/coordinatorFileStorage.ts) and later in the browser's coordinator screens.

export interface CoordinatorStorage {
  /** The named file's bytes, or null when there is no such file. Names may contain one '/' (a sub-folder). */
  read(name: string): Promise<Uint8Array | null>;
  /**
   * Replaces the named file atomically and durably: once the promise resolves the new bytes survive a
   * crash or power loss, and a crash before then leaves the old bytes (or no file), never a mix.
   */
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** Like write, but only if no file of that name exists; never replaces one, even when two run at once. */
  create(name: string, bytes: Uint8Array): Promise<'created' | 'exists'>;
}

/** The file names a coordinator folder holds. */
export const coordinatorFiles = {
  vault: 'coordinator.json',
  archive: 'reports.bin',
  /** Which receipts went to which device (sendReceipts.ts). */
  receipts: 'receipts.bin',
  rejectedBundle: (bundleId: string): string => `rejected/${bundleId}.bundle`,
  rejectedReason: (bundleId: string): string => `rejected/${bundleId}.reason`,
} as const;
