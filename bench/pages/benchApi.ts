/** What bench/pages/saveBench.ts puts on `window.dalaBench` for bench/run.ts to call. */
export interface SaveTimings {
  /** Per save, ms: parse with the domain schema, then VaultSession.saveReport (encrypt, one transaction). */
  readonly saveMs: number[];
  /** Per put, ms: one Dexie put of the same parsed report, in the clear, same durability. */
  readonly plainPutMs: number[];
}

export interface BenchApi {
  /** Creates a vault in a fresh database and times `iterations` saves against plain puts (interleaved). */
  measureSave(iterations: number): Promise<SaveTimings>;
  /** Creates a vault with the real KDF cost, then times `runs` unlocks; ms per unlock. */
  measureUnlock(runs: number): Promise<number[]>;
}

declare global {
  interface Window {
    dalaBench?: BenchApi;
  }
}
