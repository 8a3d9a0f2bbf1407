/** What bench/pages/drain/drainBench.ts puts on `window.dalaDrainBench` for bench/drainOutboxRows.ts to call. */
import type { CoordinatorKeys } from '../../../src/store/storeApi';

/** A mailbox on the relay that serves the page (same origin, as the app is served by its relay). */
export interface DrainMailbox {
  readonly mailboxId: string;
  readonly uploadToken: string;
}

export interface QueuedOutbox {
  /** Bundles the offline saves sealed (full ones only) and versions they left unsealed. */
  readonly sealedBundles: number;
  readonly unsealedVersions: number;
  /** Set-up, not part of the comparison: saving the reports offline, each followed by the engine's run; ms. */
  readonly saveMs: number;
}

export interface DrainResult {
  readonly ms: number;
  /** The bundles the engine uploaded, and their mean size in bytes. */
  readonly bundles: number;
  readonly meanBundleBytes: number;
}

export interface DrainBenchApi {
  /**
   * A fresh vault (floor Argon2id cost: unlock is not measured here) joined to the organisation's mailbox.
   * Online: it loads code the vault's creation imports on demand.
   */
  prepare(organisation: DrainMailbox, coordinators: readonly CoordinatorKeys[]): Promise<void>;
  /**
   * `reports` reports saved while the browser is offline (the caller sets that), each followed by the sync
   * engine's run, as saving with the app open does: full bundles are sealed, the rest waits.
   */
  queue(reports: number): Promise<QueuedOutbox>;
  /**
   * The real sync engine's flush, online, until every report is delivered: seal what waits, read and
   * decrypt the bundles, upload, record the answers. Keeps a copy of the bytes it uploaded for putRaw.
   * Throws if anything is left.
   */
  drain(): Promise<DrainResult>;
  /** The bytes the last drain uploaded, PUT with bare fetch to another mailbox, in the same order and as many at once; ms. Throws unless each is stored (201). */
  putRaw(mailbox: DrainMailbox, concurrency: number): Promise<number>;
}

declare global {
  interface Window {
    dalaDrainBench?: DrainBenchApi;
  }
}
