/** What bench/pages/coordinator/coordinatorBench.ts puts on `window.dalaCoordinatorBench` for bench/browserCoordinatorIngestRows.ts. */

export interface BenchOrganisation {
  readonly mailboxId: string;
  readonly uploadToken: string;
  /** base64url X25519 public key of the page's coordinator: what the bundles are sealed to. */
  readonly boxPublicKey: string;
}

export interface PullTimings {
  /** The real pull (list, fetch, check id, open, verify, ledger, encrypted archive, cursor, ack, receipts); ms. */
  readonly pullMs: number;
  readonly newVersions: number;
  readonly bundles: number;
}

export interface CoordinatorBenchApi {
  /** A fresh coordinator vault (floor Argon2id cost) in a fresh IndexedDB database, and an organisation on the page's relay. */
  setUp(adminToken: string): Promise<BenchOrganisation>;
  /**
   * Baseline on the same bundles: lists and fetches them and finds each content key (not timed), then
   * times bare secretbox opens of the bodies plus one Dexie bulkPut of the plaintexts; ms. Acknowledges nothing.
   */
  baseline(): Promise<number>;
  /** Times the coordinator's real pull of everything in the mailbox into its browser storage. */
  pull(): Promise<PullTimings>;
}

declare global {
  interface Window {
    dalaCoordinatorBench?: CoordinatorBenchApi;
  }
}
