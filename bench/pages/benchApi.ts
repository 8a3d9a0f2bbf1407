/** What bench/pages/saveBench.ts puts on `window.dalaBench` for bench/run.ts to call. */
/** Per round, the mean ms of one operation over a batch. */
export interface SaveTimings {
  /** Parse with the domain schema, then VaultSession.saveReport (encrypt; version, report, outbox, counter in one transaction). */
  readonly saveMs: number[];
  /** One Dexie put of the same kind of parsed report, in the clear, with the same durability. */
  readonly plainPutMs: number[];
  /** The domain schema's parse alone (part of saveMs), to show where the time goes. */
  readonly parseMs: number[];
}

export interface BenchApi {
  /** Creates a vault in a fresh database and times `rounds` batches of saves against batches of plain puts. */
  measureSave(rounds: number): Promise<SaveTimings>;
  /** Creates a vault with the real KDF cost, then times `runs` unlocks; ms per unlock. */
  measureUnlock(runs: number): Promise<number[]>;
}

declare global {
  interface Window {
    dalaBench?: BenchApi;
  }
}
