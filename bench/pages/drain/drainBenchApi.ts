/** What bench/pages/drain/drainBench.ts puts on `window.dalaDrainBench` for bench/drainOutboxRows.ts to call. */
import type { CoordinatorKeys } from '../../../src/store/storeApi';

/** A mailbox on the relay that serves the page (same origin, as the app is served by its relay). */
export interface DrainMailbox {
  readonly mailboxId: string;
  readonly uploadToken: string;
}

export interface QueuedOutbox {
  readonly bundles: number;
  readonly meanBundleBytes: number;
  /** Set-up, not part of the comparison: saving the reports, then sealing them; ms. */
  readonly saveMs: number;
  readonly sealMs: number;
}

export interface DrainBenchApi {
  /**
   * A fresh vault (floor Argon2id cost: unlock is not measured here) joined to the organisation's
   * mailbox, `reports` reports saved and each sealed into its own bundle, as saving offline with the app
   * open does; keeps a copy of the sealed bytes for putRaw.
   */
  queue(organisation: DrainMailbox, coordinators: readonly CoordinatorKeys[], reports: number): Promise<QueuedOutbox>;
  /** The real sync engine flushes the queue until every bundle is delivered; ms. Throws if any is left. */
  drain(): Promise<number>;
  /** The same bytes PUT with fetch to another mailbox, one at a time like sync; ms. Throws unless each is stored (201). */
  putRaw(mailbox: DrainMailbox): Promise<number>;
}

declare global {
  interface Window {
    dalaDrainBench?: DrainBenchApi;
  }
}
